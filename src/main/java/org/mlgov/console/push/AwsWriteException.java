package org.mlgov.console.push;

import org.mlgov.console.aws.AwsProblem;

/**
 * A call of a push that failed: the {@link AwsProblem} (kind, service, operation, a sentence to show), the AWS
 * error code and the request id. Carries nothing of the SDK and no credentials.
 */
public class AwsWriteException extends RuntimeException {

	private final transient AwsProblem problem;

	private final String errorCode;

	private final String requestId;

	public AwsWriteException(AwsProblem problem, String errorCode, String requestId) {
		super(problem.message(), null, false, false);
		this.problem = problem;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	public AwsProblem problem() {
		return this.problem;
	}

	/**
	 * The AWS error code, for example {@code AccessDenied} or {@code LimitExceeded}.
	 * @return the code, or null when AWS did not answer
	 */
	public String errorCode() {
		return this.errorCode;
	}

	public String requestId() {
		return this.requestId;
	}

}
