package org.mlgov.console.live.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds JSON objects (for {@code org.mlgov.console.policy.Json}) that hold only the members AWS returned. */
final class Members {

	private final Map<String, Object> members = new LinkedHashMap<>();

	/**
	 * Adds a member unless it is absent: null, or a list the SDK left unset.
	 * @param name the member's name in the API
	 * @param value its value
	 * @param present whether AWS returned the member (for lists, the SDK's {@code hasX()})
	 * @return this
	 */
	Members put(String name, Object value, boolean present) {
		if (present && value != null) {
			this.members.put(name, value);
		}
		return this;
	}

	Members put(String name, Object value) {
		return put(name, value, true);
	}

	/** Adds a nested object converted by {@code convert}, unless it is null. */
	<T> Members put(String name, T value, Function<T, Members> convert) {
		return put(name, (value != null) ? convert.apply(value).toMap() : null);
	}

	/** Adds a list of nested objects, each converted by {@code convert}, when AWS returned the list. */
	<T> Members putEach(String name, List<T> values, boolean present, Function<T, Members> convert) {
		return put(name, values.stream().map((value) -> convert.apply(value).toMap()).toList(), present);
	}

	Map<String, Object> toMap() {
		return this.members;
	}

}
