package org.mlgov.console.draft.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
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

	/** The model attribute of the directory's options ({@link CanvasTargetOptions.Options}). */
	private static final String TARGET_OPTIONS = "targetOptions";

	private final StepSupport steps;

	private final DraftService drafts;

	private final CanvasTargetOptions targetOptions;

	/** The account, Region and domain id of stored contents, so that a page kept in the memo parses nothing. */
	private final ViewMemo<String, SavedTarget> savedTargets = new ViewMemo<>(64);

	CanvasStepController(StepSupport steps, DraftService drafts, CanvasTargetOptions targetOptions) {
		this.steps = steps;
		this.drafts = drafts;
		this.targetOptions = targetOptions;
	}

	/**
	 * The step; shown as saved, it goes through the page memo with the directory it lists as part of the key (so a
	 * domain or user profile added in SageMaker shows at once).
	 */
	@GetMapping
	String show(@PathVariable long id, Model model, Authentication user) {
		return withTargetOptions(this.steps.show(id, WizardStep.CANVAS, CanvasFormData::from, model, user,
				this::directoryOfSaved), model);
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
		model.addAttribute(TARGET_OPTIONS, this.targetOptions.of(draft.content().spec(), domainId));
		return "drafts/steps/canvas :: directory";
	}

	/**
	 * The live domains and user profiles for a draft shown as saved, when the viewer may edit it: of the account,
	 * Region and domain id of its stored content (read once per content, {@link #savedTargets}).
	 */
	private Map<String, Object> directoryOfSaved(Draft draft, boolean editable) {
		if (!editable) {
			return Map.of();
		}
		SavedTarget target = this.savedTargets.get(draft.storedContent(), (json) -> SavedTarget.of(draft.content()));
		return Map.of(TARGET_OPTIONS, this.targetOptions.of(target.accountId(), target.region(), target.domainId()));
	}

	/** What the directory is asked with for a saved content: its account, Region and domain id (each may be null). */
	private record SavedTarget(String accountId, String region, String domainId) {

		static SavedTarget of(DraftContent content) {
			return new SavedTarget(content.spec().accountId(), content.spec().region(),
					content.canvasTargets().domainId());
		}

	}

	/**
	 * The page an editing author sees offers the live domains and user profiles; readers see the values only. A page
	 * shown as saved has them already ({@link #directoryOfSaved}); a refused form lists the profiles of the domain
	 * typed.
	 */
	private String withTargetOptions(String view, Model model) {
		if (!view.startsWith("redirect:") && !model.containsAttribute(TARGET_OPTIONS)
				&& Boolean.TRUE.equals(model.getAttribute("editable"))
				&& model.getAttribute("draft") instanceof Draft draft
				&& model.getAttribute(StepSupport.FORM) instanceof CanvasFormData form) {
			model.addAttribute(TARGET_OPTIONS, this.targetOptions.of(draft.content().spec(), form.getDomainId()));
		}
		return view;
	}

	@PostMapping("/preview")
	String preview(@PathVariable long id, @ModelAttribute(StepSupport.FORM) CanvasFormData form,
			BindingResult binding, Model model, Authentication user, HttpServletResponse response) {
		return this.steps.livePreviewOf(id, WizardStep.CANVAS, form, binding, model, user, response);
	}

}
