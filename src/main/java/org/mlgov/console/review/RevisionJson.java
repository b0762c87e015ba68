package org.mlgov.console.review;

import org.mlgov.console.draft.StoredJson;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored JSON form of a revision's documents (its own mapper, independent of the web layer's settings). It carries
 * a format version ({@link StoredJson}): format 1 had none, format 2 is format 1 with {@code "formatVersion": 2}
 * first. The SHA-256 of a revision covers the stored text as written, whatever its format: stored documents are never
 * written again.
 */
final class RevisionJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** The format this code writes; it reads every format from 1 to this one. */
	static final int FORMAT_VERSION = 2;

	private RevisionJson() {
	}

	static String write(FrozenDocuments documents) {
		return StoredJson.write(MAPPER, documents, FORMAT_VERSION);
	}

	static FrozenDocuments read(String json) {
		return StoredJson.read(MAPPER, json, FrozenDocuments.class, FORMAT_VERSION);
	}

	static int formatVersion(String json) {
		return StoredJson.version(MAPPER, json);
	}

}
