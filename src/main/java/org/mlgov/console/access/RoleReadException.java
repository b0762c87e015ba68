package org.mlgov.console.access;

import org.mlgov.console.aws.AwsProblem;

/** A role (or profile, or domain) that could not be read live: the problem to show, never a 500. */
public class RoleReadException extends RuntimeException {

	private final transient AwsProblem problem;

	public RoleReadException(AwsProblem problem) {
		super(problem.message());
		this.problem = problem;
	}

	public AwsProblem problem() {
		return this.problem;
	}

}
