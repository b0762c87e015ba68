package org.mlgov.console.aws;

/**
 * Thrown by {@link AccountCredentials} when no credentials can be had for an account. Its message says why in
 * words for a reviewer and never contains credentials.
 */
class CredentialsUnavailableException extends RuntimeException {

	private final boolean timedOut;

	CredentialsUnavailableException(String message) {
		this(message, false);
	}

	/**
	 * @param message why, for a reviewer
	 * @param timedOut whether STS did not answer in time (rather than refusing)
	 */
	CredentialsUnavailableException(String message, boolean timedOut) {
		super(message);
		this.timedOut = timedOut;
	}

	/**
	 * Whether the credentials could not be had because STS did not answer in time.
	 * @return {@code true} after a timeout of the AssumeRole call
	 */
	boolean timedOut() {
		return this.timedOut;
	}

}
