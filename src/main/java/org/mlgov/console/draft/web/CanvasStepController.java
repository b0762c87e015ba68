package org.mlgov.console.draft.web;

import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
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

/** Step 4 of the wizard: Canvas settings and where they apply. */
@Controller
@RequestMapping("/drafts/{id}/steps/canvas")
@PreAuthorize("hasRole('ADMIN')")
class CanvasStepController {

	private final StepSupport steps;

	private final DraftService drafts;

	private final CanvasTargetOptions targetOptions;

	CanvasStepController(StepSupport steps, DraftService drafts, CanvasTargetOptions targetOptions) {
		this.steps = steps;
		this.drafts = drafts;
		this.targetOptions = targetOptions;
	}

	@GetMapping
	String show(@PathVariable long id, Model model, Authentication user) {
		return withTargetOptions(this.steps.show(id, WizardStep.CANVAS, CanvasFormData::from, model, user), model);
	}

	@PostMapping
	String submit(@PathVariable long id, @ModelAttribute(StepSupport.FORM) CanvasFormData form, BindingResult binding,
			@RequestParam(name = "_action", required = false) String action, Model model, Authentication user,
			HttpServletResponse response, RedirectAttributes redirect) {
		return withTargetOptions(this.steps.submit(id, WizardStep.CANVAS, form, binding, action, model, user,
				response, redirect), model);
	}

	/**
	 * The domains and user profiles to pick from (the htmx twin of the picker, asked again when the domain id
	 * changes; without JavaScript the page itself shows them for the domain id it was posted with).
	 */
	@GetMapping("/directory")
	String directory(@PathVariable long id, @RequestParam(required = false) String domainId, Model model,
			Authentication user) {
		Draft draft = this.drafts.get(id);
		draft.requireEditableBy(user.getName());
		model.addAttribute("draft", draft);
		model.addAttribute("targetOptions", this.targetOptions.of(draft.content().spec(), domainId));
		return "drafts/steps/canvas :: directory";
	}

	/** The page an editing author sees offers the live domains and user profiles; readers see the values only. */
	private String withTargetOptions(String view, Model model) {
		if (!view.startsWith("redirect:") && Boolean.TRUE.equals(model.getAttribute("editable"))
				&& model.getAttribute("draft") instanceof Draft draft
				&& model.getAttribute(StepSupport.FORM) instanceof CanvasFormData form) {
			model.addAttribute("targetOptions", this.targetOptions.of(draft.content().spec(), form.getDomainId()));
		}
		return view;
	}

	@PostMapping("/preview")
	String preview(@PathVariable long id, @ModelAttribute(StepSupport.FORM) CanvasFormData form,
			BindingResult binding, Model model, Authentication user, HttpServletResponse response) {
		return this.steps.livePreviewOf(id, WizardStep.CANVAS, form, binding, model, user, response);
	}

}
