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

	/**
	 * The {@link #iamSize(String) IAM size} of the JSON that {@link #compact} (or {@link #pretty}) writes for
	 * {@code value}, counted without writing it: the packer sizes every statement, so this is the generator's hot
	 * path.
	 */
	public static int iamSizeOf(Object value) {
		if (value == null) {
			return 4;
		}
		if (value instanceof String s) {
			return stringSize(s);
		}
		if (value instanceof Boolean || value instanceof Number) {
			return iamSize(String.valueOf(value));
		}
		if (value instanceof Map<?, ?> map) {
			// {"k":v,"k":v}: braces, a colon per entry, commas between entries.
			int size = 2 + 2 * map.size() - (map.isEmpty() ? 0 : 1);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += stringSize(String.valueOf(entry.getKey())) + iamSizeOf(entry.getValue());
			}
			return size;
		}
		if (value instanceof List<?> list) {
			int size = 2 + (list.isEmpty() ? 0 : list.size() - 1);
			for (Object element : list) {
				size += iamSizeOf(element);
			}
			return size;
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass());
	}

	/** IAM size of a string as {@link #string} writes it: quotes, escapes, and no white space. */
	static int stringSize(String s) {
		int size = 2;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c > ' ' && c < 0x7f && c != '"' && c != '\\') {
				size++; // printable ASCII, the usual case: one character, never white space
			}
			else if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
				size += 2;
			}
			else if (c < 0x20) {
				size += 6;
			}
			else if (!Character.isWhitespace(c)) {
				size++;
			}
		}
		return size;
	}

	/** Size as IAM counts it against its quotas: characters of the document that are not white space. */
	public static int iamSize(String json) {
		int count = 0;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if ((c > ' ' && c < 0x7f) || !Character.isWhitespace(c)) {
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

	/** A line break and the indentation of each depth the generated documents reach, written in one go. */
	private static final String[] NEWLINES = new String[16];

	static {
		for (int depth = 0; depth < NEWLINES.length; depth++) {
			NEWLINES[depth] = "\n" + "  ".repeat(depth);
		}
	}

	static void newline(StringBuilder out, int depth, boolean pretty) {
		if (!pretty) {
			return;
		}
		if (depth < NEWLINES.length) {
			out.append(NEWLINES[depth]);
			return;
		}
		out.append('\n');
		for (int i = 0; i < depth; i++) {
			out.append("  ");
		}
	}

	/** Writes the string in quotes, escaped where needed, and returns its {@link #stringSize IAM size}. */
	static int string(StringBuilder out, String s) {
		out.append('"');
		int size = plainSize(s);
		if (size >= 0) {
			out.append(s).append('"');
			return size;
		}
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
		return stringSize(s);
	}

	/**
	 * The {@link #stringSize IAM size} of a string that needs no escape (the usual case: ARNs, actions, keys), or -1
	 * if it needs one.
	 */
	private static int plainSize(String s) {
		int size = 2;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c > ' ' && c < 0x7f) {
				if (c == '"' || c == '\\') {
					return -1;
				}
				size++;
			}
			else if (c < 0x20) {
				return -1;
			}
			else if (!Character.isWhitespace(c)) {
				size++;
			}
		}
		return size;
	}

}
