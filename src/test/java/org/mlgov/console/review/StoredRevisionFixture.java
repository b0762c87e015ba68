package org.mlgov.console.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code draft_revision} row kept in {@code src/test/resources/fixtures}: every stored column, with the
 * {@code content} and {@code documents} texts exactly as they were stored (the SHA-256 covers those bytes).
 *
 * @param row the fixture's columns, by column name
 */
record StoredRevisionFixture(JsonNode row) {

	/**
	 * Loads a fixture from the test class path.
	 * @param name the file name in {@code /fixtures}
	 * @return the row
	 */
	static StoredRevisionFixture load(String name) {
		try (InputStream in = StoredRevisionFixture.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new StoredRevisionFixture(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String column(String name) {
		JsonNode value = this.row.get(name);
		if (value == null) {
			throw new IllegalArgumentException("the fixture has no column " + name);
		}
		return value.asString();
	}

	long number(String name) {
		return this.row.get(name).asLong();
	}

	/** The revision as {@link DraftRevisionRepository} maps the row. */
	DraftRevision revision() {
		return new DraftRevision(number("id"), number("draft_id"), (int) number("number"), column("content"),
				column("documents"), column("documents_sha256"), column("catalog_version"), column("justification"),
				column("submitted_by"), Instant.parse(column("submitted_at")));
	}

}
