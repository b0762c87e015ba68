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
	DRAFT_COMMENTED("Review comment"),

	/** An administrator planned a push (a dry run): the steps it would run against what is live. */
	PUSH_PLANNED("Push planned"),

	/** An administrator started a push of an approved revision. */
	PUSH_STARTED("Push started"),

	/** A step of a push ran; the detail names its call, target and outcome. */
	PUSH_STEP("Push step"),

	/** A push ended with every step done: the approved revision is live. */
	PUSH_SUCCEEDED("Push succeeded"),

	/** A push stopped at a failed step, or because the console stopped during it. */
	PUSH_FAILED("Push failed"),

	/** A console administrator created a user; the subject is the new user, the detail names the roles. */
	USER_CREATED("User created"),

	/** A console administrator disabled a user; the user's sessions end. */
	USER_DISABLED("User disabled"),

	/** A console administrator enabled a disabled user again. */
	USER_ENABLED("User re-enabled"),

	/** A console administrator granted a role; the detail names it. */
	USER_ROLE_GRANTED("Role granted"),

	/** A console administrator revoked a role; the detail names it. The user's sessions end. */
	USER_ROLE_REVOKED("Role revoked"),

	/** A console administrator set a temporary password, to be changed at the next sign-in. */
	USER_PASSWORD_RESET("Temporary password set"),

	/** A user changed their own password. */
	PASSWORD_CHANGED("Password changed"),

	/** A person signed in through OpenID Connect for the first time and was recorded as a console user. */
	USER_PROVISIONED("User recorded at first OIDC sign-in"),

	/** A sign-in through OpenID Connect changed the user's roles (from the provider's groups) or profile. */
	USER_ROLES_SYNCED("Roles refreshed from OIDC groups");

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
