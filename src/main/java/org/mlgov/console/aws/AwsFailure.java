package org.mlgov.console.aws;

/**
 * A call to AWS that failed, with the {@link AwsProblem} that says why. Thrown by {@link AwsCall#call}; carries no
 * exception of the SDK and nothing from the request, so it can be logged and shown as it is.
 */
public final class AwsFailure extends RuntimeException {

	private final transient AwsProblem problem;

	public AwsFailure(AwsProblem problem) {
		super(problem.message(), null, false, false);
		this.problem = problem;
	}

	/**
	 * Why the call failed.
	 * @return the problem
	 */
	public AwsProblem problem() {
		return this.problem;
	}

}
