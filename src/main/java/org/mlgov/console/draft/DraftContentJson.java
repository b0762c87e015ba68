package org.mlgov.console.draft;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a draft's content, as stored in {@code draft.content}. Its own mapper, so that the stored form does
 * not change with the web layer's JSON settings.
 */
public final class DraftContentJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DraftContentJson() {
	}

	public static String write(DraftContent content) {
		return MAPPER.writeValueAsString(content);
	}

	public static DraftContent read(String json) {
		return MAPPER.readValue(json, DraftContent.class);
	}

}
