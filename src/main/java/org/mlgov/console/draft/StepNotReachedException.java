package org.mlgov.console.draft;

/**
 * A save of a wizard step the draft has not reached yet (a step is reached by saving the one before it): nothing is
 * saved.
 */
public class StepNotReachedException extends RuntimeException {

	private final long draftId;

	private final WizardStep stepReached;

	public StepNotReachedException(long draftId, WizardStep step, WizardStep stepReached) {
		super("Draft " + draftId + " has reached step " + stepReached.number() + ", not step " + step.number());
		this.draftId = draftId;
		this.stepReached = stepReached;
	}

	public long draftId() {
		return this.draftId;
	}

	/** The step to go back to. */
	public WizardStep stepReached() {
		return this.stepReached;
	}

}
