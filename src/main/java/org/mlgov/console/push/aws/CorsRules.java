package org.mlgov.console.push.aws;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import software.amazon.awssdk.services.s3.model.CORSRule;

/** CORS rules from the S3 console's JSON shape (the one the reader writes and the generator makes). */
final class CorsRules {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CorsRules() {
	}

	static List<CORSRule> of(String json) {
		List<CORSRule> rules = new ArrayList<>();
		for (JsonNode rule : MAPPER.readTree(json)) {
			CORSRule.Builder builder = CORSRule.builder();
			if (rule.hasNonNull("ID")) {
				builder.id(rule.get("ID").asString());
			}
			if (rule.has("AllowedHeaders")) {
				builder.allowedHeaders(strings(rule.get("AllowedHeaders")));
			}
			builder.allowedMethods(strings(rule.get("AllowedMethods")));
			builder.allowedOrigins(strings(rule.get("AllowedOrigins")));
			if (rule.has("ExposeHeaders")) {
				builder.exposeHeaders(strings(rule.get("ExposeHeaders")));
			}
			if (rule.hasNonNull("MaxAgeSeconds")) {
				builder.maxAgeSeconds(rule.get("MaxAgeSeconds").asInt());
			}
			rules.add(builder.build());
		}
		return rules;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null) {
			return values;
		}
		if (node.isString()) {
			values.add(node.asString());
		}
		node.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
