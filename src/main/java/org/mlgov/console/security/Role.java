package org.mlgov.console.security;

/**
 * The three kinds of console user. Spring Security sees them as authorities {@code ROLE_ADMIN},
 * {@code ROLE_REVIEWER} and {@code ROLE_HELPDESK}.
 */
public enum Role {

	/** ML administrator: prepares role and model-access drafts and pushes approved ones to AWS. */
	ADMIN("ML administrator"),

	/** Security reviewer: approves or rejects drafts submitted by administrators. */
	REVIEWER("Security reviewer"),

	/** Help desk: reads the audit trail, changes nothing. */
	HELPDESK("Help desk (read-only)");

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

}
