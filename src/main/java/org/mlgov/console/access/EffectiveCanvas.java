package org.mlgov.console.access;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mlgov.console.policy.Json;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user profile's effective Canvas settings: each member of {@code CanvasAppSettings} the profile sets itself,
 * else the domain default's (aws-facts A.2: profile values take precedence over the domain defaults).
 *
 * @param json the merged settings (API names), {@code {}} when neither sets any
 * @param sources for each member, {@code user profile} or {@code domain default}
 */
public record EffectiveCanvas(String json, Map<String, String> sources, Map<String, Object> members) {

	static final String PROFILE = "user profile";

	static final String DOMAIN = "domain default";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Merges a profile's own settings over the domain's defaults.
	 * @param domainDefault the domain's default CanvasAppSettings JSON, or null
	 * @param profileOwn the profile's own CanvasAppSettings JSON, or null
	 * @return the effective settings
	 */
	public static EffectiveCanvas of(String domainDefault, String profileOwn) {
		Map<String, Object> merged = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		parse(domainDefault).forEach((name, value) -> {
			merged.put(name, value);
			sources.put(name, DOMAIN);
		});
		parse(profileOwn).forEach((name, value) -> {
			merged.put(name, value);
			sources.put(name, PROFILE);
		});
		return new EffectiveCanvas(Json.pretty(merged), sources, merged);
	}

	static Map<String, Object> parse(String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/**
	 * The {@code Status} of a member such as {@code DirectDeploySettings}.
	 * @param member the member's name
	 * @return its status, or null when unset
	 */
	public String status(String member) {
		return (this.members.get(member) instanceof Map<?, ?> map && map.get("Status") != null)
				? map.get("Status").toString() : null;
	}

	/**
	 * A field of a member, such as {@code GenerativeAiSettings.AmazonBedrockRoleArn}.
	 * @return its value, or null
	 */
	public String field(String member, String field) {
		return (this.members.get(member) instanceof Map<?, ?> map && map.get(field) != null)
				? map.get(field).toString() : null;
	}

	/** Where a member comes from, or null when unset. */
	public String source(String member) {
		return this.sources.get(member);
	}

}
