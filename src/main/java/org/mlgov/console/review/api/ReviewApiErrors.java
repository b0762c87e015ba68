package org.mlgov.console.review.api;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.draft.DraftAccessDeniedException;
import org.mlgov.console.draft.DraftConflictException;
import org.mlgov.console.draft.FourEyesViolationException;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.draft.InvalidTextException;
import org.mlgov.console.draft.StaleRevisionException;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.preview.ApiProblems;
import org.mlgov.console.preview.InvalidRequestException;
import org.mlgov.console.review.RevisionTamperedException;
import org.mlgov.console.review.SubmissionRefusedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of {@link ReviewApiController} as problem details (the pages show the same refusals as pages, in
 * {@code review.web.IllegalTransitionAdvice}; this advice comes first for the API): 400 for a body that cannot be
 * used or a refused submission, 403 with the four-eyes reason, 409 for a revision that is no longer the current one,
 * a status that does not allow the change, a draft changed meanwhile, or changed stored documents.
 */
@RestControllerAdvice(assignableTypes = ReviewApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewApiErrors {

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex, HttpServletRequest request) {
		return at(ApiProblems.invalidRequest(ex.errors()), request);
	}

	/** A comment or reason too long, a reason missing: next to its field, as a form would show it. */
	@ExceptionHandler(InvalidTextException.class)
	ProblemDetail invalidText(InvalidTextException ex, HttpServletRequest request) {
		return at(ApiProblems.invalidRequest(List.of(new FieldError(ex.field(), ex.getMessage()))), request);
	}

	@ExceptionHandler(SubmissionRefusedException.class)
	ProblemDetail submissionRefused(SubmissionRefusedException ex, HttpServletRequest request) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "submission-refused", "Submission refused",
				"The draft was not submitted: " + ((ex.reasons().size() == 1) ? "1 reason." : ex.reasons().size()
						+ " reasons."));
		problem.setProperty("reasons", ex.reasons());
		return at(problem, request);
	}

	@ExceptionHandler(FourEyesViolationException.class)
	ProblemDetail fourEyes(FourEyesViolationException ex, HttpServletRequest request) {
		return at(ApiProblems.of(HttpStatus.FORBIDDEN, "four-eyes", "Four-eyes rule", ex.reason()), request);
	}

	/** Not the author (a submission by another administrator), or a draft that can no longer be changed. */
	@ExceptionHandler(DraftAccessDeniedException.class)
	ProblemDetail denied(DraftAccessDeniedException ex, HttpServletRequest request) {
		return at(ApiProblems.of(HttpStatus.FORBIDDEN, "draft-access-denied", "Not allowed on this draft",
				ex.getMessage()), request);
	}

	@ExceptionHandler(StaleRevisionException.class)
	ProblemDetail stale(StaleRevisionException ex, HttpServletRequest request) {
		String who = (ex.submittedBy() != null)
				? ": " + ex.submittedBy() + " submitted it at " + ex.submittedAt() : "";
		ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "stale-revision", "Revision no longer current",
				"You decided on revision " + ex.shownRevision() + ", but revision " + ex.currentRevision()
						+ " is the current one" + who + ". Nothing was recorded: read revision "
						+ ex.currentRevision() + " and decide again.");
		problem.setProperty("shownRevision", ex.shownRevision());
		problem.setProperty("currentRevision", ex.currentRevision());
		problem.setProperty("submittedBy", ex.submittedBy());
		problem.setProperty("submittedAt", (ex.submittedAt() != null) ? ex.submittedAt().toString() : null);
		problem.setProperty("review", "/reviews/" + ex.draftId());
		return at(problem, request);
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail illegal(IllegalTransitionException ex, HttpServletRequest request) {
		return at(ApiProblems.of(HttpStatus.CONFLICT, "illegal-transition", "Not possible in the draft's state",
				ex.getMessage()), request);
	}

	@ExceptionHandler(DraftConflictException.class)
	ProblemDetail conflict(DraftConflictException ex, HttpServletRequest request) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "draft-changed", "Draft changed meanwhile",
				"Draft " + ex.draftId() + " was changed by " + ex.changedBy() + " at " + ex.changedAt()
						+ " after the version you named. Nothing was submitted: read it again.");
		problem.setProperty("changedBy", ex.changedBy());
		problem.setProperty("changedAt", (ex.changedAt() != null) ? ex.changedAt().toString() : null);
		return at(problem, request);
	}

	@ExceptionHandler(RevisionTamperedException.class)
	ProblemDetail tampered(RevisionTamperedException ex, HttpServletRequest request) {
		return at(ApiProblems.of(HttpStatus.CONFLICT, "revision-tampered", "Documents changed after submission",
				ex.getMessage() + " Nothing was approved; rejecting it stays possible."), request);
	}

	private static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

}
