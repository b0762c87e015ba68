package org.mlgov.console.catalog;

import java.util.List;
import java.util.Map;

/**
 * One statement of a Role Manager policy template, as stored in the catalogue: placeholders such as
 * {@code ${S3Buckets}} are still in it. Conditions map an operator to its keys and their values.
 */
public record TemplateStatement(String sid, String effect, List<String> actions, List<String> resources,
		Map<String, Map<String, List<String>>> conditions) {

	public TemplateStatement {
		actions = List.copyOf(actions);
		resources = List.copyOf(resources);
		conditions = conditions == null ? Map.of() : conditions;
	}

}
