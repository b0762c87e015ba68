package org.mlgov.console.policy;

/**
 * A lint result of the offline checks. {@code document} names the generated document ("trust", a policy name,
 * "bedrock-role-trust", "cors:&lt;bucket&gt;", or "role" for the role as a whole: attachments, the inline aggregate of
 * several inline policies), {@code sid} the statement it points at, with the name and Sid the packer gave it (null
 * when it concerns the whole document or the specification; both null for the specification).
 */
public record Finding(String code, Severity severity, String message, String document, String sid) {

	public boolean blocking() {
		return this.severity == Severity.ERROR;
	}

}
