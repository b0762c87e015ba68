package org.mlgov.console.draft;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The format version of JSON the console stores (a draft's content, a revision's content and documents): a
 * {@value #MEMBER} member written first in the stored object. JSON stored before there was a version has no such
 * member: it is format 1. The version belongs to the stored form only; it is not a field of the value, and is never
 * part of the API's JSON.
 */
public final class StoredJson {

	/** The member that carries the format version. */
	public static final String MEMBER = "formatVersion";

	/** The format of stored JSON without a {@value #MEMBER} member. */
	public static final int UNVERSIONED = 1;

	private StoredJson() {
	}

	/**
	 * The stored form of a value: its JSON object with {@code "formatVersion": version} first.
	 * @param mapper the mapper of the stored form
	 * @param value a value that is written as a JSON object
	 * @param version the format version to write
	 * @return the JSON text to store
	 */
	public static String write(ObjectMapper mapper, Object value, int version) {
		JsonNode tree = mapper.valueToTree(value);
		if (!tree.isObject()) {
			throw new IllegalArgumentException("a stored value is a JSON object, not " + tree.getNodeType());
		}
		ObjectNode stored = mapper.createObjectNode();
		stored.put(MEMBER, version);
		stored.setAll((ObjectNode) tree);
		return mapper.writeValueAsString(stored);
	}

	/**
	 * Reads stored JSON of any format from 1 to {@code newest}.
	 * @param mapper the mapper of the stored form
	 * @param json the stored text
	 * @param type the type of the value
	 * @param newest the newest format this code writes (and so reads)
	 * @return the value
	 * @throws IllegalStateException if the JSON was stored in a format newer than {@code newest}
	 */
	public static <T> T read(ObjectMapper mapper, String json, Class<T> type, int newest) {
		// What write() stores starts with {"formatVersion":N, : read the version from there and the value straight
		// from the rest, without a tree in between (reading a draft's content through a tree took twice as long, on
		// every wizard page). Anything else (older formats, text written otherwise) goes through the tree.
		int end = versionEnd(json);
		if (end > 0) {
			check(Integer.parseInt(json, VERSION_PREFIX.length(), end, 10), newest);
			return mapper.readValue((json.charAt(end) == '}') ? "{}" : "{" + json.substring(end + 1), type);
		}
		JsonNode tree = mapper.readTree(json);
		if (tree instanceof ObjectNode object) {
			check(version(object), newest);
			object.remove(MEMBER);
		}
		return mapper.treeToValue(tree, type);
	}

	/** How stored JSON written by {@link #write} starts. */
	private static final String VERSION_PREFIX = "{\"" + MEMBER + "\":";

	/**
	 * Where the version number ends in JSON that starts with {@link #VERSION_PREFIX}, a number of 1 to 9 digits and
	 * a {@code ,} or {@code }}; -1 for JSON that does not start so.
	 */
	private static int versionEnd(String json) {
		if (!json.startsWith(VERSION_PREFIX)) {
			return -1;
		}
		int start = VERSION_PREFIX.length();
		int end = start;
		while (end < json.length() && end - start < 10 && json.charAt(end) >= '0' && json.charAt(end) <= '9') {
			end++;
		}
		boolean number = end > start && end - start <= 9;
		return (number && end < json.length() && (json.charAt(end) == ',' || json.charAt(end) == '}')) ? end : -1;
	}

	/**
	 * The format version of stored JSON.
	 * @param mapper a mapper
	 * @param json the stored text
	 * @return its {@value #MEMBER}, or {@value #UNVERSIONED} if it has none
	 */
	public static int version(ObjectMapper mapper, String json) {
		JsonNode tree = mapper.readTree(json);
		return (tree instanceof ObjectNode object) ? version(object) : UNVERSIONED;
	}

	private static int version(ObjectNode object) {
		JsonNode version = object.get(MEMBER);
		if (version == null) {
			return UNVERSIONED;
		}
		if (!version.isInt()) {
			throw new IllegalStateException("The stored " + MEMBER + " is not a whole number: " + version);
		}
		return version.intValue();
	}

	private static void check(int version, int newest) {
		if (version < UNVERSIONED || version > newest) {
			throw new IllegalStateException("Stored JSON of format " + version + ": this console reads formats "
					+ UNVERSIONED + " to " + newest + ".");
		}
	}

}
