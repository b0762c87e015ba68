package org.mlgov.console.draft.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.SpecValidator;
import org.mlgov.console.web.CurrentRequest;
import org.mlgov.console.web.RenderedFragments;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every wizard step does the same way: load the draft and check who may edit it, add or remove rows without
 * saving, validate the step with the same rules as the JSON API (showing each error next to its field), save after a
 * valid step and redirect (Post/Redirect/Get), or re-render with nothing saved.
 */
@Component
public class StepSupport {

	/** The model attribute every step form is bound to. */
	public static final String FORM = "form";

	/**
	 * The model attribute of a step page shown as saved ({@link StepPage}): the key of its markup in the page memo,
	 * read by {@code fragments/wizard :: memoized}.
	 */
	public static final String STEP_PAGE = "stepPage";

	/** The model attribute of a step page's markup, when the page memo has it for the page's {@link StepPage}. */
	public static final String KEPT_PAGE = "keptPage";

	/**
	 * The steps whose pages go through the page memo: those that show nothing but the draft (not the Canvas step,
	 * which also shows what the SageMaker directory lists now).
	 */
	private static final Set<WizardStep> MEMOIZED = EnumSet.of(WizardStep.BASICS, WizardStep.ACTIVITIES,
			WizardStep.MODELS, WizardStep.CANVAS, WizardStep.COLLABORATION, WizardStep.SUMMARY);

	/**
	 * The model attributes a redirect may bring that {@link StepPage} holds. A page that arrives with any other (a
	 * refused submission's reasons and typed justification on the review step) is rendered as it is.
	 */
	private static final Set<String> KEYED_FLASH = Set.of("saved", "notice");

	private final DraftService drafts;

	private final Catalog catalog;

	private final SpecValidator validator;

	private final DraftPreview preview;

	private final MessageSource messages;

	private final FieldLabels labels;

	private final RenderedFragments pages;

