package org.mlgov.console.draft;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares stored JSON with what the current code writes for the same value: every member that was stored must be
 * written again, with the same value (strings byte for byte), so the stored form can still be read as is. Members the
 * current code adds (a new optional field, the format version) are allowed.
 */
public final class JsonContainment {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonContainment() {
	}

	/**
	 * Asserts that {@code written} contains every member of {@code stored}, recursively, with equal values.
	 * @param stored the JSON text as it was stored
	 * @param written the JSON text the current code writes
	 */
	public static void assertContains(String stored, String written) {
		contains("$", MAPPER.readTree(stored), MAPPER.readTree(written));
	}

	private static void contains(String path, JsonNode stored, JsonNode written) {
		if (stored.isObject()) {
			assertThat(written.isObject()).as("%s is an object", path).isTrue();
			for (Map.Entry<String, JsonNode> member : stored.properties()) {
				String at = path + "." + member.getKey();
				assertThat(written.has(member.getKey())).as("%s is still written", at).isTrue();
				contains(at, member.getValue(), written.get(member.getKey()));
			}
		}
		else if (stored.isArray()) {
			assertThat(written.isArray()).as("%s is an array", path).isTrue();
			assertThat(written.size()).as("%s has as many elements", path).isEqualTo(stored.size());
			for (int i = 0; i < stored.size(); i++) {
				contains(path + "[" + i + "]", stored.get(i), written.get(i));
			}
		}
		else {
			assertThat(written).as(path).isEqualTo(stored);
		}
	}

}
