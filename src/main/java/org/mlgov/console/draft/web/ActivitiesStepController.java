package org.mlgov.console.draft.web;

import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.draft.WizardStep;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Step 2 of the wizard: ML activities, with the VPC and KMS customization they share. */
@Controller
@RequestMapping("/drafts/{id}/steps/activities")
@PreAuthorize("hasRole('ADMIN')")
class ActivitiesStepController {

	private final StepSupport steps;

	ActivitiesStepController(StepSupport steps) {
		this.steps = steps;
	}

	@GetMapping
	String show(@PathVariable long id, Model model, Authentication user) {
		return this.steps.show(id, WizardStep.ACTIVITIES, ActivitiesFormData::from, model, user);
	}

	@PostMapping
	String submit(@PathVariable long id, @ModelAttribute(StepSupport.FORM) ActivitiesFormData form,
			BindingResult binding, @RequestParam(name = "_action", required = false) String action, Model model,
			Authentication user, HttpServletResponse response,
			RedirectAttributes redirect) {
		return this.steps.submit(id, WizardStep.ACTIVITIES, form, binding, action, model, user, response,
				redirect);
	}

	@PostMapping("/preview")
	String preview(@PathVariable long id, @ModelAttribute(StepSupport.FORM) ActivitiesFormData form,
			BindingResult binding, Model model, Authentication user, HttpServletResponse response) {
		return this.steps.livePreviewOf(id, WizardStep.ACTIVITIES, form, binding, model, user, response);
	}

}
