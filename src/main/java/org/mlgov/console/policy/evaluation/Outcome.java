package org.mlgov.console.policy.evaluation;

/** What IAM would answer for one request, or that the evaluator cannot tell offline. */
public enum Outcome {

	/** An identity policy allows the request, the permissions boundary (if any) too, and nothing denies it. */
	ALLOWED,
	/** A statement of an identity policy or of the permissions boundary denies the request: nothing overrides it. */
	EXPLICIT_DENY,
	/** Nothing denies the request, but no identity policy allows it, or the permissions boundary does not. */
	IMPLICIT_DENY,
	/** The answer depends on something the evaluator cannot know offline; the reason says what. */
	UNDECIDED

}
