package org.mlgov.console.security;

/**
 * The four kinds of console user. Spring Security sees them as authorities {@code ROLE_ADMIN},
 * {@code ROLE_REVIEWER}, {@code ROLE_HELPDESK} and {@code ROLE_USER_ADMIN}.
 */
public enum Role {

	/** ML administrator: prepares role and model-access drafts and pushes approved ones to AWS. */
	ADMIN("ML administrator"),

	/** Security reviewer: approves or rejects drafts submitted by administrators. */
	REVIEWER("Security reviewer"),

	/** Help desk: reads the audit trail, changes nothing. */
	HELPDESK("Help desk (read-only)"),

	/**
	 * Console administrator: manages the console's users and their roles, nothing else (no draft, no review). Never
	 * held together with {@link #ADMIN} or {@link #REVIEWER} on an account the console administers: whoever authors
	 * or approves drafts must not be able to create accounts, or they could make themselves a second reviewer.
	 */
	USER_ADMIN("Console administrator");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	/**
	 * A short human-readable name for the role.
	 * @return the label shown in the navigation bar
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The Spring Security authority for this role.
	 * @return {@code ROLE_} followed by the role name
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether one account may hold both roles: a console administrator neither authors nor approves drafts.
	 * @param other another role
	 * @return {@code false} for USER_ADMIN with ADMIN or REVIEWER, {@code true} otherwise
	 */
	public boolean compatibleWith(Role other) {
		if (this == USER_ADMIN) {
			return other != ADMIN && other != REVIEWER;
		}
		return other != USER_ADMIN || other.compatibleWith(this);
	}

}
