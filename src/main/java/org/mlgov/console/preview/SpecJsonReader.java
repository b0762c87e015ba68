package org.mlgov.console.preview;

import java.util.List;

import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.RoleSpec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

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

	private static String message(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		if (ex instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "'" + format.getValue() + "' is not one of " + List.of(format.getTargetType().getEnumConstants())
					+ ".";
		}
		if (ex instanceof StreamReadException) {
			return "Malformed JSON: " + ex.getOriginalMessage();
		}
		return "Wrong type or shape: " + ex.getOriginalMessage();
	}

}
