package org.mlgov.console.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generic structural diff for documents that are not IAM policies: {@code CanvasAppSettings}, S3 CORS rules, tags.
 * <p>
 * Object members compare by name, whatever their order. Arrays whose elements are all scalars (allowed methods,
 * origins, headers) compare as sets of values, since their order carries no meaning: a value only on one side is
 * one removal or one addition. Arrays of objects keep their order, because it can carry meaning (S3 applies the
 * first CORS rule that matches): elements that mean the same are matched in order (a longest common subsequence),
 * and the unmatched ones between two matches are compared pairwise, the rest removed or added.
 * <p>
 * Each operation reads on its own, against the document shown beside it: a removal's path points into the earlier
 * document, an addition's and a replacement's into the later one, with the array indices as those documents are
 * written (not those of a sorted copy). A replacement carries the old value.
 */
public final class JsonDiff {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
		diff(before, after, "", "", changes);
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

	private static void diff(JsonNode before, JsonNode after, String beforePath, String afterPath,
			List<JsonChange> changes) {
		if (before.isObject() && after.isObject()) {
			TreeSet<String> names = new TreeSet<>(before.propertyNames());
			names.addAll(after.propertyNames());
			for (String name : names) {
				JsonNode was = before.get(name);
				JsonNode is = after.get(name);
				String escaped = "/" + name.replace("~", "~0").replace("/", "~1");
				if (was == null) {
					changes.add(new JsonChange(JsonChange.Op.ADD, afterPath + escaped, null, compact(is)));
				}
				else if (is == null) {
					changes.add(new JsonChange(JsonChange.Op.REMOVE, beforePath + escaped, compact(was), null));
				}
				else {
					diff(was, is, beforePath + escaped, afterPath + escaped, changes);
				}
			}
		}
		else if (before.isArray() && after.isArray()) {
			if (scalars(before) && scalars(after)) {
				scalarArray(before, after, beforePath, afterPath, changes);
			}
			else {
				orderedArray(before, after, beforePath, afterPath, changes);
			}
		}
		else if (!canonical(before).equals(canonical(after))) {
			changes.add(new JsonChange(JsonChange.Op.REPLACE, afterPath, compact(before), compact(after)));
		}
	}

	/** Values as a multiset: each value without a partner on the other side is removed or added where it stands. */
	private static void scalarArray(JsonNode before, JsonNode after, String beforePath, String afterPath,
			List<JsonChange> changes) {
		boolean[] matched = new boolean[after.size()];
		List<JsonChange> added = new ArrayList<>();
		for (int i = 0; i < before.size(); i++) {
			int partner = -1;
			for (int j = 0; j < after.size() && partner < 0; j++) {
				if (!matched[j] && before.get(i).equals(after.get(j))) {
					partner = j;
				}
			}
			if (partner >= 0) {
				matched[partner] = true;
			}
			else {
				changes.add(new JsonChange(JsonChange.Op.REMOVE, beforePath + "/" + i, compact(before.get(i)), null));
			}
		}
		for (int j = 0; j < after.size(); j++) {
			if (!matched[j]) {
				added.add(new JsonChange(JsonChange.Op.ADD, afterPath + "/" + j, null, compact(after.get(j))));
			}
		}
		changes.addAll(added);
	}

	/** Elements that mean the same matched in order; the unmatched ones between matches compared pairwise. */
	private static void orderedArray(JsonNode before, JsonNode after, String beforePath, String afterPath,
			List<JsonChange> changes) {
		int n = before.size();
		int m = after.size();
		List<JsonNode> was = new ArrayList<>(n);
		List<JsonNode> is = new ArrayList<>(m);
		before.forEach((element) -> was.add(canonical(element)));
		after.forEach((element) -> is.add(canonical(element)));
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = was.get(i).equals(is.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		int gapBefore = 0;
		int gapAfter = 0;
		while (i < n || j < m) {
			if (i < n && j < m && was.get(i).equals(is.get(j))) {
				gap(before, after, i - gapBefore, gapBefore, j - gapAfter, gapAfter, beforePath, afterPath, changes);
				gapBefore = 0;
				gapAfter = 0;
				i++;
				j++;
			}
			else if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
				i++;
				gapBefore++;
			}
			else {
				j++;
				gapAfter++;
			}
		}
		gap(before, after, n - gapBefore, gapBefore, m - gapAfter, gapAfter, beforePath, afterPath, changes);
	}

	private static void gap(JsonNode before, JsonNode after, int fromBefore, int countBefore, int fromAfter,
			int countAfter, String beforePath, String afterPath, List<JsonChange> changes) {
		int paired = Math.min(countBefore, countAfter);
		for (int k = 0; k < paired; k++) {
			diff(before.get(fromBefore + k), after.get(fromAfter + k), beforePath + "/" + (fromBefore + k),
					afterPath + "/" + (fromAfter + k), changes);
		}
		for (int k = paired; k < countBefore; k++) {
			changes.add(new JsonChange(JsonChange.Op.REMOVE, beforePath + "/" + (fromBefore + k),
					compact(before.get(fromBefore + k)), null));
		}
		for (int k = paired; k < countAfter; k++) {
			changes.add(new JsonChange(JsonChange.Op.ADD, afterPath + "/" + (fromAfter + k), null,
					compact(after.get(fromAfter + k))));
		}
	}

	private static boolean scalars(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).allMatch(JsonNode::isValueNode);
	}

	/** Members in name order and scalar arrays sorted: two documents that mean the same are equal in this form. */
	static JsonNode canonical(JsonNode node) {
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
