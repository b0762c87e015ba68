package org.mlgov.console.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares IAM documents as IAM reads them: statements as an unordered collection; actions, resources and condition
 * values as sets (a single string equals a one-element list); action names case-insensitively. A Sid is compared only
 * when the expected statement has one (the seed pages mostly omit them). Public so that the web tests compare the
 * documents of the JSON API the same way.
 */
public final class SemanticPolicy {

	public static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private SemanticPolicy() {
	}

	public static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	public static ObjectNode seed(String name) {
		try (InputStream in = SemanticPolicy.class.getResourceAsStream("/seeds/" + name)) {
			return (ObjectNode) MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode seedArray(String name) {
		try (InputStream in = SemanticPolicy.class.getResourceAsStream("/seeds/" + name)) {
			return MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The canonical form of each statement of a document, in a sorted list (a multiset). */
	public static List<String> canonicalStatements(JsonNode document, boolean withSids) {
		List<String> out = new ArrayList<>();
		for (JsonNode statement : document.get("Statement")) {
			out.add(canonical(statement, withSids));
		}
		out.sort(String::compareTo);
		return out;
	}

	public static String canonical(JsonNode statement, boolean withSid) {
		Map<String, Object> c = new TreeMap<>();
		if (withSid && statement.has("Sid")) {
			c.put("Sid", statement.get("Sid").asString());
		}
		c.put("Effect", statement.get("Effect").asString());
		put(c, statement, "Action", String::toLowerCase);
		put(c, statement, "NotAction", String::toLowerCase);
		put(c, statement, "Resource", UnaryOperator.identity());
		put(c, statement, "NotResource", UnaryOperator.identity());
		if (statement.has("Principal")) {
			Map<String, Set<String>> principal = new TreeMap<>();
			statement.get("Principal").properties()
				.forEach((e) -> principal.put(e.getKey(), values(e.getValue(), UnaryOperator.identity())));
			c.put("Principal", principal);
		}
		if (statement.has("Condition")) {
			Map<String, Map<String, Set<String>>> condition = new TreeMap<>();
			statement.get("Condition").properties().forEach((op) -> {
				Map<String, Set<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				op.getValue().properties().forEach((k) -> keys.put(k.getKey(), values(k.getValue(), UnaryOperator.identity())));
				condition.put(op.getKey(), keys);
			});
			c.put("Condition", condition);
		}
		return c.toString();
	}

	private static void put(Map<String, Object> c, JsonNode statement, String field, UnaryOperator<String> norm) {
		if (statement.has(field)) {
			c.put(field, values(statement.get(field), norm));
		}
	}

	public static Set<String> values(JsonNode node, UnaryOperator<String> norm) {
		Set<String> set = new TreeSet<>();
		if (node.isArray()) {
			node.forEach((v) -> set.add(norm.apply(v.asString())));
		}
		else {
			set.add(norm.apply(node.asString()));
		}
		return set;
	}

	/** The statements of {@code document} whose Sid is one of {@code sids}, as a new document. */
	public static ObjectNode only(JsonNode document, Collection<String> sids) {
		ObjectNode out = MAPPER.createObjectNode();
		out.put("Version", document.get("Version").asString());
		ArrayNode statements = out.putArray("Statement");
		document.get("Statement").forEach((s) -> {
			if (s.has("Sid") && sids.contains(s.get("Sid").asString())) {
				statements.add(s);
			}
		});
		return out;
	}

	/** Values of a condition key in every statement that has it. */
	public static List<String> conditionValues(JsonNode statement, String operator, String key) {
		return new ArrayList<>(values(statement.get("Condition").get(operator).get(key), UnaryOperator.identity()));
	}

	public static Collection<JsonNode> statements(JsonNode document) {
		List<JsonNode> out = new ArrayList<>();
		document.get("Statement").forEach(out::add);
		return out;
	}

	public static <T> List<T> list(Iterable<T> items) {
		List<T> out = new ArrayList<>();
		items.forEach(out::add);
		return out;
	}

}
