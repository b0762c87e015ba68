package org.mlgov.console.policy;

import java.util.List;
import java.util.Map;

/**
 * A small, deterministic JSON writer for the documents the generator produces (maps keep insertion order). Pretty
 * output uses two-space indentation and {@code "key": value}; compact output has no white space at all. Kept here,
 * rather than delegating to a JSON library, so that the exact bytes stay under the generator's control: the same
 * specification gives byte-identical JSON.
 */
public final class Json {

	private Json() {
	}

	public static String pretty(Object value) {
		StringBuilder out = new StringBuilder(1024);
		write(out, value, 0, true);
		return out.append('\n').toString();
	}

	public static String compact(Object value) {
		StringBuilder out = new StringBuilder(1024);
		write(out, value, 0, false);
		return out.toString();
	}

	/** Size as IAM counts it against its quotas: characters of the document that are not white space. */
	public static int iamSize(String json) {
		int count = 0;
		for (int i = 0; i < json.length(); i++) {
			if (!Character.isWhitespace(json.charAt(i))) {
				count++;
			}
		}
		return count;
	}

	private static void write(StringBuilder out, Object value, int depth, boolean pretty) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			string(out, s);
		}
		else if (value instanceof Boolean || value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.append("{}");
				return;
			}
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				newline(out, depth + 1, pretty);
				string(out, String.valueOf(entry.getKey()));
				out.append(pretty ? ": " : ":");
				write(out, entry.getValue(), depth + 1, pretty);
			}
			newline(out, depth, pretty);
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				out.append("[]");
				return;
			}
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				newline(out, depth + 1, pretty);
				write(out, list.get(i), depth + 1, pretty);
			}
			newline(out, depth, pretty);
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not a JSON value: " + value.getClass());
		}
	}

	private static void newline(StringBuilder out, int depth, boolean pretty) {
		if (pretty) {
			out.append('\n');
			for (int i = 0; i < depth; i++) {
				out.append("  ");
			}
		}
	}

	private static void string(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
