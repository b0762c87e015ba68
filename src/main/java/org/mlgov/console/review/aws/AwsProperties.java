package org.mlgov.console.review.aws;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code console.aws.*}: how the console reaches AWS. Credentials themselves are never part of the
 * configuration: they come from the default credentials provider chain or a named profile of the shared files.
 *
 * @param enabled whether the console calls AWS at all; off by default, and then every live read answers
 * {@code NOT_CONFIGURED} without a call
 * @param region the Region used when a read names none (default {@code us-east-1}); it also chooses the partition
 * of IAM calls for accounts without a role
 * @param profile a profile of the shared {@code ~/.aws/config} and {@code ~/.aws/credentials} files; blank for the
 * default credentials provider chain
 * @param maxAttempts how many times the SDK's standard retry mode tries a call in all (default 3)
 * @param s3ForcePathStyle address buckets as {@code https://host/bucket} instead of {@code https://bucket.host}
 * (for emulators; default false)
 * @param accounts per governed account (12-digit id): the role the console assumes to read it
 * @param endpoints endpoint overrides per service, to point the console at an emulator
 */
@Validated
@ConfigurationProperties("console.aws")
public record AwsProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("us-east-1") @NotNull @Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d+",
				message = "must be a Region code such as eu-west-1") String region,
		String profile, @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
		@DefaultValue("false") boolean s3ForcePathStyle,
		Map<@Pattern(regexp = "\\d{12}", message = "must be a 12-digit account id") String, @Valid Account> accounts,
		@DefaultValue @Valid Endpoints endpoints) {

	public AwsProperties {
		profile = StringUtils.hasText(profile) ? profile.strip() : null;
		accounts = (accounts != null) ? Map.copyOf(accounts) : Map.of();
		endpoints = (endpoints != null) ? endpoints : new Endpoints(null, null, null, null);
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
	 * @param roleArn the role the console assumes (STS AssumeRole, session name {@code ml-governance-console}) to
	 * read this account
	 */
	public record Account(@Pattern(regexp = "arn:aws[a-z-]*:iam::\\d{12}:role/.+",
			message = "must be an IAM role ARN") String roleArn) {
	}

	/**
	 * {@code console.aws.endpoints.*}: endpoint overrides; unset means the service's standard endpoint.
	 *
	 * @param iam the IAM endpoint
	 * @param sagemaker the SageMaker endpoint
	 * @param s3 the S3 endpoint
	 * @param sts the STS endpoint used to assume the per-account roles
	 */
	public record Endpoints(URI iam, URI sagemaker, URI s3, URI sts) {
	}

}
