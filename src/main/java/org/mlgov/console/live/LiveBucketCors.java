package org.mlgov.console.live;

/**
 * The CORS configuration of an S3 bucket as it is live in AWS (GetBucketCors).
 *
 * @param accountId the account that owns the bucket
 * @param region the bucket's Region
 * @param bucket the bucket's name
 * @param rulesJson the rules as a JSON array in the S3 console's shape ({@code AllowedHeaders},
 * {@code AllowedMethods}, {@code AllowedOrigins}, {@code ExposeHeaders}, {@code MaxAgeSeconds}, {@code ID}; absent
 * members omitted); {@code []} when the bucket has no CORS configuration
 * @param ruleCount how many rules the bucket has
 */
public record LiveBucketCors(String accountId, String region, String bucket, String rulesJson, int ruleCount) {
}
