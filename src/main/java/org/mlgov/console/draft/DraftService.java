package org.mlgov.console.draft;

import java.time.Clock;
import java.util.List;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.policy.SpecValidator;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of drafts: start, save a wizard step, rename, clone, delete, and read. Each change is written to
 * the audit trail in the same transaction. Only ML administrators use drafts; only the author changes one.
 * <p>
 * Two saves of the same version can both pass the aggregate's version check and meet at the database, where the
 * second finds the version changed ({@link OptimisticLockingFailureException}). That second save is refused as a
 * {@link DraftConflictException} that says who saved the draft meanwhile and when, as the version check does.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class DraftService {

	private final DraftRepository drafts;

	private final AuditEventRepository audit;

	private final Clock clock;

	private final SpecValidator validator;

	public DraftService(DraftRepository drafts, AuditEventRepository audit, Clock clock, Catalog catalog) {
		this.drafts = drafts;
		this.audit = audit;
		this.clock = clock;
		this.validator = new SpecValidator(catalog);
	}

	@Transactional
	public Draft start(String name, String user, String remoteAddress) {
		Draft draft = this.drafts.save(Draft.start(name, user, this.clock.instant()));
		record(user, AuditAction.DRAFT_CREATED, draft, "name: " + draft.name(), remoteAddress);
		return draft;
	}

	@Transactional(readOnly = true)
	public Draft get(long id) {
		return this.drafts.findById(id).orElseThrow(() -> new DraftNotFoundException(id));
	}

	/** A draft for reading: its author, other administrators, reviewers and the help desk may read every draft. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public Draft getForReading(long id) {
		return get(id);
	}

	@Transactional(readOnly = true)
	public List<Draft> mine(String user) {
		return this.drafts.findByAuthorOrderByUpdatedAtDesc(user);
	}

	@Transactional(readOnly = true)
	public List<Draft> all() {
		return this.drafts.findAllByOrderByUpdatedAtDesc();
	}

	@Transactional
	public Draft saveStep(long id, WizardStep step, DraftContent content, long expectedVersion, String user,
			String remoteAddress) {
		Draft draft = get(id);
		boolean complete = this.validator.validate(content.spec()).isEmpty();
		draft.saveStep(step, content, complete, user, expectedVersion, this.clock.instant());
		Draft saved = store(draft);
		record(user, AuditAction.DRAFT_SAVED, saved, "step: " + step.path(), remoteAddress);
		return saved;
	}

	@Transactional
	public Draft rename(long id, String newName, long expectedVersion, String user, String remoteAddress) {
		Draft draft = get(id);
		String oldName = draft.name();
		draft.rename(newName, user, expectedVersion, this.clock.instant());
		Draft saved = store(draft);
		record(user, AuditAction.DRAFT_RENAMED, saved, "from: " + oldName, remoteAddress);
		return saved;
	}

	@Transactional
	public Draft cloneDraft(long id, String user, String remoteAddress) {
		Draft original = get(id);
		if (!original.author().equals(user)) {
			throw new DraftAccessDeniedException("Only " + original.author() + ", the author, can clone this draft.");
		}
		Draft copy = this.drafts.save(original.cloneFor(user, this.clock.instant()));
		record(user, AuditAction.DRAFT_CLONED, copy, "from draft " + original.id(), remoteAddress);
		return copy;
	}

	/**
	 * Deletes a draft that was never submitted.
	 * @throws IllegalTransitionException if it was ever submitted: its review records are kept
	 */
	@Transactional
	public void delete(long id, String user, String remoteAddress) {
		Draft draft = get(id);
		draft.requireDeletableBy(user);
		try {
			this.drafts.delete(draft);
		}
		catch (OptimisticLockingFailureException ex) {
			throw conflict(id);
		}
		record(user, AuditAction.DRAFT_DELETED, draft, "name: " + draft.name(), remoteAddress);
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

	private void record(String user, AuditAction action, Draft draft, String detail, String remoteAddress) {
		this.audit.insert(AuditEvent.nowOnDraft(user, action.name(), draft.id(), draft.version(), detail, remoteAddress));
	}

}
