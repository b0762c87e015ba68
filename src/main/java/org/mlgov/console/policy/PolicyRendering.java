package org.mlgov.console.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns policy documents into the JSON trees {@link Json} writes: keys in IAM's usual order (Version, Statement;
 * Sid, Effect, Principal, Action, Resource/NotResource, Condition), a one-element list written as a plain string.
 */
public final class PolicyRendering {

	private PolicyRendering() {
	}

	public static Map<String, Object> tree(PolicyDocument document) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("Version", PolicyDocument.VERSION);
		root.put("Statement", document.statements().stream().map(PolicyRendering::tree).toList());
		return root;
	}

	public static Map<String, Object> tree(Statement statement) {
		Map<String, Object> node = new LinkedHashMap<>();
		if (statement.sid() != null) {
			node.put("Sid", statement.sid());
		}
		node.put("Effect", statement.effect().name());
		if (statement.principalService() != null) {
			node.put("Principal", Map.of("Service", statement.principalService()));
		}
		node.put("Action", oneOrMany(statement.actions()));
		if (!statement.resources().isEmpty()) {
			node.put("Resource", oneOrMany(statement.resources()));
		}
		if (!statement.notResources().isEmpty()) {
			node.put("NotResource", oneOrMany(statement.notResources()));
		}
		if (!statement.conditions().isEmpty()) {
			Map<String, Object> condition = new LinkedHashMap<>();
			statement.conditions().forEach((operator, keys) -> {
				Map<String, Object> keyNode = new LinkedHashMap<>();
				keys.forEach((key, values) -> keyNode.put(key, oneOrMany(values)));
				condition.put(operator, keyNode);
			});
			node.put("Condition", condition);
		}
		return node;
	}

	public static String pretty(PolicyDocument document) {
		return Json.pretty(tree(document));
	}

	public static int iamSize(PolicyDocument document) {
		return Json.iamSizeOf(tree(document));
	}

	/** IAM size of one statement as it appears inside a document (without the separating comma). */
	public static int iamSize(Statement statement) {
		return Json.iamSizeOf(tree(statement));
	}

	private static Object oneOrMany(List<String> values) {
		return (values.size() == 1) ? values.get(0) : values;
	}

}
