package org.mlgov.console.security;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.audit.AuditableEvent;

/**
 * What happens to console users, as events that the user administration, the password change and the OpenID Connect
 * sign-in publish in the transaction of the change; the audit trail records each one there (who: the actor; whom: the
 * subject, a {@link AuditSubject.Kind#USER} named by user name; what: the action and its detail; when: the time of
 * the record).
 *
 * @param actor who did it
 * @param action what happened
 * @param subject the user it happened to
 * @param detail the roles, the change, or {@code null}
 */
public record UserEvents(String actor, AuditAction action, AuditSubject subject, String detail)
		implements AuditableEvent {

	/**
	 * An event about a console user.
	 * @param actor who did it
	 * @param action what happened
	 * @param username whom it happened to
	 * @param detail the detail, or {@code null}
	 * @return the event
	 */
	public static UserEvents of(String actor, AuditAction action, String username, String detail) {
		return new UserEvents(actor, action, AuditSubject.of(AuditSubject.Kind.USER, username, null, null), detail);
	}

}
