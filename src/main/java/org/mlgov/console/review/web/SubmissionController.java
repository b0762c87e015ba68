package org.mlgov.console.review.web;


import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.review.SubmissionRefusedException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The author's side of the review: submit a finished draft with a justification, rework a rejected one. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SubmissionController {

	private final ReviewService reviews;

	SubmissionController(ReviewService reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/drafts/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(defaultValue = "") String justification,
			@RequestParam long version, Authentication user, RedirectAttributes redirect) {
		try {
			DraftRevision revision = this.reviews.submit(id, justification, version, user.getName());
			redirect.addFlashAttribute("message",
					"Submitted as revision " + revision.number() + ": the reviewers see it in their queue.");
			return "redirect:/reviews/" + id;
		}
		catch (SubmissionRefusedException ex) {
			redirect.addFlashAttribute("submitErrors", ex.reasons());
			redirect.addFlashAttribute("typedJustification", justification);
			return "redirect:/drafts/" + id + "/steps/review";
		}
	}

	@PostMapping("/drafts/{id}/rework")
	String rework(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		this.reviews.rework(id, user.getName());
		redirect.addFlashAttribute("saved", "The draft is editable again; submitting it creates a new revision.");
		return "redirect:/drafts/" + id + "/steps/basics";
	}

}
