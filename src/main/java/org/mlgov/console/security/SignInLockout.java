package org.mlgov.console.security;

import java.time.Instant;

/**
 * Published when failed sign-ins lock a user name or a client address (the audit trail records it).
 *
 * @param kind what is locked
 * @param username the user name typed in the failed sign-in that locked it
 * @param remoteAddress the client address of that sign-in
 * @param failures how many failed sign-ins it took
 * @param until when the lock ends
 */
public record SignInLockout(Kind kind, String username, String remoteAddress, int failures, Instant until) {

	/** What a lockout locks. */
	public enum Kind {

		/** A user name, from every address. */
		USER,

		/** A client address, for every user name. */
		ADDRESS

	}

}
