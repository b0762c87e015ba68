package org.mlgov.console.draft;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.audit.AuditableEvent;

/**
 * What happens to drafts, as events that {@link DraftService} publishes after each change and the audit trail records
 * in the same transaction. Each carries the draft as its {@link AuditSubject} (id, version, role and account).
 */
public final class DraftEvents {

	private DraftEvents() {
	}

	/** An administrator started a draft. */
	public record DraftCreated(String actor, AuditSubject subject, String name) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_CREATED;
		}

		@Override
		public String detail() {
			return "name: " + this.name;
		}

	}

	/**
	 * An administrator created a draft with a complete specification in one request (the JSON API): every step of
	 * the wizard is reached.
	 */
	public record DraftCreatedComplete(String actor, AuditSubject subject, String name) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_CREATED;
		}

		@Override
		public String detail() {
			return "name: " + this.name + "; complete specification, every step reached";
		}

	}

	/** An administrator saved a step of the wizard. */
	public record StepSaved(String actor, AuditSubject subject, WizardStep step) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_SAVED;
		}

		@Override
		public String detail() {
			return "step: " + this.step.path();
		}

	}

	/** An administrator renamed a draft. */
	public record DraftRenamed(String actor, AuditSubject subject, String oldName) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_RENAMED;
		}

		@Override
		public String detail() {
			return "from: " + this.oldName;
		}

	}

	/** An administrator cloned a draft; the subject is the copy. */
	public record DraftCloned(String actor, AuditSubject subject, long originalId) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_CLONED;
		}

		@Override
		public String detail() {
			return "from draft " + this.originalId;
		}

	}

	/** An administrator deleted a draft that was never submitted. */
	public record DraftDeleted(String actor, AuditSubject subject, String name) implements AuditableEvent {

		@Override
		public AuditAction action() {
			return AuditAction.DRAFT_DELETED;
		}

		@Override
		public String detail() {
			return "name: " + this.name;
		}

	}

}
