package org.mlgov.console.draft.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where the error summary of a refused step links to for each field error: the id the field's input has on the page.
 * A {@code th:field} input drops the brackets of its path ({@code tags[0].key} is {@code tags0.key}); a row of a value
 * list ({@code fragments/rows}) is its list's path followed by the row number ({@code activities[2].passRoles0});
 * a list's own message carries the list's path without brackets. Used in templates as {@code @errorLinks}.
 */
@Component("errorLinks")
public class ErrorLinks {

	private static final Pattern ROW = Pattern.compile("(.*\\D)\\[(\\d+)\\]");

	/** The id to link to for an error on {@code field}. */
	public String target(String field) {
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			return row.group(1) + row.group(2);
		}
		return id(field);
	}

	/** The id of a field or list message: its path without brackets. */
	public String id(String field) {
		return field.replace("[", "").replace("]", "");
	}

}
