package org.mlgov.console.draft.api;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.mlgov.console.draft.DraftAccessDeniedException;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.preview.ApiProblems;
import org.mlgov.console.preview.InvalidRequestException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of {@link DraftApiController} as problem details: a 400 per field for the request and for the role
 * specification (the format of {@code POST /api/role-preview}), a 403 that says why. Comes before the pages' advice.
 */
@RestControllerAdvice(assignableTypes = DraftApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DraftApiErrors {

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalidRequest(InvalidRequestException ex, HttpServletRequest request) {
		return at(ApiProblems.invalidRequest(ex.errors()), request);
	}

	@ExceptionHandler(InvalidSpecException.class)
	ProblemDetail invalidSpecification(InvalidSpecException ex, HttpServletRequest request) {
		return at(ApiProblems.invalidSpecification(ex.errors()), request);
	}

	/** Not the author of the draft, for instance: the reason rather than the generic text of a role refusal. */
	@ExceptionHandler(DraftAccessDeniedException.class)
	ProblemDetail denied(DraftAccessDeniedException ex, HttpServletRequest request) {
		return at(ApiProblems.of(HttpStatus.FORBIDDEN, "draft-access-denied", "Not allowed on this draft",
				ex.getMessage()), request);
	}

	private static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

}
