package org.mlgov.console.draft;

import java.util.Locale;

/**
 * A search by a part of a draft's name, ignoring case, as the drafts lists and the review queue run it:
 * {@code lower(name) like :pattern escape '\'} with the pattern from {@link #pattern(String)}.
 */
public final class NameSearch {

	/** The SQL condition on a name column, with the parameter {@code :pattern}. */
	public static String condition(String column) {
		return "lower(" + column + ") like :pattern escape '\\'";
	}

	private NameSearch() {
	}

	/**
	 * {@code %search%} in lower case, with LIKE's wildcards and the escape character taken literally.
	 * @param search what was typed, not blank
	 * @return the LIKE pattern
	 */
	public static String pattern(String search) {
		String literal = search.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + literal + "%";
	}

}
