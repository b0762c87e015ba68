package org.mlgov.console.review;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The stored JSON form of a revision's documents (its own mapper, independent of the web layer's settings). */
final class RevisionJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private RevisionJson() {
	}

	static String write(FrozenDocuments documents) {
		return MAPPER.writeValueAsString(documents);
	}

	static FrozenDocuments read(String json) {
		return MAPPER.readValue(json, FrozenDocuments.class);
	}

}
