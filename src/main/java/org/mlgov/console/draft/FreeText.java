package org.mlgov.console.draft;

import java.util.Locale;

/**
 * Rules for the free texts of a review (justifications, approval comments, rejection reasons, comments). Line breaks
 * are stored as {@code \n}: browsers send each line break of a textarea as {@code \r\n}, two characters, while its
 * {@code maxlength} counts one, so a text is normalised before it is measured. Lengths are counted as the browser
 * counts them (UTF-16 code units), never more than the database column holds.
 */
public final class FreeText {

	private FreeText() {
	}

	/**
	 * A text with its line breaks as {@code \n} and without leading or trailing white space.
	 * @param text the text as sent, may be null
	 * @return the normalised text, empty for null
	 */
	public static String normalize(String text) {
		return (text == null) ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	/**
	 * An optional text.
	 * @param field the form field, for the message
	 * @param text the text as sent
	 * @param maxLength the most characters it may have once normalised
	 * @param what what it is, capitalised, for example {@code A comment}
	 * @return the normalised text, or null when it is blank
	 * @throws InvalidTextException if it is too long
	 */
	public static String optional(String field, String text, int maxLength, String what) {
		String normalized = normalize(text);
		if (normalized.length() > maxLength) {
			throw new InvalidTextException(field, tooLong(what, normalized.length(), maxLength));
		}
		String control = controlCharacterProblem(what, normalized, true);
		if (control != null) {
			throw new InvalidTextException(field, control);
		}
		return normalized.isEmpty() ? null : normalized;
	}

	/**
	 * What is wrong with a text that holds a control character (NUL, escape, backspace, a form feed...): PostgreSQL
	 * refuses NUL in text, and none of them is anything a person typed on purpose. Line breaks and tabs are allowed
	 * in multi-line texts only.
	 * @param what what the text is, capitalised, for example {@code A draft name}
	 * @param text the text, may be null
	 * @param multiLine whether line breaks and tabs are allowed
	 * @return the message, or null when the text has no control character
	 */
	public static String controlCharacterProblem(String what, String text, boolean multiLine) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = multiLine && (c == '\n' || c == '\t');
			if (!allowed && (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029')) {
				return String.format(Locale.ROOT,
						"%s cannot contain control characters; it has U+%04X at position %,d. Remove it and try again.",
						what, (int) c, i + 1);
			}
		}
		return null;
	}

	/**
	 * A required text.
	 * @param field the form field, for the message
	 * @param text the text as sent
	 * @param maxLength the most characters it may have once normalised
	 * @param what what it is, capitalised, for example {@code A reason}
	 * @param whenMissing the message when the text is blank
	 * @return the normalised text
	 * @throws InvalidTextException if it is blank or too long
	 */
	public static String required(String field, String text, int maxLength, String what, String whenMissing) {
		String normalized = optional(field, text, maxLength, what);
		if (normalized == null) {
			throw new InvalidTextException(field, whenMissing);
		}
		return normalized;
	}

	private static String tooLong(String what, int length, int maxLength) {
		return String.format(Locale.ROOT, "%s has at most %,d characters; this one has %,d.", what, maxLength, length);
	}

}
