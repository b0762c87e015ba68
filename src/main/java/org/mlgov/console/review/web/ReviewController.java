package org.mlgov.console.review.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.InvalidTextException;
import org.mlgov.console.draft.web.SummaryDocuments;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.web.Times;
import org.mlgov.console.web.RowList;

import org.springframework.data.domain.Page;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security reviewer's side: the queue of submitted drafts (oldest first), the review page of a frozen revision,
 * and the decision. Authors and other administrators can read the review page; only reviewers decide, never on
 * their own drafts.
 */
@Controller
class ReviewController {

	private final ReviewService reviews;

	private final DraftService drafts;

	private final ReviewPageModel pages;

	private final Clock clock;

	private final Times times;

	ReviewController(ReviewService reviews, DraftService drafts, ReviewPageModel pages, Clock clock, Times times) {
		this.reviews = reviews;
		this.drafts = drafts;
		this.pages = pages;
		this.clock = clock;
		this.times = times;
	}

	@GetMapping("/reviews")
	@PreAuthorize("hasRole('REVIEWER')")
	String queue(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page,
			Model model, HttpServletRequest request) {
		String search = search(q);
		Page<ReviewService.QueueEntry> entries = this.reviews.queue(search, pageNumber(page));
		Instant now = this.clock.instant();
		// The rows carry their texts and links, built from the context path once per page (see QueueRow).
		String contextPath = request.getContextPath();
		model.addAttribute("queue", new RowList<>(entries.getContent()
			.stream()
			.map((entry) -> QueueRow.of(entry, this.times, now, contextPath))
			.toList()));
		model.addAttribute("page", entries);
		model.addAttribute("q", search);
		return "reviews/queue";
	}

	/** What to search for: the parameter without surrounding blanks, at most as long as a draft name. */
	private static String search(String q) {
		String stripped = q.strip();
		return (stripped.length() > Draft.NAME_LENGTH) ? stripped.substring(0, Draft.NAME_LENGTH) : stripped;
	}

	/** A page number from 1; anything that is not one means the first page. */
	private static int pageNumber(String requested) {
		if (requested == null || !requested.strip().matches("[1-9]\\d{0,8}")) {
			return 1;
		}
		return Integer.parseInt(requested.strip());
	}

	@GetMapping("/reviews/{id}")
	@PreAuthorize("hasAnyRole('REVIEWER','ADMIN')")
	String review(@PathVariable long id, @RequestParam(required = false) Integer revision, Model model,
			Authentication user) {
		Draft draft = this.drafts.getForReading(id);
		this.pages.fill(draft, revision, model, user);
		return "reviews/review";
	}

	/** One frozen document of a revision, as {@code <role>-<document>.json}, exactly as stored. */
	@GetMapping("/reviews/{id}/revisions/{number}/documents/{name}")
	@PreAuthorize("hasAnyRole('REVIEWER','ADMIN')")
	ResponseEntity<String> document(@PathVariable long id, @PathVariable int number, @PathVariable String name) {
		SummaryDocuments documents = this.pages.documents(revision(id, number));
		SummaryDocuments.DocumentView document = documents.find(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Revision " + number + " of draft " + id + " has no document " + name + "."));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(documents.fileName(document)).build().toString())
			.body(document.json());
	}

	/** Every frozen document of a revision in one zip, with a README.txt of what each file is. */
	@GetMapping("/reviews/{id}/revisions/{number}/documents.zip")
	@PreAuthorize("hasAnyRole('REVIEWER','ADMIN')")
	ResponseEntity<byte[]> documents(@PathVariable long id, @PathVariable int number) {
		SummaryDocuments documents = this.pages.documents(revision(id, number));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(documents.zipName()).build().toString())
			.body(documents.zip());
	}

	private DraftRevision revision(long id, int number) {
		this.drafts.getForReading(id);
		return this.pages.revisions(id)
			.stream()
			.filter((r) -> r.number() == number)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Draft " + id + " has no revision " + number + "."));
	}

	@PostMapping("/reviews/{id}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@PathVariable long id, @RequestParam(required = false) String revision,
			@RequestParam(defaultValue = "") String comment, Authentication user, RedirectAttributes redirect) {
		int shown = revisionShown(revision);
		try {
			Draft draft = this.reviews.approve(id, shown, comment, user.getName());
			redirect.addFlashAttribute("message", (draft.status() == DraftStatus.APPROVED) ? "Approved: an ML administrator can now plan and push the revision to AWS."
					: "Your approval is recorded; " + moreApprovals(draft.requiredApprovals() - draft.approvals().size()));
		}
		catch (InvalidTextException ex) {
			refused(redirect, "approveError", ex, "typedApproval", comment);
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/reject")
	@PreAuthorize("hasRole('REVIEWER')")
	String reject(@PathVariable long id, @RequestParam(required = false) String revision,
			@RequestParam(defaultValue = "") String reason, Authentication user, RedirectAttributes redirect) {
		int shown = revisionShown(revision);
		try {
			this.reviews.reject(id, shown, reason, user.getName());
			redirect.addFlashAttribute("message", "Rejected; the author sees your reason.");
		}
		catch (InvalidTextException ex) {
			refused(redirect, "reasonError", ex, "typedReason", reason);
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/comments")
	@PreAuthorize("hasAnyRole('REVIEWER','ADMIN')")
	String comment(@PathVariable long id, @RequestParam(defaultValue = "") String body, Authentication user,
			RedirectAttributes redirect) {
		boolean reviewer = user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_REVIEWER"));
		try {
			this.reviews.comment(id, body, user.getName(), reviewer);
		}
		catch (InvalidTextException ex) {
			refused(redirect, "commentError", ex, "typedComment", body);
		}
		return "redirect:/reviews/" + id + "#comments";
	}

	/**
	 * The revision the decision form showed (its hidden {@code revision} field). Read here rather than bound by the
	 * framework, so that a user who may not decide is refused (403) before a malformed form is (400).
	 * @throws ResponseStatusException 400 if the field is missing or not a revision number
	 */
	static int revisionShown(String revision) {
		if (revision == null || revision.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form did not say which revision you "
					+ "decided on (its revision field is missing): reload the review, read the current revision and "
					+ "decide again. Nothing was changed.");
		}
		try {
			int number = Integer.parseInt(revision.strip());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form's revision field is not a revision "
				+ "number: reload the review, read the current revision and decide again. Nothing was changed.");
	}

	/** A text that was not accepted: its message goes next to the field, which keeps what was typed. */
	private static void refused(RedirectAttributes redirect, String errorAttribute, InvalidTextException ex,
			String typedAttribute, String typed) {
		redirect.addFlashAttribute(errorAttribute, ex.getMessage());
		redirect.addFlashAttribute(typedAttribute, typed);
	}

	private static String moreApprovals(int missing) {
		return (missing == 1) ? "1 more approval needed." : missing + " more approvals needed.";
	}

}
