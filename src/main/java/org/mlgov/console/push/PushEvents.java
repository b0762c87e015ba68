package org.mlgov.console.push;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.audit.AuditableEvent;

/**
 * What happens in a push, as events the audit trail records: the plan, the start, every step, the outcome. Each push
 * event has the push as its subject ({@link AuditSubject.Kind#PUSH}, with the role name and account); the plan, which
 * has no push yet, has the draft.
 */
public final class PushEvents {

	/** The most characters of an audit detail ({@code audit_event.detail}). */
	static final int DETAIL_LENGTH = 1000;

	private PushEvents() {
	}

	static AuditSubject subject(Push push) {
		return AuditSubject.of(AuditSubject.Kind.PUSH, Long.toString(push.id()), push.roleName(), push.accountId());
	}

	static String fit(String detail) {
		return (detail.length() <= DETAIL_LENGTH) ? detail : detail.substring(0, DETAIL_LENGTH - 1) + "\u2026";
	}

	/** An administrator planned a push of a draft's approved revision. */
	public record PushPlanned(String actor, AuditSubject subject, int revision, int steps, int changes)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.PUSH_PLANNED;
		}

		@Override
		public String detail() {
			return "revision " + this.revision + ": " + this.steps + " steps, " + this.changes + " with a change";
		}

	}

	/** An administrator started a push; the job is queued. */
	public record PushStarted(String actor, AuditSubject subject, long draftId, int revision, String sha256)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.PUSH_STARTED;
		}

		@Override
		public String detail() {
			return "draft " + this.draftId + " revision " + this.revision + " (SHA-256 " + this.sha256 + ")";
		}

	}

	/** A step of a push ended. */
	public record StepRecorded(String actor, AuditSubject subject, PushStep step) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.PUSH_STEP;
		}

		@Override
		public String detail() {
			PushStep s = this.step;
			return fit("step " + s.ordinal() + ": " + s.service() + " " + s.operation() + " " + s.target() + " -> "
					+ s.outcome() + ((s.awsRequestId() != null) ? " (request " + s.awsRequestId() + ")" : "")
					+ ((s.errorCode() != null) ? " [" + s.errorCode() + "]" : "")
					+ ((s.message() != null) ? ": " + s.message() : ""));
		}

	}

	/** A push ended: succeeded, or failed with why. */
	public record PushFinished(String actor, AuditSubject subject, boolean succeeded, int writeCalls, String message)
			implements AuditableEvent {

		@Override
		public AuditAction action() {
			return this.succeeded ? AuditAction.PUSH_SUCCEEDED : AuditAction.PUSH_FAILED;
		}

		@Override
		public String detail() {
			return fit(this.writeCalls + " write calls" + ((this.message != null) ? ": " + this.message : ""));
		}

	}

	/** Published after a push is stored, for the runner to start it once the transaction has committed. */
	public record PushQueued(long pushId) {
	}

}
