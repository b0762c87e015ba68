package org.mlgov.console.push;

import org.mlgov.console.aws.AwsProblem;

/** What is live could not be read, so no plan can be made: the problem says why. */
public class LiveStateUnreadable extends RuntimeException {

	private final transient AwsProblem problem;

	public LiveStateUnreadable(AwsProblem problem) {
		super(problem.message(), null, false, false);
		this.problem = problem;
	}

	public AwsProblem problem() {
		return this.problem;
	}

}
