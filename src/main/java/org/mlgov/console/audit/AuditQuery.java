package org.mlgov.console.audit;

import java.time.LocalDate;

/**
 * Which audit events to find. Every criterion is optional ({@code null} matches everything) and they all apply
 * together.
 *
 * @param actor the user, matched exactly but ignoring case
 * @param draftId the draft the events are about
 * @param action the action
 * @param from the first day, inclusive, in UTC
 * @param to the last day, inclusive, in UTC
 */
public record AuditQuery(String actor, Long draftId, AuditAction action, LocalDate from, LocalDate to) {

	/** Every event. */
	public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

	public AuditQuery {
		actor = (actor == null || actor.isBlank()) ? null : actor.strip();
	}

}
