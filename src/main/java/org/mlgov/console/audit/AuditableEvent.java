package org.mlgov.console.audit;

/**
 * An application event that belongs in the audit trail. Services publish such events
 * ({@code ApplicationEventPublisher}); {@link AuditRecorder} writes each one in the publisher's transaction, so that
 * nothing happens without its record: a failed insert rolls the change back. The client address is not part of the
 * event: the recorder takes it from the request ({@link RequestOrigin}).
 */
public interface AuditableEvent {

	/**
	 * Who did it.
	 * @return the user name
	 */
	String actor();

	/**
	 * What happened.
	 * @return the action
	 */
	AuditAction action();

	/**
	 * What it happened to.
	 * @return the subject, {@link AuditSubject#NONE} for none
	 */
	AuditSubject subject();

	/**
	 * A short explanation.
	 * @return the detail, or {@code null}
	 */
	String detail();

}
