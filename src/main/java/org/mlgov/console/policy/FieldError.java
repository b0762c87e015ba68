package org.mlgov.console.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem with one field of a specification: {@code field} is a property path such as
 * {@code activities[2].parameters.S3Buckets[0]} (the JSON API also reports it as a JSON pointer).
 */
public record FieldError(String field, String message) {

	/** A path segment: a name followed by zero or more {@code [index]} groups (matches every string). */
	private static final Pattern SEGMENT = Pattern.compile("(.*?)((?:\\[[^\\[\\]]*])*)");

	private static final Pattern INDEX = Pattern.compile("\\[([^\\[\\]]*)]");

	/**
	 * The field as an RFC 6901 JSON pointer: {@code activities[2].parameters.S3Buckets[0]} → /activities/2/…. A
	 * bracket that does not close an index stays part of the name.
	 */
	public String jsonPointer() {
		StringBuilder pointer = new StringBuilder();
		for (String part : this.field.split("\\.")) {
			Matcher segment = SEGMENT.matcher(part);
			segment.matches();
			appendToken(pointer, segment.group(1));
			Matcher index = INDEX.matcher(segment.group(2));
			while (index.find()) {
				appendToken(pointer, index.group(1));
			}
		}
		return pointer.toString();
	}

	private static void appendToken(StringBuilder pointer, String token) {
		if (!token.isEmpty()) {
			pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
		}
	}

}
