package org.mlgov.console.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.mlgov.console.diff.PolicyDiff;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON comparisons of the planner: policies semantically, Canvas settings and CORS rules as JSON values. */
final class JsonDocs {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonDocs() {
	}

	/** Whether two policy documents grant and deny the same (IAM's normalisation); unreadable ones never match. */
	static boolean samePolicy(String live, String wanted) {
		if (live == null || wanted == null) {
			return false;
		}
		try {
			return PolicyDiff.compare(live, wanted).isEmpty() && sameVersion(live, wanted);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean sameVersion(String live, String wanted) {
		return Objects.equals(MAPPER.readTree(live).path("Version").asString(null),
				MAPPER.readTree(wanted).path("Version").asString(null));
	}

	static JsonNode read(String json) {
		return (json == null || json.isBlank()) ? null : MAPPER.readTree(json);
	}

	/**
	 * Canvas settings after the push: the live members kept, the revision's members set over them.
	 * @param live the live {@code CanvasAppSettings}, or null
	 * @param wanted the revision's, not null
	 * @return the merged settings as JSON
	 */
	static String mergeCanvas(String live, String wanted) {
		ObjectNode merged = MAPPER.createObjectNode();
		JsonNode was = read(live);
		if (was instanceof ObjectNode object) {
			merged.setAll(object);
		}
		JsonNode want = read(wanted);
		if (want instanceof ObjectNode object) {
			merged.setAll(object);
		}
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(merged) + "\n";
	}

	/** Whether the revision's Canvas members are all live with the same values. */
	static boolean canvasCovered(String live, String wanted) {
		JsonNode was = read(live);
		JsonNode want = read(wanted);
		if (want == null) {
			return true;
		}
		if (!(was instanceof ObjectNode liveObject)) {
			return false;
		}
		for (Map.Entry<String, JsonNode> member : want.properties()) {
			if (!member.getValue().equals(liveObject.get(member.getKey()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The CORS rules the bucket lacks: each wanted rule for which no live rule is equivalent (a live rule that allows
	 * at least the same methods, origins and headers and exposes at least the same headers).
	 */
	static List<JsonNode> missingCorsRules(String liveRules, String wantedRules) {
		List<JsonNode> live = elements(read(liveRules));
		List<JsonNode> missing = new ArrayList<>();
		for (JsonNode wanted : elements(read(wantedRules))) {
			if (live.stream().noneMatch((rule) -> covers(rule, wanted))) {
				missing.add(wanted);
			}
		}
		return missing;
	}

	/** The live rules, kept as they are, followed by the missing ones. */
	static String corsWithAdded(String liveRules, List<JsonNode> added) {
		ArrayNode rules = MAPPER.createArrayNode();
		elements(read(liveRules)).forEach(rules::add);
		added.forEach(rules::add);
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rules) + "\n";
	}

	private static boolean covers(JsonNode live, JsonNode wanted) {
		return contains(live, wanted, "AllowedMethods", false) && contains(live, wanted, "AllowedOrigins", true)
				&& contains(live, wanted, "AllowedHeaders", true) && contains(live, wanted, "ExposeHeaders", false);
	}

	private static boolean contains(JsonNode live, JsonNode wanted, String member, boolean wildcard) {
		Set<String> have = strings(live.get(member));
		Set<String> want = strings(wanted.get(member));
		return have.containsAll(want) || (wildcard && have.contains("*") && !want.isEmpty());
	}

	private static Set<String> strings(JsonNode node) {
		Set<String> values = new TreeSet<>();
		elements(node).forEach((value) -> values.add(value.asString()));
		if (node != null && node.isString()) {
			values.add(node.asString());
		}
		return values;
	}

	private static List<JsonNode> elements(JsonNode node) {
		List<JsonNode> elements = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach(elements::add);
		}
		return elements;
	}

}
