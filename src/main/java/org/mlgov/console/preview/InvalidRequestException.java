package org.mlgov.console.preview;

import java.util.List;

import org.mlgov.console.policy.FieldError;

/** A JSON request body that cannot be used, with one error per field; nothing was changed. */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
