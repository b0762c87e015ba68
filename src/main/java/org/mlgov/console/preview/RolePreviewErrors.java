package org.mlgov.console.preview;

import org.mlgov.console.policy.InvalidSpecException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A 400 with one message per field, as RFC 9457 problem details with an {@code errors} member. */
@RestControllerAdvice(assignableTypes = RolePreviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RolePreviewErrors {

	@ExceptionHandler(InvalidSpecException.class)
	ProblemDetail invalidSpec(InvalidSpecException ex) {
		return ApiProblems.invalidSpecification(ex.errors());
	}

}
