package org.mlgov.console.draft.web;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.springframework.stereotype.Component;

/**
 * Which steps of a draft a page links to: those up to the step reached; for readers also the review, which they may
 * always read. Used in templates as {@code @stepLinks}.
 */
@Component("stepLinks")
public class StepLinks {

	public boolean reachable(WizardStep step, Draft draft, boolean editable) {
		return !step.isAfter(draft.stepReached()) || (!editable && step == WizardStep.SUMMARY);
	}

}
