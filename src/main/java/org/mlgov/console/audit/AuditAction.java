package org.mlgov.console.audit;

/**
 * The actions the console writes to the audit trail, as stored in {@code audit_event.action} (the constant's name).
 * The audit page offers them as a filter.
 */
public enum AuditAction {

	/** A user signed in. */
	SIGN_IN("Sign-in"),

	/** A sign-in was refused; the actor is the name that was typed. */
	SIGN_IN_FAILED("Failed sign-in"),

	/** A user signed out. */
	SIGN_OUT("Sign-out"),

	SIGN_IN_LOCKED("Sign-in locked after failed attempts"),

	/** An administrator started a draft. */
	DRAFT_CREATED("Draft created"),

	/** An administrator saved a step of the wizard. */
	DRAFT_SAVED("Draft step saved"),

	/** An administrator renamed a draft. */
	DRAFT_RENAMED("Draft renamed"),

	/** An administrator cloned a draft; the event names the copy. */
	DRAFT_CLONED("Draft cloned"),

	/** An administrator deleted a draft. */
	DRAFT_DELETED("Draft deleted"),

	/** The author submitted a draft for review; the detail names the frozen revision and the justification. */
	DRAFT_SUBMITTED("Draft submitted"),

	/** A reviewer approved and the draft reached the approvals it needs. */
	DRAFT_APPROVED("Draft approved"),

	/** A reviewer approved, but the draft still needs further approvals. */
	DRAFT_APPROVAL_RECORDED("Approval recorded"),

	/**
	 * An approval was refused because the stored documents of the revision no longer hash to the SHA-256 recorded at
	 * submission: somebody changed them in the database. Nothing about the draft changed.
	 */
	APPROVAL_REFUSED("Approval refused: revision altered"),

	/** A reviewer rejected a draft; the detail carries the reason. */
	DRAFT_REJECTED("Draft rejected"),

	/** The author took a submitted or rejected draft back to editing. */
	DRAFT_REWORKED("Draft back to editing"),

	/** Somebody commented on a draft under review. */
	DRAFT_COMMENTED("Review comment");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	/**
	 * A short human-readable name for the action.
	 * @return the label shown in the audit page's action filter
	 */
	public String label() {
		return this.label;
	}

}
