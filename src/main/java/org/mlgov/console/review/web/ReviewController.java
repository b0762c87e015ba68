package org.mlgov.console.review.web;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;


import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.InvalidTextException;
import org.mlgov.console.draft.web.SummaryDocuments;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.ReviewService;

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

	ReviewController(ReviewService reviews, DraftService drafts, ReviewPageModel pages, Clock clock) {
		this.reviews = reviews;
		this.drafts = drafts;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/reviews")
	@PreAuthorize("hasRole('REVIEWER')")
	String queue(Model model) {
		model.addAttribute("queue", this.reviews.queue().stream().map(QueueRow::of).toList());
		model.addAttribute("now", this.clock.instant());
		return "reviews/queue";
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
		SummaryDocuments documents = ReviewPageModel.documentsOf(revision(id, number));
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
		SummaryDocuments documents = ReviewPageModel.documentsOf(revision(id, number));
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
	String approve(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Authentication user,
			RedirectAttributes redirect) {
		try {
			Draft draft = this.reviews.approve(id, comment, user.getName());
			redirect.addFlashAttribute("message", (draft.status() == DraftStatus.APPROVED) ? "Approved: the revision is ready to push to AWS (pushing arrives with the push feature)."
					: "Your approval is recorded; " + moreApprovals(draft.requiredApprovals() - draft.approvals().size()));
		}
		catch (InvalidTextException ex) {
			refused(redirect, "approveError", ex, "typedApproval", comment);
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/reject")
	@PreAuthorize("hasRole('REVIEWER')")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
			RedirectAttributes redirect) {
		try {
			this.reviews.reject(id, reason, user.getName());
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

	/** A text that was not accepted: its message goes next to the field, which keeps what was typed. */
	private static void refused(RedirectAttributes redirect, String errorAttribute, InvalidTextException ex,
			String typedAttribute, String typed) {
		redirect.addFlashAttribute(errorAttribute, ex.getMessage());
		redirect.addFlashAttribute(typedAttribute, typed);
	}

	/** One line of the review queue. */
	record QueueRow(long id, String name, String author, int revision, Instant submittedAt,
			String justification, int approvals, int requiredApprovals) {

		static QueueRow of(ReviewService.Waiting waiting) {
			Draft draft = waiting.draft();
			DraftRevision revision = waiting.revision();
			return new QueueRow(draft.id(), draft.name(), draft.author(), revision.number(), revision.submittedAt(),
					revision.justification(), draft.approvals().size(), draft.requiredApprovals());
		}

	}

	private static String moreApprovals(int missing) {
		return (missing == 1) ? "1 more approval needed." : missing + " more approvals needed.";
	}

}
