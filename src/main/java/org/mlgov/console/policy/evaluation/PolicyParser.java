package org.mlgov.console.policy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an IAM policy document (JSON text) into a {@link ParsedPolicy}. Text that is not a JSON object is refused;
 * a statement IAM would not accept (no or an unknown Effect, both or neither of Action and NotAction, …) is kept with
 * a {@code problem}, so that the evaluator reports it as undecidable rather than guessing.
 */
final class PolicyParser {

	static final String VERSION_WITH_VARIABLES = "2012-10-17";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private PolicyParser() {
	}

	static ParsedPolicy parse(String json) {
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a JSON document: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("not a policy document: expected a JSON object");
		}
		boolean variables = VERSION_WITH_VARIABLES.equals(root.path("Version").asString(""));
		JsonNode statements = root.path("Statement");
		if (statements.isMissingNode()) {
			throw new IllegalArgumentException("not a policy document: no Statement");
		}
		List<ParsedPolicy.Statement> read = new ArrayList<>();
		int index = 0;
		for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
			read.add(statement(index++, statement));
		}
		return new ParsedPolicy(variables, read);
	}

	private static ParsedPolicy.Statement statement(int index, JsonNode node) {
		if (!node.isObject()) {
			return new ParsedPolicy.Statement(index, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
					"the statement is not a JSON object");
		}
		Problems problems = new Problems();
		String sid = node.path("Sid").isString() ? node.path("Sid").asString() : null;
		String effect = node.path("Effect").isString() ? node.path("Effect").asString() : null;
		if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
			problems.add("its Effect is " + ((effect == null) ? "missing" : "'" + effect + "'")
					+ ", not Allow or Deny");
		}
		List<String> actions = values(node, "Action", problems);
		List<String> notActions = values(node, "NotAction", problems);
		exactlyOne(node, "Action", "NotAction", problems);
		List<String> resources = values(node, "Resource", problems);
		List<String> notResources = values(node, "NotResource", problems);
		exactlyOne(node, "Resource", "NotResource", problems);
		List<ParsedPolicy.Condition> conditions = new ArrayList<>();
		JsonNode block = node.path("Condition");
		if (!block.isMissingNode() && !block.isObject()) {
			problems.add("its Condition is not a JSON object");
		}
		for (Map.Entry<String, JsonNode> operator : block.properties()) {
			if (!operator.getValue().isObject()) {
				problems.add("condition operator " + operator.getKey() + " does not map keys to values");
				continue;
			}
			for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
				Problems valueProblems = new Problems();
				List<String> values = scalars(key.getValue(), "the values of " + key.getKey(), valueProblems);
				conditions.add(new ParsedPolicy.Condition(operator.getKey(), key.getKey(), values,
						valueProblems.text()));
			}
		}
		return new ParsedPolicy.Statement(index, sid, effect, actions, notActions, resources, notResources,
				conditions, problems.text());
	}

	private static void exactlyOne(JsonNode node, String element, String negated, Problems problems) {
		boolean has = node.has(element);
		boolean hasNegated = node.has(negated);
		if (has == hasNegated) {
			problems.add(has ? "it has both " + element + " and " + negated : "it has neither " + element + " nor "
					+ negated);
		}
	}

	private static List<String> values(JsonNode statement, String element, Problems problems) {
		JsonNode node = statement.path(element);
		if (node.isMissingNode()) {
			return List.of();
		}
		List<String> values = scalars(node, element, problems);
		if (values.isEmpty()) {
			problems.add("its " + element + " is empty");
		}
		return values;
	}

	/** A string, number or boolean, or an array of them, as strings. */
	private static List<String> scalars(JsonNode node, String what, Problems problems) {
		List<String> values = new ArrayList<>();
		for (JsonNode element : node.isArray() ? node : List.of(node)) {
			if (element.isString() || element.isNumber() || element.isBoolean()) {
				values.add(element.asString());
			}
			else {
				problems.add(what + " holds " + (element.isNull() ? "null" : "a JSON " + element.getNodeType())
						+ ", not a string");
			}
		}
		return values;
	}

	/** Problems found in one statement, joined into one sentence part. */
	private static final class Problems {

		private final List<String> found = new ArrayList<>();

		void add(String problem) {
			this.found.add(problem);
		}

		String text() {
			return this.found.isEmpty() ? null : String.join("; ", this.found);
		}

	}

}
