package org.mlgov.console.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.Jackson3JsonDiff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generic structural diff for documents that are not IAM policies: {@code CanvasAppSettings}, S3 CORS rules, tags.
 * The operations come from zjsonpatch ({@code io.github.vishwakarma:zjsonpatch}, the maintained successor of
 * {@code com.flipkart.zjsonpatch}) in its Jackson 3 mode, which runs on the Jackson 3 ({@code tools.jackson}) that
 * Spring Boot 4 brings; no Jackson 2 databind is needed.
 * <p>
 * Both documents are put in a canonical form first: object members in name order, and arrays whose elements are
 * all scalars (allowed methods, origins, headers) sorted, since their order carries no meaning. Arrays of objects
 * keep their order, because it can carry meaning (S3 applies the first CORS rule that matches). Moves and copies are
 * reported as removals and additions, and a replacement carries the old value, so that each operation reads on its
 * own.
 */
public final class JsonDiff {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION,
			DiffFlags.OMIT_COPY_OPERATION, DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE);

	private JsonDiff() {
	}

	/**
	 * The operations that turn {@code beforeJson} into {@code afterJson}.
	 * @param beforeJson the earlier document; null or blank when there was none
	 * @param afterJson the later document; null or blank when there is none
	 * @return the differences, empty when the documents mean the same
	 * @throws IllegalArgumentException when a document is not JSON
	 */
	public static List<JsonChange> compare(String beforeJson, String afterJson) {
		JsonNode before = read(beforeJson);
		JsonNode after = read(afterJson);
		if (before == null || after == null) {
			return (before == after) ? List.of()
					: List.of(new JsonChange((before == null) ? JsonChange.Op.ADD : JsonChange.Op.REMOVE, "",
							compact(before), compact(after)));
		}
		List<JsonChange> changes = new ArrayList<>();
		for (JsonNode operation : Jackson3JsonDiff.asJson(canonical(before), canonical(after), FLAGS)) {
			JsonChange.Op op = JsonChange.Op.valueOf(operation.get("op").asString().toUpperCase(Locale.ROOT));
			String path = operation.get("path").asString();
			changes.add(switch (op) {
				case ADD -> new JsonChange(op, path, null, compact(operation.get("value")));
				case REMOVE -> new JsonChange(op, path, compact(operation.get("value")), null);
				case REPLACE -> new JsonChange(op, path, compact(operation.get("fromValue")),
						compact(operation.get("value")));
			});
		}
		return List.copyOf(changes);
	}

	static JsonNode read(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a JSON document: " + ex.getOriginalMessage(), ex);
		}
	}

	private static JsonNode canonical(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JsonNodeFactory.instance.objectNode();
			node.propertyNames().stream().sorted().forEach((name) -> sorted.set(name, canonical(node.get(name))));
			return sorted;
		}
		if (node.isArray()) {
			List<JsonNode> elements = StreamSupport.stream(node.spliterator(), false).map(JsonDiff::canonical).toList();
			if (elements.stream().allMatch(JsonNode::isValueNode)) {
				elements = elements.stream().sorted(Comparator.comparing(JsonNode::toString)).toList();
			}
			ArrayNode array = JsonNodeFactory.instance.arrayNode();
			elements.forEach(array::add);
			return array;
		}
		return node;
	}

	private static String compact(JsonNode node) {
		return (node != null) ? node.toString() : null;
	}

}
