package org.mlgov.console.policy;

import java.util.List;

/** An IAM policy document: always {@code "Version": "2012-10-17"}, so policy variables are interpreted. */
public record PolicyDocument(List<Statement> statements) {

	public static final String VERSION = "2012-10-17";

	public PolicyDocument {
		statements = List.copyOf(statements);
	}

}
