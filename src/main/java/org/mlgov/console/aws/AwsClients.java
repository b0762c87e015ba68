package org.mlgov.console.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds and caches the SDK clients: IAM per account (on its partition's global endpoint), SageMaker and S3 per
 * account and Region. All share one Apache HTTP client, the standard retry mode with
 * {@code console.aws.max-attempts} and the timeouts {@code console.aws.api-call-timeout} and
 * {@code console.aws.api-call-attempt-timeout}. Credentials come from the base provider (default chain or
 * {@code console.aws.profile}), or from STS AssumeRole with {@code console.aws.accounts.<id>.role-arn}; they are
 * held only by the SDK's providers, never stored or logged here. Nothing is built before the first call.
 */
public class AwsClients implements SdkAutoCloseable {

	static final String SESSION_NAME = "ml-governance-console";

	/** Where to call STS for a role outside the default Region's partition. */
	private static final Map<String, Region> STS_REGIONS = Map.of("aws", Region.US_EAST_1, "aws-cn", Region.CN_NORTH_1,
			"aws-us-gov", Region.US_GOV_WEST_1);

	private final AwsProperties properties;

	private final OnFirstUse<AwsCredentialsProvider> baseCredentials;

	private final OnFirstUse<SdkHttpClient> httpClient = new OnFirstUse<>(() -> ApacheHttpClient.builder().build());

	/** Clients and credential providers by key, in the order they were made. */
	private final Map<String, Object> cache = new LinkedHashMap<>();

	/**
	 * Clients with credentials from {@code console.aws.profile} or, without one, the default chain.
	 * @param properties the configuration
	 */
	public AwsClients(AwsProperties properties) {
		this.properties = properties;
		this.baseCredentials = new OnFirstUse<>(() -> (properties.profile() != null)
				? ProfileCredentialsProvider.create(properties.profile()) : DefaultCredentialsProvider.builder().build());
	}

	/**
	 * Clients with the given base credentials (tests use static ones).
	 * @param properties the configuration
	 * @param baseCredentials the credentials used directly, or to assume the per-account roles
	 */
	public AwsClients(AwsProperties properties, AwsCredentialsProvider baseCredentials) {
		this.properties = properties;
		this.baseCredentials = new OnFirstUse<>(() -> baseCredentials);
	}

	/**
	 * The Region of a read.
	 * @param requested the Region asked for, or null or blank for {@code console.aws.region}
	 * @return the Region
	 */
	public Region region(String requested) {
		return Region.of((requested == null || requested.isBlank()) ? this.properties.region() : requested.strip());
	}

	public IamClient iam(String accountId) {
		return cached("iam:" + accountId, () -> configure(IamClient.builder(), credentials(accountId), globalRegion(accountId),
				this.properties.endpoints().iam())
			.build());
	}

	public SageMakerClient sageMaker(String accountId, Region region) {
		return cached("sagemaker:" + accountId + ":" + region.id(), () -> configure(SageMakerClient.builder(),
				credentials(accountId), region, this.properties.endpoints().sagemaker())
			.build());
	}

	public S3Client s3(String accountId, Region region) {
		return cached("s3:" + accountId + ":" + region.id(),
				() -> configure(S3Client.builder(), credentials(accountId), region, this.properties.endpoints().s3())
					.forcePathStyle(this.properties.s3ForcePathStyle())
					.build());
	}

	/**
	 * IAM is global: its Region is the pseudo-Region of the account's partition ({@code aws-global},
	 * {@code aws-cn-global}, {@code aws-us-gov-global}), taken from the account's role ARN, or else from the
	 * default Region.
	 */
	public Region globalRegion(String accountId) {
		String roleArn = this.properties.roleArnFor(accountId);
		String partition = (roleArn != null) ? roleArn.split(":", 3)[1]
				: PartitionMetadata.of(region(null)).id();
		return Region.of(partition + "-global");
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
			AwsCredentialsProvider credentials, Region region, URI endpoint) {
		builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides());
		builder.httpClient(this.httpClient.get());
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder;
	}

	/**
	 * What every client shares: the standard retry mode with {@code console.aws.max-attempts}, and the timeouts that
	 * keep a review page from waiting for AWS longer than {@code console.aws.api-call-timeout} per call (each
	 * attempt abandoned after {@code console.aws.api-call-attempt-timeout}).
	 */
	private ClientOverrideConfiguration overrides() {
		return ClientOverrideConfiguration.builder()
			.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(this.properties.maxAttempts())
				.build())
			.apiCallTimeout(this.properties.apiCallTimeout())
			.apiCallAttemptTimeout(this.properties.apiCallAttemptTimeout())
			.build();
	}

	private AwsCredentialsProvider credentials(String accountId) {
		return cached("credentials:" + accountId, () -> {
			String roleArn = this.properties.roleArnFor(accountId);
			AwsCredentialsProvider provider = (roleArn != null) ? assumeRole(accountId, roleArn)
					: this.baseCredentials.get();
			return new AccountCredentials(provider, accountId, roleArn);
		});
	}

	/** STS in the default Region when the role is in its partition, else in the first Region of the role's. */
	private AwsCredentialsProvider assumeRole(String accountId, String roleArn) {
		String partition = roleArn.split(":", 3)[1];
		Region home = region(null);
		Region stsRegion = PartitionMetadata.of(home).id().equals(partition) ? home
				: STS_REGIONS.getOrDefault(partition, Region.of(partition + "-global"));
		StsClient sts = cached("sts:" + stsRegion.id(), () -> configure(StsClient.builder(), this.baseCredentials.get(),
				stsRegion, this.properties.endpoints().sts())
			.build());
		return cached("assume-role:" + accountId, () -> StsAssumeRoleCredentialsProvider.builder()
			.stsClient(sts)
			.refreshRequest((request) -> request.roleArn(roleArn).roleSessionName(SESSION_NAME))
			.build());
	}

	/** Gets or makes a client or provider; reentrant, so that making one may make what it needs. */
	@SuppressWarnings("unchecked")
	private synchronized <C> C cached(String key, Supplier<C> factory) {
		Object existing = this.cache.get(key);
		if (existing != null) {
			return (C) existing;
		}
		C made = factory.get();
		this.cache.put(key, made);
		return made;
	}

	/** Closes the clients and providers (each before what it was made with), then the base provider and HTTP client. */
	@Override
	public synchronized void close() {
		List<Object> made = new ArrayList<>(this.cache.values());
		Collections.reverse(made);
		made.forEach((each) -> IoUtils.closeIfCloseable(each, null));
		this.cache.clear();
		this.baseCredentials.closeIfMade();
		this.httpClient.closeIfMade();
	}

	/** Whether the shared HTTP client was made (by a first call). */
	boolean madeHttpClient() {
		return this.httpClient.made();
	}

	/**
	 * A value made on first use and closed only if it was made. (The SDK's {@code Lazy} makes its value in order to
	 * close it: a console with AWS off built an HTTP client and the default credentials chain on every shutdown.)
	 */
	private static final class OnFirstUse<T> {

		private final Supplier<T> factory;

		private T value;

		OnFirstUse(Supplier<T> factory) {
			this.factory = factory;
		}

		synchronized T get() {
			if (this.value == null) {
				this.value = this.factory.get();
			}
			return this.value;
		}

		synchronized boolean made() {
			return this.value != null;
		}

		synchronized void closeIfMade() {
			if (this.value != null) {
				IoUtils.closeIfCloseable(this.value, null);
				this.value = null;
			}
		}

	}

}
