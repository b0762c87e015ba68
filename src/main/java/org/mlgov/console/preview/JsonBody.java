package org.mlgov.console.preview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mlgov.console.policy.FieldError;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON request body of the API (a justification, a decision), read strictly: it must be one JSON object, a
 * field the endpoint does not know is an error (a typo never goes unnoticed), a name given twice is an error, and a
 * value of the wrong kind is an error that says, in JSON's terms, what was expected and what came. Errors are
 * collected per field; {@link #check()} throws them all at once.
 */
public final class JsonBody {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final JsonNode node;

	/** The path of this object in the body, with a trailing dot ({@code ""} for the body itself). */
	private final String prefix;

	/** The errors of the whole body, shared with the objects in it. */
	private final List<FieldError> errors;

	private JsonBody(JsonNode node, String prefix, List<FieldError> errors) {
		this.node = node;
		this.prefix = prefix;
		this.errors = errors;
	}

	/**
	 * Reads a request body that is a JSON object with (some of) the given fields.
	 * @param body the request body
	 * @param fields the fields the endpoint knows
	 * @return the body, with an error for each unknown field
	 * @throws InvalidRequestException if the body is empty, not JSON, or not an object
	 */
	public static JsonBody parse(String body, String... fields) {
		if (body == null || body.isBlank()) {
			throw new InvalidRequestException(List.of(new FieldError("", "The request body must be a JSON object "
					+ "with " + quoted(fields) + "; it is empty.")));
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException(List.of(new FieldError("", "Malformed JSON: " + ex.getOriginalMessage())));
		}
		if (node == null || !node.isObject()) {
			throw new InvalidRequestException(List.of(new FieldError("", "The request body must be a JSON object, not "
					+ kind(node) + ".")));
		}
		JsonBody parsed = new JsonBody(node, "", new ArrayList<>());
		parsed.rejectUnknown("this request takes", fields);
		return parsed;
	}

	/**
	 * An object in the body, read as strictly as the body.
	 * @param field the field that holds it
	 * @param fields the fields it may have
	 * @return the object, or {@code null} when it is absent or {@code null} (or not an object: then an error is
	 * recorded)
	 */
	public JsonBody object(String field, String... fields) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			error(field, "Must be an object with " + quoted(fields) + ", not " + kind(value) + ".");
			return null;
		}
		JsonBody object = new JsonBody(value, this.prefix + field + ".", this.errors);
		object.rejectUnknown("'" + field + "' takes", fields);
		return object;
	}

	private void rejectUnknown(String takes, String... fields) {
		Set<String> known = Set.of(fields);
		for (String name : new TreeSet<>(this.node.propertyNames())) {
			if (!known.contains(name)) {
				error(name, "Unknown field '" + name + "'; " + takes + " " + quoted(fields) + ".");
			}
		}
	}

	private static String quoted(String... fields) {
		return String.join(", ", Arrays.stream(fields).map((f) -> "\"" + f + "\"").toList());
	}

	/**
	 * A boolean field.
	 * @param field the field's name
	 * @return its value, {@code false} when it is absent or {@code null} (or not a boolean: then an error is recorded)
	 */
	public boolean bool(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			error(field, "Must be true or false, not " + kind(value) + ".");
			return false;
		}
		return value.booleanValue();
	}

	/**
	 * A list of texts.
	 * @param field the field's name
	 * @return the texts, empty when the field is absent or {@code null} (an error is recorded for each value that is
	 * not a text, and for a value that is not a list)
	 */
	public List<String> texts(String field) {
		JsonNode value = this.node.get(field);
		List<String> texts = new ArrayList<>();
		if (value == null || value.isNull()) {
			return texts;
		}
		if (!value.isArray()) {
			error(field, "Must be a list of texts, not " + kind(value) + ".");
			return texts;
		}
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			if (item.isString()) {
				texts.add(item.stringValue());
			}
			else {
				error(field + "[" + i + "]", "Must be a text in double quotes, not " + kind(item) + ".");
			}
		}
		return texts;
	}

	/**
	 * A text field.
	 * @param field the field's name
	 * @return its text, or {@code null} when it is absent or {@code null} (or not a text: then an error is recorded)
	 */
	public String text(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			error(field, "Must be a text in double quotes, not " + kind(value) + ".");
			return null;
		}
		return value.stringValue();
	}

	/**
	 * A required whole number of at least {@code min}.
	 * @param field the field's name
	 * @param min the smallest value allowed
	 * @param what what the number is, for the messages (for example "the revision number you reviewed")
	 * @return the number, or {@code null} when it is missing or invalid (an error is then recorded)
	 */
	public Integer requiredWholeNumber(String field, int min, String what) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			error(field, "Required: " + what + ".");
			return null;
		}
		if (!value.isIntegralNumber()) {
			error(field, "Must be a whole number (" + what + "), not " + kind(value) + ".");
			return null;
		}
		if (!value.canConvertToInt()) {
			error(field, "Must be " + min + " to " + Integer.MAX_VALUE + " (" + what + "), not " + value + ".");
			return null;
		}
		if (value.intValue() < min) {
			error(field, "Must be " + min + " or more (" + what + "), not " + value.intValue() + ".");
			return null;
		}
		return value.intValue();
	}

	/**
	 * An optional whole number.
	 * @param field the field's name
	 * @return the number, or {@code null} when it is absent (or invalid: then an error is recorded)
	 */
	public Long optionalWholeNumber(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			error(field, "Must be a whole number, not " + kind(value) + ".");
			return null;
		}
		return value.longValue();
	}

	/**
	 * A field as it was sent.
	 * @param field the field's name
	 * @return its value, or {@code null} when it is absent
	 */
	public JsonNode node(String field) {
		return this.node.get(field);
	}

	/**
	 * Records an error of a field.
	 * @param field the field's path
	 * @param message what is wrong, for the user
	 */
	public void error(String field, String message) {
		this.errors.add(new FieldError(this.prefix + field, message));
	}

	/**
	 * Throws the errors recorded so far, if any.
	 * @throws InvalidRequestException with every error
	 */
	public void check() {
		if (!this.errors.isEmpty()) {
			throw new InvalidRequestException(this.errors);
		}
	}

	/** A value as the messages quote it: at most 40 characters. */
	private static String shortened(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 39) + "\u2026";
	}

	/**
	 * What kind of JSON value this is, in JSON's terms.
	 * @param value a value, or {@code null}
	 * @return for example "a number (12.5)" or "a list"
	 */
	public static String kind(JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return "nothing";
		}
		return switch (value.getNodeType()) {
			case NUMBER -> "a number (" + shortened(value.toString()) + ")";
			case STRING -> "a text (" + shortened(value.toString()) + ")";
			case BOOLEAN -> value.asBoolean() ? "true" : "false";
			case ARRAY -> "a list";
			case OBJECT -> "an object";
			case NULL -> "null";
			default -> "a value of another kind";
		};
	}

}
