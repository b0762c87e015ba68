package org.mlgov.console.live.aws;

import java.util.List;

import org.mlgov.console.policy.Json;

import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * S3 CORS rules as the S3 console shows them: a JSON array of objects with {@code AllowedHeaders},
 * {@code AllowedMethods}, {@code AllowedOrigins}, {@code ExposeHeaders}, {@code MaxAgeSeconds} and {@code ID},
 * absent members omitted. Same writer as the generator's CORS JSON.
 */
final class CorsRulesJson {

	private CorsRulesJson() {
	}

	static String of(List<CORSRule> rules) {
		return Json.pretty(rules.stream().map(CorsRulesJson::rule).toList());
	}

	private static Object rule(CORSRule rule) {
		return new Members().put("ID", rule.id())
			.put("AllowedHeaders", rule.allowedHeaders(), rule.hasAllowedHeaders())
			.put("AllowedMethods", rule.allowedMethods(), rule.hasAllowedMethods())
			.put("AllowedOrigins", rule.allowedOrigins(), rule.hasAllowedOrigins())
			.put("ExposeHeaders", rule.exposeHeaders(), rule.hasExposeHeaders())
			.put("MaxAgeSeconds", rule.maxAgeSeconds())
			.toMap();
	}

}
