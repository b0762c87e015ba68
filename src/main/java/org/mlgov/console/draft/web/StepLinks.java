package org.mlgov.console.draft.web;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.mlgov.console.web.CurrentRequest;

import org.springframework.stereotype.Component;

/**
 * Which steps of a draft a page links to: those up to the step reached; for readers also the review, which they may
 * always read; and the list of steps beside a step page. Used in templates as {@code @stepLinks}.
 */
@Component("stepLinks")
public class StepLinks {

	public boolean reachable(WizardStep step, Draft draft, boolean editable) {
		return !step.isAfter(draft.stepReached()) || (!editable && step == WizardStep.SUMMARY);
	}

	/**
	 * The list of steps beside a step page ({@code fragments/wizard :: stepsNav}).
	 * @param step the step shown
	 * @param draft the draft
	 * @param editable whether the signed-in user may change it
	 * @return the list's view, with links under the request's context path
	 */
	public StepsNav nav(WizardStep step, Draft draft, boolean editable) {
		return StepsNav.of(step, draft, editable, this, CurrentRequest.contextPath());
	}

}