	public StepSupport(DraftService drafts, Catalog catalog, DraftPreview preview, MessageSource messages,
			FieldLabels labels, RenderedFragments pages) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.validator = new SpecValidator(catalog);
		this.preview = preview;
		this.messages = messages;
		this.labels = labels;
		this.pages = pages;
	}

	public Catalog catalog() {
		return this.catalog;
	}

	/**
	 * The GET of a step: the author edits it; anybody else (administrators read all drafts), and the author of a draft
	 * under review, reads the same page with its fields disabled. A step beyond the one reached sends to the step
	 * reached, except the review, which readers always see. A page shown as saved goes through the page memo
	 * ({@link StepPage}): when its markup is kept, nothing else is prepared.
	 * @return the view, or a redirect
	 */
	public String show(long id, WizardStep step, StepFormFactory factory, Model model, Authentication user) {
		return show(id, step, factory, model, user, null);
	}

	/**
	 * The GET of a step that also shows something from outside the draft, read when the page is asked for (the
	 * Canvas step's SageMaker directory): as {@link #show(long, WizardStep, StepFormFactory, Model, Authentication)},
	 * with those attributes in the model and, for a page shown as saved, in its memo key.
	 * @param live the step's live attributes, asked only for a page shown as saved; null for none
	 * @return the view, or a redirect
	 */
	public String show(long id, WizardStep step, StepFormFactory factory, Model model, Authentication user,
			@Nullable LiveAttributes live) {
		Draft draft = this.drafts.get(id);
		boolean editable = draft.isEditableBy(user.getName());
		if (step.isAfter(draft.stepReached()) && (editable || step != WizardStep.SUMMARY)) {
			return "redirect:/drafts/" + id + "/steps/" + draft.stepReached().path();
		}
		boolean asSaved = !model.containsAttribute(FORM);
		Map<String, Object> liveAttributes = (asSaved && live != null) ? live.of(draft, editable) : Map.of();
		if (asSaved && MEMOIZED.contains(step) && KEYED_FLASH.containsAll(model.asMap().keySet())) {
			StepPage page = StepPage.of(step, draft, editable, user.getName(), model.getAttribute("saved"),
					model.getAttribute("notice"), CurrentRequest.contextPath(), liveAttributes);
			RenderedFragments.KeptPage kept = this.pages.keptPage(template(step), "step", LocaleContextHolder.getLocale(), page);
			if (kept != null) {
				// Shown before exactly so: the page's markup is kept, and nothing else of the model is read.
				model.addAttribute(KEPT_PAGE, kept);
				return template(step);
			}
			model.addAttribute(STEP_PAGE, page);
		}
		model.addAllAttributes(liveAttributes);
		// The stored content is parsed once for the whole page; its documents come from the memo of saved contents.
		DraftContent content = draft.content();
		if (asSaved && factory != null) {
			StepForm form = factory.from(content, this.catalog);
			form.setVersion(draft.version());
			model.addAttribute(FORM, form);
		}
		return prepare(draft, step, content, this.preview.ofSaved(draft, content), content, model, user);
	}

	/**
	 * What a step page shows besides the draft, read when the page is asked for (the Canvas step's SageMaker domains
	 * and user profiles): model attributes, which are also part of the page memo's key ({@link StepPage#live()}), so
	 * a page whose directory changed is rendered anew.
	 */
	@FunctionalInterface
	public interface LiveAttributes {

		/**
		 * The attributes for a draft shown as saved. Asked before the page memo, so they should not need the content
		 * parsed (keep what they read of it by {@link Draft#storedContent()}, as the Canvas step does).
		 * @param draft the draft
		 * @param editable whether the viewer may change it
		 * @return the attributes (immutable values compared with equals); empty when the page shows nothing live
		 */
		Map<String, Object> of(Draft draft, boolean editable);

	}

	/**
	 * The POST of a step. A step after the one reached is not saved (steps are not skipped): the author is sent to the
	 * step reached.
	 */
	public String submit(long id, WizardStep step, StepForm form, BindingResult binding, String rawAction,
			Model model, Authentication user, HttpServletResponse response,
			RedirectAttributes redirect) {
		Draft draft = this.drafts.get(id);
		draft.requireEditableBy(user.getName());
		if (step.isAfter(draft.stepReached())) {
			redirect.addFlashAttribute("notice", notReached(draft.stepReached()));
			return "redirect:/drafts/" + id + "/steps/" + draft.stepReached().path();
		}
		WizardAction action = WizardAction.parse(rawAction);
		boolean unreadable = RowIndexLimit.reject(binding) | rejectUnreadableVersion(binding);
		if (action.editsRows() && !unreadable) {
			boolean done = (action.kind() == WizardAction.Kind.ADD_ROW) ? form.addRow(action.list())
					: form.removeRow(action.list(), action.index());
			if (!done) {
				binding.reject("rows", "That list cannot be changed here.");
			}
			return prepare(draft, step, form.applyTo(draft.content(), this.catalog), model, user);
		}
		form.dropBlankRows();
		// Values that could not even be converted (a word in a number field) already have their error; the other
		// fields are still checked, so that every problem of the step is shown at once.
		DraftContent applied = form.applyTo(draft.content(), this.catalog);
		validate(form, applied, binding);
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			if (action.leaves()) {
				// Going back or to another step: the page offers to go there without these changes.
				model.addAttribute("discardTarget", action.destination(step));
			}
			return prepare(draft, step, applied, model, user);
		}
		this.drafts.saveStep(id, step, applied, form.getVersion(), user.getName());
		WizardStep destination = action.destination(step);
		redirect.addFlashAttribute("saved", "Saved \u201c" + step.title() + "\u201d.");
		return "redirect:/drafts/" + id + "/steps/" + destination.path();
	}

	/** What a step that is not reached yet says, on the step reached. */
	static String notReached(WizardStep reached) {
		return "That step is not reached yet: finish \u201c" + reached.title() + "\u201d first. Nothing was saved.";
	}

	/**
	 * The version is a hidden field: when it cannot be read, its error is said above the form, where it is seen.
	 * @return true if the version could not be read
	 */
	private static boolean rejectUnreadableVersion(BindingResult binding) {
		if (!binding.hasFieldErrors("version")) {
			return false;
		}
		binding.reject("version", "This form does not say which version of the draft it was loaded from, so it "
				+ "cannot be saved safely: reload the draft and make your change again. Nothing was saved.");
		return true;
	}

	/** Validates the applied content and puts this step's errors next to their fields. */
	void validate(StepForm form, DraftContent applied, BindingResult binding) {
		List<FieldError> errors = this.validator.validate(applied.spec());
		for (FieldError error : errors) {
			if (!form.owns(error.field())) {
				continue;
			}
			String field = form.formField(error.field());
			String message = this.labels.message(error);
			if (field == null) {
				binding.reject("spec", message);
				continue;
			}
			try {
				if (binding.getFieldErrorCount(field) == 0) {
					binding.rejectValue(field, "spec", message);
				}
			}
			catch (NotReadablePropertyException ex) {
				binding.reject("spec", message);
			}
		}
		form.validate(applied, binding);
	}

	/**
	 * The model of a step page: the draft, the steps, the preview of what is shown, and the persona change the
	 * activities step has not shown yet.
	 */
	String prepare(Draft draft, WizardStep step, DraftContent shown, Model model, Authentication user) {
		return prepare(draft, step, shown, this.preview.of(shown), draft.content(), model, user);
	}

	/**
	 * The model of a step page whose preview is already known.
	 * @param saved the draft's stored content (for the persona change), parsed by the caller
	 */
	private String prepare(Draft draft, WizardStep step, DraftContent shown, DraftPreview.Preview preview,
			DraftContent saved, Model model, Authentication user) {
		model.addAttribute("draft", draft);
		model.addAttribute("step", step);
		model.addAttribute("steps", Arrays.asList(WizardStep.values()));
		model.addAttribute("editable", draft.isEditableBy(user.getName()));
		model.addAttribute("catalog", this.catalog);
		model.addAttribute("shown", shown);
		model.addAttribute("preview", preview);
		model.addAttribute("personaChange", PersonaChangeNotice.of(saved, this.catalog));
		return template(step);
	}

	private static String template(WizardStep step) {
		return "drafts/steps/" + step.template();
	}

	/**
	 * The preview of the form's values, not saved (the htmx twin of the preview panel). Values the form could not even
	 * read (a word in a number field, rows out of range) are left out of it, and the panel says so with a 400.
	 */
	public String previewOf(long id, StepForm form, BindingResult binding, Model model, Authentication user,
			HttpServletResponse response) {
		Draft draft = this.drafts.get(id);
		draft.requireEditableBy(user.getName());
		RowIndexLimit.reject(binding);
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("previewProblems",
					binding.getAllErrors().stream().map(this::message).distinct().toList());
		}
		form.dropBlankRows();
		model.addAttribute("preview", this.preview.of(form.applyTo(draft.content(), this.catalog)));
		model.addAttribute("draft", draft);
		return "drafts/preview :: panel";
	}

	private String message(ObjectError error) {
		return (error instanceof org.springframework.validation.FieldError field)
				? field.getField() + ": " + this.messages.getMessage(error, Locale.ROOT)
				: this.messages.getMessage(error, Locale.ROOT);
	}

	/**
	 * The preview of the form's values together with what the step itself computes from them (model counts, trust
	 * policy, CORS rules): the step's template defines a fragment {@code live} that holds the panel and elements
	 * marked {@code hx-swap-oob}, which htmx swaps in place beside the panel.
	 */
	public String livePreviewOf(long id, WizardStep step, StepForm form, BindingResult binding, Model model,
			Authentication user, HttpServletResponse response) {
		previewOf(id, form, binding, model, user, response);
		return "drafts/steps/" + step.template() + " :: live";
	}

	/** Builds a step's form from a draft's content. */
	@FunctionalInterface
	public interface StepFormFactory {

		StepForm from(DraftContent content, Catalog catalog);

	}

}
