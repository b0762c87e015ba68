package org.mlgov.console.draft.web;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.draft.DraftConflictException;
import org.mlgov.console.draft.StepNotReachedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A save on a stale draft: a 409 page that says who changed it and when, with a link to reload it. A save of a step
 * the draft has not reached: back to the step reached, saying why. It advises every controller, not only the
 * wizard's: submitting from the review step ({@code review.web}) checks the draft's version too, and a stale one
 * (two open tabs) is the same conflict.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DraftConflictAdvice {

	@ExceptionHandler(DraftConflictException.class)
	ModelAndView conflict(DraftConflictException ex) {
		ModelAndView page = new ModelAndView("drafts/conflict");
		page.setStatus(HttpStatus.CONFLICT);
		page.addObject("draftId", ex.draftId());
		page.addObject("changedBy", ex.changedBy());
		page.addObject("changedAt", ex.changedAt());
		return page;
	}

	@ExceptionHandler(StepNotReachedException.class)
	String notReached(StepNotReachedException ex, HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request).put("notice", StepSupport.notReached(ex.stepReached()));
		return "redirect:/drafts/" + ex.draftId() + "/steps/" + ex.stepReached().path();
	}

}
