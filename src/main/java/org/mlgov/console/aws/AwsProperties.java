package org.mlgov.console.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code console.aws.*}: how the console reaches AWS. Credentials themselves are never part of the
 * configuration: they come from the default credentials provider chain or a named profile of the shared files.
 *
 * <p>
 * The {@code @param} texts below are plain text on purpose: the configuration processor copies them, unprocessed,
 * into the configuration metadata that IDEs show.
 *
 * @param enabled Whether the console calls AWS at all. Off by default, and then every live read answers
 * NOT_CONFIGURED without a call.
 * @param region Region used when a read names none. It also chooses the partition of IAM calls for accounts
 * without a role.
 * @param profile Profile of the shared ~/.aws/config and ~/.aws/credentials files. Unset or blank: the SDK's
 * default credentials provider chain.
 * @param maxAttempts How many times the SDK's standard retry mode tries a call in all, throttling included (1 to
 * 10).
 * @param s3ForcePathStyle Whether to address buckets as https://host/bucket instead of https://bucket.host
 * (emulators need it).
 * @param accounts Per governed account (12-digit id): the role the console assumes to read it.
 * @param endpoints Endpoint overrides per service, to point the console at an emulator or a test server.
 * @param apiCallTimeout How long one API call may take in all, its retries included (more than 0, at most 2
 * minutes). A call that takes longer is abandoned and its read answers TIMED_OUT.
 * @param apiCallAttemptTimeout How long one attempt of a call may take before the SDK abandons it and, attempts
 * left, tries again (more than 0, at most api-call-timeout).
 */
@Validated
@ConfigurationProperties("console.aws")
public record AwsProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("us-east-1") @NotNull @Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d+",
				message = "must be a Region code such as eu-west-1") String region,
		String profile, @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
		@DefaultValue("false") boolean s3ForcePathStyle,
		Map<@Pattern(regexp = "\\d{12}", message = "must be a 12-digit account id") String, @Valid Account> accounts,
		@DefaultValue @Valid Endpoints endpoints, @DefaultValue("10s") Duration apiCallTimeout,
		@DefaultValue("4s") Duration apiCallAttemptTimeout) {

	/** The default of {@code console.aws.api-call-timeout}. */
	public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);

	/** The default of {@code console.aws.api-call-attempt-timeout}. */
	public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(4);

	/** The longest either timeout may be: a reviewer waits for the page. */
	static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

	@ConstructorBinding
	public AwsProperties {
		profile = StringUtils.hasText(profile) ? profile.strip() : null;
		accounts = (accounts != null) ? Map.copyOf(accounts) : Map.of();
		endpoints = (endpoints != null) ? endpoints : new Endpoints(null, null, null, null);
		apiCallTimeout = (apiCallTimeout != null) ? apiCallTimeout : DEFAULT_API_CALL_TIMEOUT;
		apiCallAttemptTimeout = (apiCallAttemptTimeout != null) ? apiCallAttemptTimeout
				: DEFAULT_API_CALL_ATTEMPT_TIMEOUT;
	}

	/**
	 * Settings with the default timeouts.
	 * @param enabled whether the console calls AWS at all
	 * @param region the default Region
	 * @param profile a profile of the shared files, or null
	 * @param maxAttempts attempts per call
	 * @param s3ForcePathStyle path-style bucket addresses
	 * @param accounts roles to assume per account
	 * @param endpoints endpoint overrides
	 */
	public AwsProperties(boolean enabled, String region, String profile, int maxAttempts, boolean s3ForcePathStyle,
			Map<String, Account> accounts, Endpoints endpoints) {
		this(enabled, region, profile, maxAttempts, s3ForcePathStyle, accounts, endpoints, DEFAULT_API_CALL_TIMEOUT,
				DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
	}

	@AssertTrue(message = "console.aws.api-call-timeout must be more than 0 and at most 2 minutes")
	public boolean isApiCallTimeoutBounded() {
		return isBounded(this.apiCallTimeout);
	}

	@AssertTrue(message = "console.aws.api-call-attempt-timeout must be more than 0, at most 2 minutes and at most "
			+ "console.aws.api-call-timeout")
	public boolean isApiCallAttemptTimeoutBounded() {
		return isBounded(this.apiCallAttemptTimeout) && this.apiCallAttemptTimeout.compareTo(this.apiCallTimeout) <= 0;
	}

	private static boolean isBounded(Duration timeout) {
		return !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0;
	}

	/**
	 * The role to assume for an account.
	 * @param accountId the 12-digit account id
	 * @return the role ARN, or null to use the base credentials as they are
	 */
	public String roleArnFor(String accountId) {
		Account account = this.accounts.get(accountId);
		return (account != null) ? account.roleArn() : null;
	}

	@AssertTrue(message = "each console.aws.accounts.<id>.role-arn must name a role in account <id>")
	public boolean isEachRoleInItsAccount() {
		return this.accounts.entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue().roleArn() == null
					|| entry.getValue().roleArn().contains(":iam::" + entry.getKey() + ":role/"));
	}

	/**
	 * {@code console.aws.accounts.<accountId>.*}.
	 *
	 * @param roleArn Role the console assumes (STS AssumeRole, session name ml-governance-console) to read this
	 * account. Must be a role in that account.
	 */
	public record Account(@Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/.+",
			message = "must be an IAM role ARN") String roleArn) {
	}

	/**
	 * {@code console.aws.endpoints.*}: endpoint overrides; unset means the service's standard endpoint.
	 *
	 * @param iam IAM endpoint override.
	 * @param sagemaker SageMaker endpoint override.
	 * @param s3 S3 endpoint override.
	 * @param sts STS endpoint override, used to assume the per-account roles.
	 */
	public record Endpoints(URI iam, URI sagemaker, URI s3, URI sts) {
	}

}
