package org.mlgov.console.policy.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;

/** Policies and requests the evaluator tests build. */
final class EvaluatorFixtures {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(CATALOG.serviceAuthorization());

	private EvaluatorFixtures() {
	}

	/** A customer managed policy of version 2012-10-17 with the given statements (JSON objects). */
	static PolicyInput policy(String name, String... statements) {
		return PolicyInput.of(name, PolicyInput.Kind.CUSTOMER_MANAGED,
				"{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}");
	}

	static String allow(String action, String resource) {
		return statement("Allow", "Action", action, "Resource", resource, null);
	}

	static String deny(String action, String resource) {
		return statement("Deny", "Action", action, "Resource", resource, null);
	}

	/**
	 * One statement. {@code action} and {@code resource} are JSON values (a quoted string or an array) or bare
	 * strings, which are quoted; {@code condition} is the JSON object of the Condition element, or null.
	 */
	static String statement(String effect, String actionElement, String action, String resourceElement,
			String resource, String condition) {
		return statement(null, effect, actionElement, action, resourceElement, resource, condition);
	}

	static String statement(String sid, String effect, String actionElement, String action, String resourceElement,
			String resource, String condition) {
		StringBuilder json = new StringBuilder("{");
		if (sid != null) {
			json.append("\"Sid\": \"").append(sid).append("\", ");
		}
		json.append("\"Effect\": \"").append(effect).append("\", ");
		json.append('"').append(actionElement).append("\": ").append(value(action)).append(", ");
		json.append('"').append(resourceElement).append("\": ").append(value(resource));
		if (condition != null) {
			json.append(", \"Condition\": ").append(condition);
		}
		return json.append('}').toString();
	}

	/** A JSON array of strings. */
	static String array(String... values) {
		return Arrays.stream(values).map(EvaluatorFixtures::quote).collect(Collectors.joining(", ", "[", "]"));
	}

	/** {@code {"operator": {"key": values}}} with values a JSON value. */
	static String condition(String operator, String key, String values) {
		return "{" + quote(operator) + ": {" + quote(key) + ": " + values + "}}";
	}

	private static String value(String text) {
		return (text.startsWith("[") || text.startsWith("\"")) ? text : quote(text);
	}

	static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	static Decision evaluate(List<PolicyInput> identity, EvaluationRequest request) {
		return EVALUATOR.evaluate(identity, request);
	}

	static Decision evaluate(PolicyInput policy, EvaluationRequest request) {
		return EVALUATOR.evaluate(List.of(policy), request);
	}

}
