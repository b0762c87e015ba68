package org.mlgov.console.diff;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pretty-prints a JSON document the way the policy generator writes the documents it freezes: two-space
 * indentation, {@code "key": value}, empty objects and arrays as {@code {}} and {@code []}, members in the order
 * they are written, and a final line break. A comparison shows both of its sides this way, so that a live document
 * that IAM or S3 returned compact, or with other white space, reads line by line beside the revision's; a document
 * the generator wrote comes out byte for byte as it is.
 * <p>
 * Only what is shown is reformatted: stored documents and their SHA-256 are never touched.
 */
public final class JsonFormat {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonFormat() {
	}

	/**
	 * The document pretty-printed.
	 * @param json a JSON document, or null
	 * @return the pretty document; null for null, and a blank or unreadable text unchanged (shown as it came)
	 */
	public static String pretty(String json) {
		if (json == null || json.isBlank()) {
			return json;
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			return json;
		}
		if (node == null || node.isMissingNode()) {
			return json;
		}
		StringBuilder out = new StringBuilder(json.length() * 2);
		write(out, node, 0);
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, JsonNode node, int depth) {
		if (node.isObject()) {
			if (node.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				newline(out, depth + 1);
				out.append(MAPPER.getNodeFactory().stringNode(member.getKey()).toString()).append(": ");
				write(out, member.getValue(), depth + 1);
			}
			newline(out, depth);
			out.append('}');
		}
		else if (node.isArray()) {
			if (node.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				newline(out, depth + 1);
				write(out, node.get(i), depth + 1);
			}
			newline(out, depth);
			out.append(']');
		}
		else {
			out.append(node.toString());
		}
	}

	private static void newline(StringBuilder out, int depth) {
		out.append('\n');
		for (int i = 0; i < depth; i++) {
			out.append("  ");
		}
	}

}
