package org.mlgov.console.push;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The push's port to AWS: the write calls a push makes, and the few reads it needs beyond the
 * {@code live.LiveStateReader} (a customer managed policy's versions). Implemented with the AWS SDK in
 * {@code push.aws}. Every write returns the request id AWS gave it; every failure is an {@link AwsWriteException}
 * carrying the AWS error code, the request id and a sentence that names the permission the console lacks where AWS
 * refused it. Throttling is retried inside (the SDK's backoff).
 */
public interface AwsWriter {

	/**
	 * A customer managed policy with its versions.
	 * @param accountId the account
	 * @param policyArn the policy's ARN
	 * @return the policy, or empty when it does not exist
	 */
	Optional<ManagedPolicy> readPolicy(String accountId, String policyArn);

	String createRole(String accountId, RoleSettings role);

	String updateAssumeRolePolicy(String accountId, String roleName, String trustPolicyJson);

	String updateRole(String accountId, String roleName, String description, int maxSessionDurationSeconds);

	String putRolePermissionsBoundary(String accountId, String roleName, String boundaryArn);

	String tagRole(String accountId, String roleName, Map<String, String> tags);

	String untagRole(String accountId, String roleName, List<String> keys);

	String putRolePolicy(String accountId, String roleName, String policyName, String policyJson);

	String deleteRolePolicy(String accountId, String roleName, String policyName);

	String createPolicy(String accountId, String policyName, String path, String policyJson);

	String createPolicyVersion(String accountId, String policyArn, String policyJson);

	String deletePolicyVersion(String accountId, String policyArn, String versionId);

	String attachRolePolicy(String accountId, String roleName, String policyArn);

	String detachRolePolicy(String accountId, String roleName, String policyArn);

	/**
	 * UpdateDomain with only the fields the console manages: {@code DefaultUserSettings.ExecutionRole} and, when
	 * given, {@code DefaultUserSettings.CanvasAppSettings}. Retried, bounded, while SageMaker says the new role
	 * cannot be assumed yet (IAM's eventual consistency).
	 */
	String updateDomain(String accountId, String region, String domainId, String executionRoleArn,
			String canvasAppSettingsJson);

	/** UpdateUserProfile with {@code UserSettings.ExecutionRole} and, when given, {@code CanvasAppSettings}. */
	String updateUserProfile(String accountId, String region, String domainId, String userProfileName,
			String executionRoleArn, String canvasAppSettingsJson);

	/** PutBucketCors with these rules (JSON array in the S3 console's shape), the bucket owner expected. */
	String putBucketCors(String accountId, String region, String bucket, String rulesJson);

	/**
	 * What CreateRole sends.
	 *
	 * @param name the role name
	 * @param path the path
	 * @param description the description, or null
	 * @param maxSessionDurationSeconds the maximum session
	 * @param permissionsBoundaryArn the permissions boundary, or null
	 * @param trustPolicyJson the trust policy, sent as it is
	 * @param tags the tags, in order
	 */
	record RoleSettings(String name, String path, String description, int maxSessionDurationSeconds,
			String permissionsBoundaryArn, String trustPolicyJson, Map<String, String> tags) {
	}

	/**
	 * A customer managed policy.
	 *
	 * @param arn its ARN
	 * @param defaultVersionId the default version
	 * @param defaultDocument the default version's document (URL-decoded)
	 * @param versions every version, oldest first
	 */
	record ManagedPolicy(String arn, String defaultVersionId, String defaultDocument, List<Version> versions) {

		public ManagedPolicy {
			versions = List.copyOf(versions);
		}

	}

	/**
	 * A version of a managed policy.
	 *
	 * @param versionId for example {@code v3}
	 * @param isDefault whether it is the default version
	 * @param createdAt when it was made (ISO-8601), for ordering
	 */
	record Version(String versionId, boolean isDefault, java.time.Instant createdAt) {
	}

}
