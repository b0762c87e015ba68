package org.mlgov.console.review;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftConflictException;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftNotFoundException;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.FreeText;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.draft.InvalidTextException;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.PolicyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security review's use cases: the author submits (the draft is frozen as an immutable revision), reviewers
 * approve or reject it (never their own), the author reworks a rejected draft, and everybody involved comments.
 * Every step is written to the audit trail in the same transaction.
 */
@Service
public class ReviewService {

	private static final Logger logger = LoggerFactory.getLogger(ReviewService.class);

	private final DraftRepository drafts;

	private final DraftRevisionRepository revisions;

	private final DraftCommentRepository comments;

	private final PolicyGenerator generator;

	private final AuditEventRepository audit;

	private final Clock clock;

	private final int requiredApprovals;

	public ReviewService(DraftRepository drafts, DraftRevisionRepository revisions, DraftCommentRepository comments,
			PolicyGenerator generator, AuditEventRepository audit, Clock clock, ReviewProperties properties) {
		this.drafts = drafts;
		this.revisions = revisions;
		this.comments = comments;
		this.generator = generator;
		this.audit = audit;
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
	public DraftRevision submit(long draftId, String justification, long expectedVersion, String user,
			String remoteAddress) {
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
		Draft saved = this.drafts.save(draft);
		record(user, AuditAction.DRAFT_SUBMITTED, saved, "revision " + number + ": " + why, remoteAddress);
		return revision;
	}

	/**
	 * Records an approval of the draft's current revision. The revision's stored documents are hashed again first:
	 * what is approved is what was submitted, byte for byte.
	 * @throws InvalidTextException if the comment is too long (nothing is changed)
	 * @throws RevisionTamperedException if the stored documents no longer match their SHA-256 (nothing about the draft
	 * is changed; the refusal itself is written to the audit trail, which is why this exception does not roll back)
	 */
	@Transactional(noRollbackFor = RevisionTamperedException.class)
	@PreAuthorize("hasRole('REVIEWER')")
	public Draft approve(long draftId, String comment, String reviewer, String remoteAddress) {
		Draft draft = load(draftId);
		requireIntact(draft, reviewer, remoteAddress);
		draft.approve(reviewer, comment, this.clock.instant());
		Draft saved = this.drafts.save(draft);
		String text = FreeText.normalize(comment);
		record(reviewer, (saved.status() == DraftStatus.APPROVED) ? AuditAction.DRAFT_APPROVED : AuditAction.DRAFT_APPROVAL_RECORDED,
				saved, "revision " + saved.currentRevision() + (text.isEmpty() ? "" : ": " + text), remoteAddress);
		return saved;
	}

	/**
	 * Rejects the draft's current revision with a reason.
	 * @throws InvalidTextException if the reason is blank or too long (nothing is changed)
	 */
	@Transactional
	@PreAuthorize("hasRole('REVIEWER')")
	public Draft reject(long draftId, String reason, String reviewer, String remoteAddress) {
		Draft draft = load(draftId);
		draft.reject(reviewer, reason, this.clock.instant());
		Draft saved = this.drafts.save(draft);
		record(reviewer, AuditAction.DRAFT_REJECTED, saved,
				"revision " + saved.currentRevision() + ": " + FreeText.normalize(reason), remoteAddress);
		return saved;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Draft rework(long draftId, String user, String remoteAddress) {
		Draft draft = load(draftId);
		draft.rework(user, this.clock.instant());
		Draft saved = this.drafts.save(draft);
		record(user, AuditAction.DRAFT_REWORKED, saved, "back to draft after revision " + saved.currentRevision(),
				remoteAddress);
		return saved;
	}

	/**
	 * A comment by the author or a reviewer on a draft that has been submitted.
	 * @throws InvalidTextException if the text is blank or too long (nothing is written)
	 * @throws IllegalTransitionException if the draft was never submitted
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER')")
	public void comment(long draftId, String body, String user, boolean reviewer, String remoteAddress) {
		Draft draft = load(draftId);
		draft.requireCommentableBy(user, reviewer);
		DraftComment comment = DraftComment.of(draftId, user, body, this.clock.instant());
		this.comments.insert(comment);
		record(user, AuditAction.DRAFT_COMMENTED, draft, comment.body(), remoteAddress);
	}

	/**
	 * The review queue: submitted drafts with the revision waiting for a decision, oldest submission first (by the
	 * revision's {@code submitted_at}, which an approval of some other draft does not change).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('REVIEWER')")
	public List<Waiting> queue() {
		List<DraftRevision> waiting = this.revisions.findAwaitingReview();
		Map<Long, Draft> byId = new HashMap<>();
		this.drafts.findAllById(waiting.stream().map(DraftRevision::draftId).toList())
			.forEach((draft) -> byId.put(draft.id(), draft));
		return waiting.stream()
			.filter((revision) -> byId.containsKey(revision.draftId()))
			.map((revision) -> new Waiting(byId.get(revision.draftId()), revision))
			.toList();
	}

	/**
	 * A draft in the review queue.
	 *
	 * @param draft the submitted draft
	 * @param revision its current revision, the one to decide on
	 */
	public record Waiting(Draft draft, DraftRevision revision) {
	}

	/** A blocking finding as a reason for the author: its code, the document and statement, and the message. */
	static String blockingReason(Finding finding) {
		String where = (finding.document() == null) ? ""
				: " in " + finding.document() + ((finding.sid() == null) ? "" : ", statement " + finding.sid());
		return finding.code() + where + ": " + finding.message();
	}

	private void requireIntact(Draft draft, String reviewer, String remoteAddress) {
		if (draft.currentRevision() == null) {
			return;
		}
		this.revisions.find(draft.id(), draft.currentRevision())
			.filter((revision) -> !revision.intact())
			.ifPresent((revision) -> {
				logger.warn("Approval of draft {} by {} refused: the stored documents of revision {} no longer match "
						+ "their SHA-256 {}", draft.id(), reviewer, revision.number(), revision.documentsSha256());
				record(reviewer, AuditAction.APPROVAL_REFUSED, draft, "revision " + revision.number()
						+ ": stored documents no longer match SHA-256 " + revision.documentsSha256(), remoteAddress);
				throw new RevisionTamperedException(draft.id(), revision.number());
			});
	}

	private Draft load(long draftId) {
		return this.drafts.findById(draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
	}

	private void record(String user, AuditAction action, Draft draft, String detail, String remoteAddress) {
		this.audit.insert(AuditEvent.nowOnDraft(user, action.name(), draft.id(), draft.version(), draft.currentRevision(),
				detail, remoteAddress));
	}

}
