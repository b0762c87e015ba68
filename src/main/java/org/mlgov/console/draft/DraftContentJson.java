package org.mlgov.console.draft;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a draft's content, as stored in {@code draft.content} and {@code draft_revision.content}. Its own
 * mapper, so that the stored form does not change with the web layer's JSON settings. It carries a format version
 * ({@link StoredJson}): format 1 had none, format 2 is format 1 with {@code "formatVersion": 2} first.
 */
public final class DraftContentJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The format this code writes; it reads every format from 1 to this one. */
	public static final int FORMAT_VERSION = 2;

	private DraftContentJson() {
	}

	public static String write(DraftContent content) {
		return StoredJson.write(MAPPER, content, FORMAT_VERSION);
	}

	public static DraftContent read(String json) {
		return StoredJson.read(MAPPER, json, DraftContent.class, FORMAT_VERSION);
	}

	/** The format the stored content was written in. */
	public static int formatVersion(String json) {
		return StoredJson.version(MAPPER, json);
	}

}
