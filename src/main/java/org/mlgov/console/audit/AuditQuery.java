package org.mlgov.console.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * Which audit events to find. Every criterion is optional ({@code null} matches everything) and they all apply
 * together.
 *
 * @param actor the user, matched exactly but ignoring case
 * @param draftId the draft the events are about
 * @param action the action
 * @param from the first day, inclusive, in UTC
 * @param to the last day, inclusive, in UTC
 * @param roleName the IAM role the events concern (exact name, as IAM spells it)
 * @param accountId the AWS account the events concern
 * @param userProfile a SageMaker user profile: events whose subject is that profile (any domain), or that concern
 * one of {@code profileRoles} (the roles the profile runs with, which the caller resolved)
 * @param profileRoles with {@code userProfile}: the names of the roles the profile runs with; may be empty
 */
public record AuditQuery(String actor, Long draftId, AuditAction action, LocalDate from, LocalDate to,
		String roleName, String accountId, String userProfile, List<String> profileRoles) {

	/** Every event. */
	public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

	public AuditQuery {
		actor = blankToNull(actor);
		roleName = blankToNull(roleName);
		accountId = blankToNull(accountId);
		userProfile = blankToNull(userProfile);
		profileRoles = (profileRoles == null) ? List.of() : List.copyOf(profileRoles);
	}

	/** The filters the audit page had before subjects were searchable. */
	public AuditQuery(String actor, Long draftId, AuditAction action, LocalDate from, LocalDate to) {
		this(actor, draftId, action, from, to, null, null, null, List.of());
	}

	/**
	 * The events about one role in one account.
	 * @param accountId the account
	 * @param roleName the role's name
	 * @return the query
	 */
	public static AuditQuery forRole(String accountId, String roleName) {
		return new AuditQuery(null, null, null, null, null, roleName, accountId, null, List.of());
	}

	/**
	 * The same query with the roles the user profile runs with.
	 * @param roles role names
	 * @return the query
	 */
	public AuditQuery withProfileRoles(List<String> roles) {
		return new AuditQuery(this.actor, this.draftId, this.action, this.from, this.to, this.roleName,
				this.accountId, this.userProfile, roles);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
