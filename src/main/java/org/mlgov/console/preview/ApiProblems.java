package org.mlgov.console.preview;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.mlgov.console.policy.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details (RFC 9457) of the JSON API's refusals, shared by its controllers: a 400 lists every invalid
 * field in an {@code errors} member, each with its property path, its JSON pointer into the request body and a
 * message.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	/**
	 * A role specification with field errors ({@code POST /api/role-preview}, {@code POST /api/drafts}).
	 * @param errors one per invalid field
	 * @return a 400 titled "Invalid role specification"
	 */
	public static ProblemDetail invalidSpecification(List<FieldError> errors) {
		ProblemDetail problem = withErrors(errors, (errors.size() == 1) ? "1 field of the role specification is invalid."
				: errors.size() + " fields of the role specification are invalid.");
		problem.setTitle("Invalid role specification");
		problem.setType(URI.create("urn:mlgov:problem:invalid-role-specification"));
		return problem;
	}

	/**
	 * A request body with field errors (not JSON, a missing or mistyped field, an unknown field, a text too long).
	 * @param errors one per invalid field
	 * @return a 400 titled "Invalid request"
	 */
	public static ProblemDetail invalidRequest(List<FieldError> errors) {
		ProblemDetail problem = withErrors(errors, (errors.size() == 1) ? "1 field of the request is invalid."
				: errors.size() + " fields of the request are invalid.");
		problem.setTitle("Invalid request");
		problem.setType(URI.create("urn:mlgov:problem:invalid-request"));
		return problem;
	}

	/**
	 * A refusal with a title and an explanation.
	 * @param status the status
	 * @param type the last part of the problem type, {@code urn:mlgov:problem:<type>}
	 * @param title a short title
	 * @param detail what happened and what to do
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:mlgov:problem:" + type));
		return problem;
	}

	private static ProblemDetail withErrors(List<FieldError> errors, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors.stream()
			.map((FieldError e) -> Map.of("field", e.field(), "pointer", e.jsonPointer(), "message", e.message()))
			.toList());
		return problem;
	}

}
