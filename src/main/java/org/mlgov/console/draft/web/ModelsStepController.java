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

/** Step 3 of the wizard: which Bedrock and JumpStart models Canvas users may use. */
@Controller
@RequestMapping("/drafts/{id}/steps/models")
@PreAuthorize("hasRole('ADMIN')")
class ModelsStepController {

	private final StepSupport steps;

	ModelsStepController(StepSupport steps) {
		this.steps = steps;
	}

	@GetMapping
	String show(@PathVariable long id, Model model, Authentication user) {
		return this.steps.show(id, WizardStep.MODELS, ModelsFormData::from, model, user);
	}

	@PostMapping
	String submit(@PathVariable long id, @ModelAttribute(StepSupport.FORM) ModelsFormData form, BindingResult binding,
			@RequestParam(name = "_action", required = false) String action, Model model, Authentication user,
			HttpServletResponse response, RedirectAttributes redirect) {
		return this.steps.submit(id, WizardStep.MODELS, form, binding, action, model, user, response,
				redirect);
	}

	@PostMapping("/preview")
	String preview(@PathVariable long id, @ModelAttribute(StepSupport.FORM) ModelsFormData form,
			BindingResult binding, Model model, Authentication user, HttpServletResponse response) {
		return this.steps.livePreviewOf(id, WizardStep.MODELS, form, binding, model, user, response);
	}

}
