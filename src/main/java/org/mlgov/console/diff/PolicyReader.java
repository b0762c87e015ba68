package org.mlgov.console.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads the statements of an IAM policy document into {@link PolicyStatement}s. {@code Statement} may be one object
 * or an array; every element that IAM accepts as a string or an array of strings is read as a set.
 */
final class PolicyReader {

	private PolicyReader() {
	}

	static List<PolicyStatement> statements(String policyJson) {
		JsonNode policy = JsonDiff.read(policyJson);
		if (policy == null) {
			return List.of();
		}
		if (!policy.isObject()) {
			throw new IllegalArgumentException("not a policy document: expected a JSON object");
		}
		JsonNode statements = policy.path("Statement");
		List<PolicyStatement> read = new ArrayList<>();
		for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
			if (statement.isObject()) {
				read.add(statement(statement));
			}
			else if (!statement.isMissingNode()) {
				throw new IllegalArgumentException("not a policy document: a statement is not a JSON object");
			}
		}
		return read;
	}

	private static PolicyStatement statement(JsonNode statement) {
		String sid = statement.path("Sid").asString("");
		return new PolicyStatement(sid.isBlank() ? null : sid, statement.path("Effect").asString(""),
				principals(statement.path("Principal")), principals(statement.path("NotPrincipal")),
				values(statement.path("Action")), values(statement.path("NotAction")),
				values(statement.path("Resource")), values(statement.path("NotResource")),
				conditions(statement.path("Condition")));
	}

	/** A string, a scalar or an array of them, as a set of strings (booleans and numbers as IAM reads them). */
	private static Set<String> values(JsonNode node) {
		Set<String> values = new LinkedHashSet<>();
		if (node.isArray()) {
			node.forEach((element) -> values.add(element.asString()));
		}
		else if (node.isValueNode()) {
			values.add(node.asString());
		}
		return values;
	}

	/** {@code "*"} and {@code {"AWS": "*"}} both mean everyone; other principals become {@code Type:value}. */
	private static Set<String> principals(JsonNode node) {
		Set<String> principals = new LinkedHashSet<>();
		if (node.isValueNode()) {
			principals.add(node.asString());
		}
		for (Map.Entry<String, JsonNode> type : node.properties()) {
			for (String value : values(type.getValue())) {
				principals.add(("AWS".equals(type.getKey()) && "*".equals(value)) ? "*" : type.getKey() + ":" + value);
			}
		}
		return principals;
	}

	private static List<PolicyStatement.Condition> conditions(JsonNode node) {
		List<PolicyStatement.Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operator : node.properties()) {
			for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
				conditions.add(new PolicyStatement.Condition(operator.getKey(), key.getKey(), values(key.getValue())));
			}
		}
		return conditions;
	}

}
