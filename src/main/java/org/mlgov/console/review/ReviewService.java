package org.mlgov.console.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftConflictException;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.FreeText;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.draft.InvalidTextException;
import org.mlgov.console.draft.StaleRevisionException;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.review.ReviewEvents.ApprovalRefused;
import org.mlgov.console.review.ReviewEvents.DraftCommented;
import org.mlgov.console.review.ReviewEvents.DraftReworked;
import org.mlgov.console.review.ReviewEvents.RevisionApproved;
import org.mlgov.console.review.ReviewEvents.RevisionRejected;
import org.mlgov.console.review.ReviewEvents.RevisionSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security review's use cases: the author submits (the draft is frozen as an immutable revision), reviewers
 * approve or reject it (never their own), the author reworks a rejected draft, and everybody involved comments.
 * Every step publishes an event ({@link ReviewEvents}) that the audit trail records in the same transaction. Drafts
 * are read and stored through {@link DraftService}.
 */
@Service
public class ReviewService {

	private static final Logger logger = LoggerFactory.getLogger(ReviewService.class);

	private final DraftService drafts;

	private final DraftRevisionRepository revisions;

	private final DraftCommentRepository comments;

	private final PolicyGenerator generator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int requiredApprovals;

	public ReviewService(DraftService drafts, DraftRevisionRepository revisions, DraftCommentRepository comments,
			PolicyGenerator generator, ApplicationEventPublisher events, Clock clock, ReviewProperties properties) {
		this.drafts = drafts;
		this.revisions = revisions;
		this.comments = comments;
		this.generator = generator;
		this.events = events;
		this.clock = clock;
		this.requiredApprovals = properties.requiredApprovals();
	}

	/**
	 * Submits the draft with a justification. Refused while the specification is invalid or a blocking finding
	 * exists (AWS would reject the result); each blocking finding is a reason that names its document and statement.
	 * @throws SubmissionRefusedException with the reasons
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public DraftRevision submit(long draftId, String justification, long expectedVersion, String user) {
		Draft draft = load(draftId);
		draft.requireEditableBy(user);
		if (draft.version() != expectedVersion) {
			throw new DraftConflictException(draftId, draft.updatedBy(), draft.updatedAt());
		}
		String why;
		try {
			why = FreeText.required("justification", justification, DraftRevision.JUSTIFICATION_LENGTH,
					"A justification", "Give a justification of 1 to 2,000 characters.");
		}
		catch (InvalidTextException ex) {
			throw new SubmissionRefusedException(List.of(ex.getMessage()));
		}
		DraftContent content = draft.content();
		GenerationResult result;
		try {
			result = this.generator.generate(content.spec());
		}
		catch (InvalidSpecException ex) {
			throw new SubmissionRefusedException(ex.errors().stream().map((e) -> e.field() + ": " + e.message()).toList());
		}
		List<String> blocking = result.findings()
			.stream()
			.filter(Finding::blocking)
			.map(ReviewService::blockingReason)
			.toList();
		if (!blocking.isEmpty()) {
			throw new SubmissionRefusedException(blocking);
		}
		int number = this.revisions.nextNumber(draftId);
		DraftRevision revision = this.revisions.insert(DraftRevision.of(draftId, number, content,
				FrozenDocuments.of(result, content.roleMode(), content.canvasTargets()), why, user,
				this.clock.instant()));
		draft.submit(user, number, this.requiredApprovals, this.clock.instant());
		Draft saved = this.drafts.update(draft);
		this.events.publishEvent(new RevisionSubmitted(user, saved.auditSubject(number), number, why));
		return revision;
	}

	/**
	 * Records an approval of the draft's current revision. The reviewer names the revision they read: if the author
	 * has submitted another one since, nothing is approved. The revision's stored documents are hashed again first:
	 * what is approved is what was submitted, byte for byte.
	 * @param draftId the draft
	 * @param revision the revision the reviewer read (the one their page showed)
	 * @param comment an optional comment
	 * @param reviewer who approves
	 * @return the draft with the approval
	 * @throws StaleRevisionException if {@code revision} is not the current revision (nothing is changed or written)
	 * @throws InvalidTextException if the comment is too long (nothing is changed)
	 * @throws RevisionTamperedException if the stored documents no longer match their SHA-256 (nothing about the draft
	 * is changed; the refusal itself is written to the audit trail, which is why this exception does not roll back)
	 */
	@Transactional(noRollbackFor = RevisionTamperedException.class)
	@PreAuthorize("hasRole('REVIEWER')")
	public Draft approve(long draftId, int revision, String comment, String reviewer) {
		Draft draft = load(draftId);
		requireCurrent(draft, revision);
		requireIntact(draft, reviewer);
		draft.approve(reviewer, revision, comment, this.clock.instant());
		Draft saved = this.drafts.update(draft);
		this.events.publishEvent(new RevisionApproved(reviewer, saved.auditSubject(saved.currentRevision()),
				saved.currentRevision(), FreeText.normalize(comment), saved.status() == DraftStatus.APPROVED));
		return saved;
	}

