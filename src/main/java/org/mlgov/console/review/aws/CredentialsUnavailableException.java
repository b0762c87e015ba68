package org.mlgov.console.review.aws;

/**
 * Thrown by {@link AccountCredentials} when no credentials can be had for an account. Its message says why in
 * words for a reviewer and never contains credentials.
 */
class CredentialsUnavailableException extends RuntimeException {

	CredentialsUnavailableException(String message) {
		super(message);
	}

}
