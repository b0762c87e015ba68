package org.mlgov.console.push;

/** What one step of a push did. */
public enum StepOutcome {

	/** The step's call is in flight. */
	RUNNING,
	/** The step's write call changed AWS. */
	CHANGED,
	/** AWS already matched the revision (or the step only reports, such as a policy attached by hand): no write. */
	NO_CHANGE,
	/** The step's call failed; the push stopped here. */
	FAILED

}
