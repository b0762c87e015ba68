package org.mlgov.console.preview;

import java.util.List;

import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.RoleSpec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.stereotype.Component;

/**
 * Reads a role specification from JSON strictly: an unknown property (a typo such as "bedrok") is an error rather
 * than a silently ignored section, and every parse error names the field it is in.
 */
@Component
public class SpecJsonReader {

	private final ObjectMapper strict = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		// A boolean left out means false (Jackson 3 would refuse a missing primitive by default).
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		// JSON types are strict: "3600" is not a number, 3600.9999 not a whole number, true and 42 are not text.
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.withCoercionConfig(LogicalType.Textual, (coercion) -> coercion
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.withCoercionConfig(LogicalType.Integer, (coercion) -> coercion
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.withCoercionConfig(LogicalType.Boolean, (coercion) -> coercion
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
		.build();

	/**
	 * The role specification in {@code body}.
	 * @param body the JSON text
	 * @return the specification, not yet validated ({@code SpecValidator} does that)
	 * @throws InvalidSpecException naming the field that cannot be read
	 */
	public RoleSpec read(String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidSpecException(List.of(new FieldError("", "The request body must be a role specification "
					+ "as JSON; it is empty.")));
		}
		try {
			RoleSpec spec = this.strict.readValue(body, RoleSpec.class);
			if (spec == null) {
				throw new InvalidSpecException(List.of(new FieldError("", "The specification is null.")));
			}
			return spec;
		}
		catch (JacksonException ex) {
			throw new InvalidSpecException(List.of(new FieldError(path(ex), message(ex))));
		}
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * The message of a parse error in the caller's terms: what JSON was expected there (text, a whole number, true
	 * or false, a list, an object), never Jackson's text, which names Java classes.
	 */
	private static String message(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (ex instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "'" + format.getValue() + "' is not one of " + List.of(format.getTargetType().getEnumConstants())
					+ ".";
		}
		if (ex instanceof InputCoercionException) {
			return "The number is out of range: it must be a whole number from " + Integer.MIN_VALUE + " to "
					+ Integer.MAX_VALUE + ".";
		}
		if (ex instanceof StreamReadException) {
			return "Malformed JSON at line " + lineOf(ex) + ": check quotes, commas and brackets.";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "Expected " + expected(mismatch.getTargetType()) + " here.";
		}
		return "This value has the wrong JSON type.";
	}

	private static String lineOf(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? String.valueOf(ex.getLocation().getLineNr()) : "?";
	}

	/** What a Java type is in JSON, as the API documentation says it. */
	static String expected(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class) {
			return "text (a JSON string)";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "a whole number (a JSON number without a fraction, not in quotes)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false (not in quotes)";
		}
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants());
		}
		if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
			return "a list (a JSON array)";
		}
		if (java.util.Map.class.isAssignableFrom(type)) {
			return "an object of names and values";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "an object (a JSON object in braces)";
	}

}
