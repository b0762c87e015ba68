package org.mlgov.console.catalog;

import java.util.List;

/** A named, versioned set of template statements (a Role Manager template or one of its VPC/KMS variants). */
public record PolicyTemplate(String templateName, String version, String source, List<TemplateStatement> statements) {

	public PolicyTemplate {
		statements = List.copyOf(statements);
	}

}
