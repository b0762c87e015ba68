package org.mlgov.console.live.aws;

import java.util.List;

import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveRead;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import org.mlgov.console.aws.AwsCall;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsErrors;

/**
 * Reads a bucket's CORS rules with S3 GetBucketCors. {@code NoSuchCORSConfiguration} means the bucket has no rules,
 * which is an answer, not a problem. The request names the expected bucket owner, so S3 refuses (403) rather than
 * answer for a bucket of another account.
 */
final class S3CorsReader {

	static final String SERVICE = "S3";

	private static final String OPERATION = "GetBucketCors";

	private final AwsClients clients;

	S3CorsReader(AwsClients clients) {
		this.clients = clients;
	}

	LiveRead<LiveBucketCors> read(String accountId, String region, String bucket) {
		Region where = this.clients.region(region);
		String subject = "bucket " + bucket + " in account " + accountId;
		return LiveReads.read(SERVICE, OPERATION, subject, () -> {
			List<CORSRule> rules = AwsCall.call(SERVICE, OPERATION, subject, () -> {
				try {
					return this.clients.s3(accountId, where)
						.getBucketCors((r) -> r.bucket(bucket).expectedBucketOwner(accountId))
						.corsRules();
				}
				catch (S3Exception ex) {
					if ("NoSuchCORSConfiguration".equals(AwsErrors.code(ex))) {
						return List.of();
					}
					throw ex;
				}
			});
			return new LiveBucketCors(accountId, where.id(), bucket, CorsRulesJson.of(rules), rules.size());
		});
	}

}
