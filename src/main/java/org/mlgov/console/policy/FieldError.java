package org.mlgov.console.policy;

/**
 * A problem with one field of a specification: {@code field} is a property path such as
 * {@code activities[2].parameters.S3Buckets[0]} (the JSON API also reports it as a JSON pointer).
 */
public record FieldError(String field, String message) {

	/** The field as an RFC 6901 JSON pointer: {@code activities[2].parameters.S3Buckets[0]} → /activities/2/… */
	public String jsonPointer() {
		StringBuilder pointer = new StringBuilder();
		for (String part : this.field.split("\\.")) {
			int bracket = part.indexOf('[');
			String name = (bracket < 0) ? part : part.substring(0, bracket);
			if (!name.isEmpty()) {
				pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
			}
			while (bracket >= 0) {
				int end = part.indexOf(']', bracket);
				pointer.append('/').append(part, bracket + 1, end);
				bracket = part.indexOf('[', end);
			}
		}
		return pointer.toString();
	}

}
