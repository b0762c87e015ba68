package org.mlgov.console.draft.web;

import java.nio.charset.StandardCharsets;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Step 6 of the wizard: the review of everything generated from the draft, read-only for every administrator but the
 * author, and the download of each generated document as a JSON file.
 */
@Controller
@RequestMapping("/drafts/{id}")
@PreAuthorize("hasRole('ADMIN')")
class SummaryStepController {

	private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

	private final StepSupport steps;

	private final DraftService drafts;

	private final DraftPreview preview;

	SummaryStepController(StepSupport steps, DraftService drafts, DraftPreview preview) {
		this.steps = steps;
		this.drafts = drafts;
		this.preview = preview;
	}

	@GetMapping("/steps/review")
	String show(@PathVariable long id, Model model, Authentication user) {
		String view = this.steps.show(id, WizardStep.SUMMARY, null, model, user);
		if (model.getAttribute("draft") instanceof Draft draft
				&& model.getAttribute("preview") instanceof DraftPreview.Preview shown) {
			model.addAttribute("review", SummaryPage.of(draft.content(), shown, this.steps.catalog()));
		}
		return view;
	}

	@GetMapping("/documents/{name}")
	ResponseEntity<String> download(@PathVariable long id, @PathVariable String name) {
		DraftPreview.Preview shown = this.preview.of(this.drafts.get(id).content());
		SummaryDocuments.DocumentView document = shown.ready()
				? SummaryDocuments.of(shown.result()).find(name).orElse(null) : null;
		if (document == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Draft " + id + " has no document " + name + ".");
		}
		return ResponseEntity.ok()
			.contentType(JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".json").build().toString())
			.body(document.json());
	}

}