	/**
	 * Rejects the draft's current revision with a reason. As for an approval, the reviewer names the revision they
	 * read, which must be the current one.
	 * @param draftId the draft
	 * @param revision the revision the reviewer read (the one their page showed)
	 * @param reason why
	 * @param reviewer who rejects
	 * @return the rejected draft
	 * @throws StaleRevisionException if {@code revision} is not the current revision (nothing is changed or written)
	 * @throws InvalidTextException if the reason is blank or too long (nothing is changed)
	 */
	@Transactional
	@PreAuthorize("hasRole('REVIEWER')")
	public Draft reject(long draftId, int revision, String reason, String reviewer) {
		Draft draft = load(draftId);
		requireCurrent(draft, revision);
		draft.reject(reviewer, revision, reason, this.clock.instant());
		Draft saved = this.drafts.update(draft);
		this.events.publishEvent(new RevisionRejected(reviewer, saved.auditSubject(saved.currentRevision()),
				saved.currentRevision(), FreeText.normalize(reason)));
		return saved;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Draft rework(long draftId, String user) {
		Draft draft = load(draftId);
		draft.rework(user, this.clock.instant());
		Draft saved = this.drafts.update(draft);
		this.events.publishEvent(new DraftReworked(user, saved.auditSubject(saved.currentRevision()),
				saved.currentRevision()));
		return saved;
	}

	/**
	 * A comment by the author or a reviewer on a draft that has been submitted.
	 * @throws InvalidTextException if the text is blank or too long (nothing is written)
	 * @throws IllegalTransitionException if the draft was never submitted
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
	public void comment(long draftId, String body, String user, boolean reviewer) {
		Draft draft = load(draftId);
		draft.requireCommentableBy(user, reviewer);
		DraftComment comment = DraftComment.of(draftId, user, body, this.clock.instant());
		this.comments.insert(comment);
		this.events.publishEvent(new DraftCommented(user, draft.auditSubject(draft.currentRevision()), comment.body()));
	}

	/** Entries per page of the review queue. */
	public static final int QUEUE_PAGE_SIZE = 50;

	/**
	 * One page of the review queue: submitted drafts with the revision waiting for a decision, oldest submission first
	 * (by the revision's {@code submitted_at}, which an approval of some other draft does not change), 50 a page,
	 * read as summaries.
	 * @param search a part of the draft's name to match ignoring case; blank: every waiting draft
	 * @param page the page, from 1 (below 1: the first, past the end: the last)
	 * @return the page and the number of waiting drafts
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('REVIEWER')")
	public Page<QueueEntry> queue(String search, int page) {
		long total = this.revisions.countAwaitingReview(search);
		int pages = (int) Math.max(1, (total + QUEUE_PAGE_SIZE - 1) / QUEUE_PAGE_SIZE);
		int number = Math.min(pages, Math.max(1, page));
		List<QueueEntry> entries = (total == 0) ? List.of()
				: this.revisions.findAwaitingReview(search, (number - 1) * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE);
		return new PageImpl<>(entries, PageRequest.of(number - 1, QUEUE_PAGE_SIZE), total);
	}

	/**
	 * The approved revision of a draft, for the push: the draft's current revision while the draft is approved (or
	 * being pushed, pushed, failed to push), its stored documents hashed again first.
	 * @param draftId the draft
	 * @return the draft and its approved revision
	 * @throws IllegalTransitionException if the draft's current revision is not approved
	 * @throws RevisionTamperedException if the stored documents no longer match their SHA-256
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Approved approvedRevision(long draftId) {
		Draft draft = load(draftId);
		if (!draft.status().approved() || draft.currentRevision() == null) {
			throw new IllegalTransitionException("Only an approved revision is pushed, and draft " + draftId + " is "
					+ draft.status() + ".");
		}
		DraftRevision revision = this.revisions.find(draftId, draft.currentRevision())
			.orElseThrow(() -> new IllegalStateException("revision " + draft.currentRevision() + " of draft " + draftId
					+ " is missing"));
		if (!revision.intact()) {
			logger.warn("Push of draft {} refused: the stored documents of revision {} no longer match their SHA-256 {}",
					draftId, revision.number(), revision.documentsSha256());
			throw new RevisionTamperedException(draftId, revision.number());
		}
		return new Approved(draft, revision);
	}

	/**
	 * A draft with its approved revision.
	 *
	 * @param draft the draft
	 * @param revision its current, approved revision, checked intact
	 */
	public record Approved(Draft draft, DraftRevision revision) {
	}

	/**
	 * The revision of a role that the console last released (pushed, or until pushes exist approved): what is
	 * expected to be live. For the help desk's audit of user profiles.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @return the revision with its draft's status and the reviewers who approved it, or empty when the console never
	 * released a role of that name in that account
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public Optional<RoleRevision> lastReleased(String accountId, String roleName) {
		return this.revisions.lastReleasedForRole(accountId, roleName).map(this::withDecisions);
	}

	/**
	 * Every revision of every draft of a role, newest first, with who submitted and who decided: the role's history
	 * in the console.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @return the revisions
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public List<RoleRevision> revisionsOfRole(String accountId, String roleName) {
		return this.revisions.findForRole(accountId, roleName).stream().map(this::withDecisions).toList();
	}

	private RoleRevision withDecisions(DraftRevisionRepository.Released released) {
		DraftRevision revision = released.revision();
		List<org.mlgov.console.draft.Decision> decisions = this.drafts.findAll(List.of(revision.draftId()))
			.stream()
			.flatMap((draft) -> draft.decisions().stream())
			.filter((decision) -> decision.revisionNumber() == revision.number())
			.toList();
		return new RoleRevision(revision, released.draftStatus(), decisions);
	}

	/**
	 * A revision of a role with its draft's status and the decisions on it.
	 *
	 * @param revision the revision
	 * @param draftStatus its draft's status now
	 * @param decisions approvals and rejections of this revision, oldest first
	 */
	public record RoleRevision(DraftRevision revision, String draftStatus,
			List<org.mlgov.console.draft.Decision> decisions) {

		/** The reviewers who approved this revision, in order. */
		public List<String> approvedBy() {
			return this.decisions.stream()
				.filter((d) -> d.decision() == org.mlgov.console.draft.Decision.Verdict.APPROVED)
				.map(org.mlgov.console.draft.Decision::reviewer)
				.toList();
		}

	}

	/**
	 * A draft in the review queue.
	 *
	 * @param draftId the submitted draft
	 * @param name its name
	 * @param author its author
	 * @param revision the number of its current revision, the one to decide on
	 * @param submittedAt when that revision was submitted
	 * @param justification the author's justification of the revision
	 * @param approvals how many approvals the revision has
	 * @param requiredApprovals how many it needs
	 */
	public record QueueEntry(long draftId, String name, String author, int revision, Instant submittedAt,
			String justification, int approvals, int requiredApprovals) {
	}

	/** A blocking finding as a reason for the author: its code, the document and statement, and the message. */
	static String blockingReason(Finding finding) {
		String where = (finding.document() == null) ? ""
				: " in " + finding.document() + ((finding.sid() == null) ? "" : ", statement " + finding.sid());
		return finding.code() + where + ": " + finding.message();
	}

	/**
	 * Refuses a decision about a revision that is no longer the current one, saying who submitted the current one
	 * and when. Checked before anything else, so that nothing (not even a refused approval of a changed revision) is
	 * recorded about a revision the reviewer has not seen.
	 */
	private void requireCurrent(Draft draft, int revision) {
		try {
			draft.requireCurrentRevision(revision);
		}
		catch (StaleRevisionException ex) {
			throw this.revisions.find(draft.id(), ex.currentRevision())
				.map((current) -> ex.withSubmission(current.submittedBy(), current.submittedAt()))
				.orElse(ex);
		}
	}

	private void requireIntact(Draft draft, String reviewer) {
		if (draft.currentRevision() == null) {
			return;
		}
		this.revisions.find(draft.id(), draft.currentRevision())
			.filter((revision) -> !revision.intact())
			.ifPresent((revision) -> {
				logger.warn("Approval of draft {} by {} refused: the stored documents of revision {} no longer match "
						+ "their SHA-256 {}", draft.id(), reviewer, revision.number(), revision.documentsSha256());
				this.events.publishEvent(new ApprovalRefused(reviewer, draft.auditSubject(revision.number()),
						revision.number(), revision.documentsSha256()));
				throw new RevisionTamperedException(draft.id(), revision.number());
			});
	}

	private Draft load(long draftId) {
		return this.drafts.getForReading(draftId);
	}

}
