package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;

/** Small conversions between form fields and specification values. */
final class FormValues {

	private FormValues() {
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

	static boolean startsWithField(String specField, String name) {
		return specField.equals(name) || specField.startsWith(name + "[") || specField.startsWith(name + ".");
	}

}
