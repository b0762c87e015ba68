package org.mlgov.console.security;

import java.time.Instant;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.audit.AuditableEvent;

/**
 * Published when failed sign-ins lock a user name or a client address; the audit trail records it as
 * {@code SIGN_IN_LOCKED} (who, from where, until when).
 *
 * @param kind what is locked
 * @param username the user name typed in the failed sign-in that locked it
 * @param remoteAddress the client address of that sign-in
 * @param failures how many failed sign-ins it took
 * @param until when the lock ends
 */
public record SignInLockout(Kind kind, String username, String remoteAddress, int failures, Instant until)
		implements AuditableEvent {

	@Override
	public String actor() {
		return AuditEvent.typedActor(this.username);
	}

	@Override
	public AuditAction action() {
		return AuditAction.SIGN_IN_LOCKED;
	}

	@Override
	public AuditSubject subject() {
		return AuditSubject.NONE;
	}

	@Override
	public String detail() {
		String what = (this.kind == Kind.USER) ? "User name" : "Address " + this.remoteAddress;
		return what + " locked after " + this.failures + " failed sign-ins, until " + this.until;
	}

	/** What a lockout locks. */
	public enum Kind {

		/** A user name, from every address. */
		USER,

		/** A client address, for every user name. */
		ADDRESS

	}

}
