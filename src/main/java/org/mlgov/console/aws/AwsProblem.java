package org.mlgov.console.aws;

/**
 * Why a live read of AWS state did not give a value, in words a reviewer understands. Never carries credentials.
 *
 * @param kind what went wrong
 * @param service the AWS service asked ({@code IAM}, {@code SageMaker}, {@code S3})
 * @param operation the API operation that failed, for example {@code GetRole}
 * @param message a sentence for the review page
 */
public record AwsProblem(Kind kind, String service, String operation, String message) {

	/** What went wrong with a live read. */
	public enum Kind {

		/** AWS access is switched off ({@code console.aws.enabled=false}) or not set up for the account. */
		NOT_CONFIGURED,

		/** The console has no usable credentials for the account (none found, rejected, or the role not assumable). */
		NO_CREDENTIALS,

		/** AWS refused the call: the console's credentials lack the permission. */
		ACCESS_DENIED,

		/** AWS throttled the call, also after the SDK's retries. */
		THROTTLED,

		/** The role, policy, domain, user profile or bucket does not exist. */
		NOT_FOUND,

		/**
		 * AWS did not answer in time: a call took longer than the configured timeouts, or the review page stopped
		 * waiting for the read.
		 */
		TIMED_OUT,

		/** AWS failed (5xx) or could not be reached. */
		SERVICE_ERROR

	}

}
