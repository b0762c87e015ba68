package org.mlgov.console.draft.web;

import java.nio.charset.StandardCharsets;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
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

	/**
	 * The summary and documents of recently shown saved contents, keyed by their stored JSON: the page, and the
	 * downloads and long documents it fetches, read the same saved content again and again (see {@link DraftPreview}).
	 */
	private final ViewMemo<String, SummaryPage> pages = new ViewMemo<>(DraftPreview.MEMO_SIZE);

	SummaryStepController(StepSupport steps, DraftService drafts, DraftPreview preview) {
		this.steps = steps;
		this.drafts = drafts;
		this.preview = preview;
	}

	@GetMapping("/steps/review")
	String show(@PathVariable long id, Model model, Authentication user) {
		String view = this.steps.show(id, WizardStep.SUMMARY, null, model, user);
		if (model.getAttribute("draft") instanceof Draft draft && model.getAttribute("shown") instanceof DraftContent content
				&& model.getAttribute("preview") instanceof DraftPreview.Preview shown) {
			model.addAttribute("review",
					this.pages.get(draft.storedContent(), (key) -> SummaryPage.of(content, shown, this.steps.catalog())));
		}
		return view;
	}

	@GetMapping("/documents/{name}")
	ResponseEntity<String> download(@PathVariable long id, @PathVariable String name) {
		SummaryDocuments documents = documents(id);
		SummaryDocuments.DocumentView document = documents.find(name).orElseThrow(() -> new ResponseStatusException(
				HttpStatus.NOT_FOUND, "Draft " + id + " has no document " + name + "."));
		return document(documents, document);
	}

	/** Every generated document in one zip, with a README.txt saying what each file is. */
	@GetMapping("/documents.zip")
	ResponseEntity<byte[]> downloadAll(@PathVariable long id) {
		return zip(documents(id));
	}

	private SummaryDocuments documents(long id) {
		Draft draft = this.drafts.get(id);
		SummaryPage page = this.pages.get(draft.storedContent(), (key) -> {
			DraftContent content = draft.content();
			return SummaryPage.of(content, this.preview.ofSaved(draft, content), this.steps.catalog());
		});
		if (!page.ready()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Draft " + id + " generates no documents until its specification is complete.");
		}
		return page.documents();
	}

	/** One document as a JSON file named {@code <role>-<document>.json}. */
	static ResponseEntity<String> document(SummaryDocuments documents, SummaryDocuments.DocumentView document) {
		return ResponseEntity.ok()
			.contentType(JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(documents.fileName(document)).build().toString())
			.body(document.json());
	}

	/** Every document in a zip named {@code <role>-documents.zip}. */
	static ResponseEntity<byte[]> zip(SummaryDocuments documents) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(documents.zipName()).build().toString())
			.body(documents.zip());
	}

}
