package org.mlgov.console.review;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.audit.AuditableEvent;

/**
 * What happens in the security review, as events that {@link ReviewService} publishes and the audit trail records in
 * the same transaction. Each carries the draft, its version and the revision concerned as its {@link AuditSubject}.
 */
public final class ReviewEvents {

	private ReviewEvents() {
	}

	/** The author submitted a draft: its content is frozen as a revision. */
	public record RevisionSubmitted(String actor, AuditSubject subject, int revision, String justification)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_SUBMITTED;
		}

		@Override
		public String detail() {
			return "revision " + this.revision + ": " + this.justification;
		}

	}

	/**
	 * A reviewer approved a revision; {@code complete} when the draft reached the approvals it needs (it is then
	 * approved), otherwise the approval is recorded and more are needed.
	 */
	public record RevisionApproved(String actor, AuditSubject subject, int revision, String comment, boolean complete)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return this.complete ? AuditAction.DRAFT_APPROVED : AuditAction.DRAFT_APPROVAL_RECORDED;
		}

		@Override
		public String detail() {
			return "revision " + this.revision + (this.comment.isEmpty() ? "" : ": " + this.comment);
		}

	}

	/** An approval refused because the revision's stored documents no longer match their SHA-256. */
	public record ApprovalRefused(String actor, AuditSubject subject, int revision, String documentsSha256)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.APPROVAL_REFUSED;
		}

		@Override
		public String detail() {
			return "revision " + this.revision + ": stored documents no longer match SHA-256 " + this.documentsSha256;
		}

	}

	/** A reviewer rejected a revision with a reason. */
	public record RevisionRejected(String actor, AuditSubject subject, int revision, String reason)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_REJECTED;
		}

		@Override
		public String detail() {
			return "revision " + this.revision + ": " + this.reason;
		}

	}

	/** The author took a submitted or rejected draft back to editing. */
	public record DraftReworked(String actor, AuditSubject subject, Integer revision) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_REWORKED;
		}

		@Override
		public String detail() {
			return "back to draft after revision " + this.revision;
		}

	}

	/** The author or a reviewer commented on a draft under review. */
	public record DraftCommented(String actor, AuditSubject subject, String body) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_COMMENTED;
		}

		@Override
		public String detail() {
			return this.body;
		}

	}

}
