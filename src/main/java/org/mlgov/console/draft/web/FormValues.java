package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small conversions between form fields and specification values. */
final class FormValues {

	private FormValues() {
	}

	/**
	 * A refused value as it is shown again in its field: control characters (which a page cannot show) become
	 * U+FFFD, the replacement character, so that the user sees where they were.
	 */
	static String printable(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(value.length());
		value.chars().forEach((c) -> out.append((Character.getType(c) == Character.CONTROL) ? '\uFFFD' : (char) c));
		return out.toString();
	}

	/** A trimmed value, or null when blank. */
	static String text(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** The non-blank, trimmed values of a list of rows. */
	static List<String> values(List<String> rows) {
		List<String> out = new ArrayList<>();
		if (rows != null) {
			for (String row : rows) {
				String value = text(row);
				if (value != null) {
					out.add(value);
				}
			}
		}
		return out;
	}

	/** A mutable copy of a list (forms edit their lists row by row). */
	static List<String> rows(List<String> values) {
		return (values == null) ? new ArrayList<>() : new ArrayList<>(values);
	}

	/** A mutable copy of a list with at least one row, so that an empty list offers a field to type in. */
	static List<String> rowsToType(List<String> values) {
		List<String> rows = rows(values);
		if (rows.isEmpty()) {
			rows.add("");
		}
		return rows;
	}

	/** Removes the blank rows of a list (before validation, so that error indexes match the rows shown). */
	static void dropBlank(List<String> rows) {
		if (rows != null) {
			rows.removeIf((row) -> text(row) == null);
		}
	}

	/** Removes a row if the index exists. */
	static boolean remove(List<?> rows, int index) {
		if (rows == null || index < 0 || index >= rows.size()) {
			return false;
		}
		rows.remove(index);
		return true;
	}

	/** Adds an empty row to the list of that name; false if there is none. */
	static boolean addRow(Map<String, List<String>> lists, String name) {
		List<String> rows = lists.get(name);
		if (rows == null) {
			return false;
		}
		rows.add("");
		return true;
	}

	/** Removes a row of the list of that name; false if there is no such list or row. */
	static boolean removeRow(Map<String, List<String>> lists, String name, int index) {
		return remove(lists.get(name), index);
	}

	/** Drops the blank rows of every list. */
	static void dropBlankRows(Map<String, List<String>> lists) {
		lists.values().forEach((rows) -> rows.removeIf((row) -> text(row) == null));
	}

	static boolean startsWithField(String specField, String name) {
		return specField.equals(name) || specField.startsWith(name + "[") || specField.startsWith(name + ".");
	}

	/**
	 * The part of a specification field after its section ({@code canvas.bedrockRoleArn} in section {@code canvas}
	 * gives {@code bedrockRoleArn}); null for the section itself or a field of another section.
	 */
	static String inSection(String specField, String section) {
		String prefix = section + ".";
		return specField.startsWith(prefix) ? specField.substring(prefix.length()) : null;
	}

	/** The index of a list field such as {@code allowed[3]} or {@code allowed[3].x} of list {@code allowed}, or -1. */
	static int index(String field, String list) {
		String prefix = list + "[";
		int end = field.indexOf(']');
		if (!field.startsWith(prefix) || end < prefix.length()) {
			return -1;
		}
		try {
			return Integer.parseInt(field.substring(prefix.length(), end));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
