package org.mlgov.console.policy;

import java.util.List;

/** Thrown by the generator for a specification with field errors; nothing is generated from it. */
public class InvalidSpecException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidSpecException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): " + errors.subList(0, Math.min(errors.size(), 5))
				+ ((errors.size() > 5) ? " …" : ""));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
