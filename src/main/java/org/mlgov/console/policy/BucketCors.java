package org.mlgov.console.policy;

import java.util.List;

/** The CORS rules a bucket needs (S3 PutBucketCors), and why. */
public record BucketCors(String bucket, String purpose, List<CorsRule> rules, String json) {

	public BucketCors {
		rules = List.copyOf(rules);
	}

	/** One CORS rule, with S3's field names. */
	public record CorsRule(List<String> allowedHeaders, List<String> allowedMethods, List<String> allowedOrigins,
			List<String> exposeHeaders) {

		public CorsRule {
			allowedHeaders = List.copyOf(allowedHeaders);
			allowedMethods = List.copyOf(allowedMethods);
			allowedOrigins = List.copyOf(allowedOrigins);
			exposeHeaders = List.copyOf(exposeHeaders);
		}

	}

}
