package org.mlgov.console.draft;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import org.mlgov.console.audit.AuditableEvent;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftEvents.DraftCloned;
import org.mlgov.console.draft.DraftEvents.DraftCreated;
import org.mlgov.console.draft.DraftEvents.DraftCreatedComplete;
import org.mlgov.console.draft.DraftEvents.DraftDeleted;
import org.mlgov.console.draft.DraftEvents.DraftRenamed;
import org.mlgov.console.draft.DraftEvents.StepSaved;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.SpecValidator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of drafts: start, save a wizard step, rename, clone, delete, and read. Each change publishes an event
 * ({@link DraftEvents}) that the audit trail records in the same transaction. Only ML administrators use drafts;
 * only the author changes one. Other features (the security review) read and store drafts through this service,
 * never through the repository.
 * <p>
 * Two saves of the same version can both pass the aggregate's version check and meet at the database, where the
 * second finds the version changed ({@link OptimisticLockingFailureException}). That second save is refused as a
 * {@link DraftConflictException} that says who saved the draft meanwhile and when, as the version check does.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class DraftService {

	private final DraftRepository drafts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SpecValidator validator;

	private final DraftSummaries summaries;

	public DraftService(DraftRepository drafts, DraftSummaries summaries, ApplicationEventPublisher events, Clock clock,
			Catalog catalog) {
		this.drafts = drafts;
		this.summaries = summaries;
		this.events = events;
		this.clock = clock;
		this.validator = new SpecValidator(catalog);
	}

	@Transactional
	public Draft start(String name, String user) {
		Draft draft = this.drafts.save(Draft.start(name, user, this.clock.instant()));
		publish(new DraftCreated(user, draft.auditSubject(null), draft.name()));
		return draft;
	}

	/**
	 * Creates a draft with a complete specification in one step, as if {@code user} had saved every step of the
	 * wizard with it (the JSON API's {@code POST /api/drafts}): every step is reached and the draft can be submitted.
	 * The specification is validated as every wizard step and the generator validate it.
	 * @param name the draft's name (1 to {@link Draft#NAME_LENGTH} characters)
	 * @param spec the role specification
	 * @param roleMode a new role or an update of an existing one
	 * @param canvasTargets where the Canvas settings apply (checked by the caller, as the wizard's Canvas step does)
	 * @param user the author
	 * @return the stored draft
	 * @throws InvalidSpecException with every field error of the specification; nothing is stored
	 * @throws IllegalArgumentException if the name is blank or too long
	 */
	@Transactional
	public Draft createFrom(String name, RoleSpec spec, RoleMode roleMode, CanvasTargets canvasTargets, String user) {
		List<FieldError> errors = this.validator.validate(spec);
		if (!errors.isEmpty()) {
			throw new InvalidSpecException(errors);
		}
		DraftContent content = new DraftContent(spec, roleMode, canvasTargets, null, Map.of());
		Draft draft = this.drafts.save(Draft.complete(name, user, content, this.clock.instant()));
		publish(new DraftCreatedComplete(user, draft.auditSubject(null), draft.name()));
		return draft;
	}

	@Transactional(readOnly = true)
	public Draft get(long id) {
		return this.drafts.read(id).orElseThrow(() -> new DraftNotFoundException(id));
	}

	/**
	 * A draft for reading: its author, other administrators, reviewers and the help desk may read every draft. No
	 * transaction of its own (a caller's is joined): its two statements, the draft's row and its decisions, would each
	 * see what was committed when it ran inside a read-only transaction at read committed too, and on PostgreSQL the
	 * transaction cost a COMMIT round trip on every page that shows a draft.
	 */
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public Draft getForReading(long id) {
		return get(id);
	}

	/**
	 * One page of a user's drafts, newest first, as summaries (see {@link DraftSummaries}; no transaction, as it
	 * explains).
	 * @param user the author
	 * @param search a part of the name to match ignoring case; blank: every draft
	 * @param page the page, from 1 (below 1: the first, past the end: the last)
	 * @return the page and the number of matching drafts
	 */
	public Page<DraftSummary> mine(String user, String search, int page) {
		return this.summaries.find(user, search, page);
	}

	/** One page of every administrator's drafts, newest first; as {@link #mine(String, String, int)}. */
	public Page<DraftSummary> all(String search, int page) {
		return this.summaries.find(null, search, page);
	}

	@Transactional
	public Draft saveStep(long id, WizardStep step, DraftContent content, long expectedVersion, String user) {
		Draft draft = get(id);
		boolean complete = this.validator.validate(content.spec()).isEmpty();
		draft.saveStep(step, content, complete, user, expectedVersion, this.clock.instant());
		Draft saved = store(draft);
		publish(new StepSaved(user, saved.auditSubject(null), step));
		return saved;
	}

	@Transactional
	public Draft rename(long id, String newName, long expectedVersion, String user) {
		Draft draft = get(id);
		String oldName = draft.name();
		draft.rename(newName, user, expectedVersion, this.clock.instant());
		Draft saved = store(draft);
		publish(new DraftRenamed(user, saved.auditSubject(null), oldName));
		return saved;
	}

	@Transactional
	public Draft cloneDraft(long id, String user) {
		Draft original = get(id);
		if (!original.author().equals(user)) {
			throw new DraftAccessDeniedException("Only " + original.author() + ", the author, can clone this draft.");
		}
		Draft copy = this.drafts.save(original.cloneFor(user, this.clock.instant()));
		publish(new DraftCloned(user, copy.auditSubject(null), original.id()));
		return copy;
	}

	/**
	 * Deletes a draft that was never submitted.
	 * @throws IllegalTransitionException if it was ever submitted: its review records are kept
	 */
	@Transactional
	public void delete(long id, String user) {
		Draft draft = get(id);
		draft.requireDeletableBy(user);
		try {
			this.drafts.delete(draft);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(id);
		}
		publish(new DraftDeleted(user, draft.auditSubject(null), draft.name()));
	}

	/**
	 * Stores a draft that a use case of another feature (the security review) has changed through the aggregate's
	 * own methods; the caller publishes the event that says what happened.
	 * @param draft the changed draft
	 * @return the stored draft with its new version
	 * @throws DraftConflictException if a concurrent change reached the database first
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
	public Draft update(Draft draft) {
		return store(draft);
	}

	/**
	 * Starts a push of an approved draft ({@code → PUSHING}); the push feature publishes the event that says so.
	 * @param id the draft
	 * @param user the administrator who pushes
	 * @return the stored draft
	 * @throws IllegalTransitionException if the draft is not approved or a push of it is running
	 */
	@Transactional
	public Draft startPush(long id, String user) {
		Draft draft = get(id);
		draft.startPush(user, this.clock.instant());
		return store(draft);
	}

	/**
	 * Ends the running push of a draft ({@code PUSHING → PUSHED | PUSH_FAILED}); run on behalf of the administrator
	 * who started it.
	 * @param id the draft
	 * @param user who started the push
	 * @param succeeded whether the push succeeded
	 * @return the stored draft
	 */
	@Transactional
	public Draft finishPush(long id, String user, boolean succeeded) {
		Draft draft = get(id);
		draft.finishPush(user, succeeded, this.clock.instant());
		return store(draft);
	}

	/**
	 * The drafts with the given ids, for other features' lists (the review queue).
	 * @param ids the draft ids
	 * @return the drafts that exist, in no particular order
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public List<Draft> findAll(Iterable<Long> ids) {
		List<Draft> found = new ArrayList<>();
		this.drafts.findAllById(ids).forEach(found::add);
		return found;
	}

	/** Saves a changed draft; a concurrent save that reached the database first is a conflict. */
	private Draft store(Draft draft) {
		try {
			return this.drafts.save(draft);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(draft.id());
		}
	}

	/** The conflict with the save stored meanwhile, read again (the draft as the other save left it). */
	private DraftConflictException conflict(long id) {
		Draft stored = get(id);
		return new DraftConflictException(id, stored.updatedBy(), stored.updatedAt());
	}

	private void publish(AuditableEvent event) {
		this.events.publishEvent(event);
	}

}
