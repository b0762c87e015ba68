package org.mlgov.console.preview;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.InvalidSpecException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A 400 with one message per field, as RFC 9457 problem details with an {@code errors} member. */
@RestControllerAdvice(assignableTypes = RolePreviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RolePreviewErrors {

	@ExceptionHandler(InvalidSpecException.class)
	ProblemDetail invalidSpec(InvalidSpecException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				(ex.errors().size() == 1) ? "1 field of the role specification is invalid."
						: ex.errors().size() + " fields of the role specification are invalid.");
		problem.setTitle("Invalid role specification");
		problem.setType(URI.create("urn:mlgov:problem:invalid-role-specification"));
		List<Map<String, String>> errors = ex.errors()
			.stream()
			.map((FieldError e) -> Map.of("field", e.field(), "pointer", e.jsonPointer(), "message", e.message()))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

}
