package org.mlgov.console.policy;

/**
 * A lint result of the offline checks. {@code document} names the generated document ("trust", a policy name, "cors:
 * bucket"), {@code sid} the statement it points at (null when it concerns the whole document or the specification).
 */
public record Finding(String code, Severity severity, String message, String document, String sid) {

	public boolean blocking() {
		return this.severity == Severity.ERROR;
	}

}
