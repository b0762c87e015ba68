package org.mlgov.console.review.web;

import org.mlgov.console.draft.FourEyesViolationException;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.draft.StaleRevisionException;
import org.mlgov.console.review.RevisionTamperedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A status change the draft's life does not allow, a decision about a revision that is no longer the current one, or
 * an approval of a revision whose documents were changed: a 409 page that says why. A decision the four-eyes rule
 * refuses: the 403 page with its reason. For the pages: the JSON API's controllers have their own advice, which comes
 * first ({@code review.api.ReviewApiErrors}, ordered {@link Ordered#HIGHEST_PRECEDENCE}).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IllegalTransitionAdvice {

	@ExceptionHandler(IllegalTransitionException.class)
	ModelAndView illegal(IllegalTransitionException ex) {
		ModelAndView page = new ModelAndView("reviews/illegal-transition");
		page.setStatus(HttpStatus.CONFLICT);
		page.addObject("reason", ex.getMessage());
		return page;
	}

	/** The four-eyes rule: still a 403, but the page says why instead of the generic text. */
	@ExceptionHandler(FourEyesViolationException.class)
	ModelAndView fourEyes(FourEyesViolationException ex) {
		ModelAndView page = new ModelAndView("error/403");
		page.setStatus(HttpStatus.FORBIDDEN);
		page.addObject("status", 403);
		page.addObject("reason", ex.reason());
		return page;
	}

	/**
	 * A decision about a revision that is no longer the current one: the page says which revision the reviewer saw,
	 * which one is current, who submitted it and when, and links to the current revision.
	 */
	@ExceptionHandler(StaleRevisionException.class)
	ModelAndView stale(StaleRevisionException ex) {
		ModelAndView page = new ModelAndView("reviews/stale-revision");
		page.setStatus(HttpStatus.CONFLICT);
		page.addObject("draftId", ex.draftId());
		page.addObject("shownRevision", ex.shownRevision());
		page.addObject("currentRevision", ex.currentRevision());
		page.addObject("submittedBy", ex.submittedBy());
		page.addObject("submittedAt", ex.submittedAt());
		return page;
	}

	@ExceptionHandler(RevisionTamperedException.class)
	ModelAndView tampered(RevisionTamperedException ex) {
		ModelAndView page = new ModelAndView("reviews/tampered");
		page.setStatus(HttpStatus.CONFLICT);
		page.addObject("draftId", ex.draftId());
		page.addObject("revisionNumber", ex.revisionNumber());
		return page;
	}

}
