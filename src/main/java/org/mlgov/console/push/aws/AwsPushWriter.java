package org.mlgov.console.push.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.mlgov.console.aws.AwsCall;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsErrors;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.push.AwsWriteException;
import org.mlgov.console.push.AwsWriter;

import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CanvasAppSettings;
import software.amazon.awssdk.services.sagemaker.model.UserSettings;

/**
 * The push's {@link AwsWriter} with the AWS SDK for Java v2: IAM on the account's partition's global endpoint,
 * SageMaker and S3 in the revision's Region, all through {@link AwsClients} (credentials, retries with the SDK's
 * backoff, timeouts, endpoint overrides). With {@code console.aws.enabled=false} every call fails as
 * {@code NOT_CONFIGURED} without being sent.
 */
public final class AwsPushWriter implements AwsWriter {

	static final String IAM = "IAM";

	static final String SAGEMAKER = "SageMaker";

	static final String S3 = "S3";

	private final boolean enabled;

	private final AwsClients clients;

	private final int propagationAttempts;

	private final Duration propagationDelay;

	/**
	 * @param properties {@code console.aws.*}
	 * @param clients the SDK clients
	 * @param propagationAttempts how often SageMaker updates are sent while the new role cannot be assumed yet
	 * @param propagationDelay the wait between those attempts
	 */
	public AwsPushWriter(AwsProperties properties, AwsClients clients, int propagationAttempts,
			Duration propagationDelay) {
		this.enabled = properties.enabled();
		this.clients = clients;
		this.propagationAttempts = Math.max(1, propagationAttempts);
		this.propagationDelay = propagationDelay;
	}

	@Override
	public Optional<ManagedPolicy> readPolicy(String accountId, String policyArn) {
		IamClient iam = iam(accountId, "GetPolicy");
		String subject = "policy " + policyArn;
		Policy policy;
		try {
			policy = WriteCalls.call(IAM, "GetPolicy", "iam:GetPolicy", subject,
					() -> iam.getPolicy((r) -> r.policyArn(policyArn)).policy());
		}
		catch (AwsWriteException ex) {
			if ("NoSuchEntity".equals(ex.errorCode())) {
				return Optional.empty();
			}
			throw ex;
		}
		String defaultVersion = policy.defaultVersionId();
		String document = WriteCalls.call(IAM, "GetPolicyVersion", "iam:GetPolicyVersion", subject,
				() -> decode(iam.getPolicyVersion((r) -> r.policyArn(policyArn).versionId(defaultVersion))
					.policyVersion()
					.document()));
		List<Version> versions = new ArrayList<>(WriteCalls.call(IAM, "ListPolicyVersions", "iam:ListPolicyVersions",
				subject, () -> iam.listPolicyVersionsPaginator((r) -> r.policyArn(policyArn))
					.versions()
					.stream()
					.map((v) -> new Version(v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()), v.createDate()))
					.toList()));
		versions.sort(Comparator.comparing(Version::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
		return Optional.of(new ManagedPolicy(policy.arn(), defaultVersion, document, versions));
	}

	@Override
	public String createRole(String accountId, RoleSettings role) {
		IamClient iam = iam(accountId, "CreateRole");
		List<Tag> tags = role.tags().entrySet().stream().map((t) -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
			.toList();
		return iamWrite("CreateRole", "role " + role.name() + " in account " + accountId,
				() -> iam.createRole((r) -> {
					r.roleName(role.name())
						.path(role.path())
						.assumeRolePolicyDocument(role.trustPolicyJson())
						.maxSessionDuration(role.maxSessionDurationSeconds());
					if (role.description() != null) {
						r.description(role.description());
					}
					if (role.permissionsBoundaryArn() != null) {
						r.permissionsBoundary(role.permissionsBoundaryArn());
					}
					if (!tags.isEmpty()) {
						r.tags(tags);
					}
				}));
	}

	@Override
	public String updateAssumeRolePolicy(String accountId, String roleName, String trustPolicyJson) {
		IamClient iam = iam(accountId, "UpdateAssumeRolePolicy");
		return iamWrite("UpdateAssumeRolePolicy", role(roleName, accountId),
				() -> iam.updateAssumeRolePolicy((r) -> r.roleName(roleName).policyDocument(trustPolicyJson)));
	}

	@Override
	public String updateRole(String accountId, String roleName, String description, int maxSessionDurationSeconds) {
		IamClient iam = iam(accountId, "UpdateRole");
		return iamWrite("UpdateRole", role(roleName, accountId), () -> iam.updateRole(
				(r) -> r.roleName(roleName).description(description).maxSessionDuration(maxSessionDurationSeconds)));
	}

	@Override
	public String putRolePermissionsBoundary(String accountId, String roleName, String boundaryArn) {
		IamClient iam = iam(accountId, "PutRolePermissionsBoundary");
		return iamWrite("PutRolePermissionsBoundary", role(roleName, accountId),
				() -> iam.putRolePermissionsBoundary((r) -> r.roleName(roleName).permissionsBoundary(boundaryArn)));
	}

	@Override
	public String tagRole(String accountId, String roleName, Map<String, String> tags) {
		IamClient iam = iam(accountId, "TagRole");
		List<Tag> list = tags.entrySet().stream().map((t) -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
			.toList();
		return iamWrite("TagRole", role(roleName, accountId), () -> iam.tagRole((r) -> r.roleName(roleName).tags(list)));
	}

	@Override
	public String untagRole(String accountId, String roleName, List<String> keys) {
		IamClient iam = iam(accountId, "UntagRole");
		return iamWrite("UntagRole", role(roleName, accountId),
				() -> iam.untagRole((r) -> r.roleName(roleName).tagKeys(keys)));
	}

	@Override
	public String putRolePolicy(String accountId, String roleName, String policyName, String policyJson) {
		IamClient iam = iam(accountId, "PutRolePolicy");
		return iamWrite("PutRolePolicy", "inline policy " + policyName + " of " + role(roleName, accountId),
				() -> iam.putRolePolicy((r) -> r.roleName(roleName).policyName(policyName).policyDocument(policyJson)));
	}

	@Override
	public String deleteRolePolicy(String accountId, String roleName, String policyName) {
		IamClient iam = iam(accountId, "DeleteRolePolicy");
		return iamWrite("DeleteRolePolicy", "inline policy " + policyName + " of " + role(roleName, accountId),
				() -> iam.deleteRolePolicy((r) -> r.roleName(roleName).policyName(policyName)));
	}

	@Override
	public String createPolicy(String accountId, String policyName, String path, String policyJson) {
		IamClient iam = iam(accountId, "CreatePolicy");
		return iamWrite("CreatePolicy", "policy " + policyName + " in account " + accountId, () -> iam.createPolicy((r) -> {
			r.policyName(policyName).policyDocument(policyJson);
			if (path != null && !path.isBlank()) {
				r.path(path);
			}
		}));
	}

	@Override
	public String createPolicyVersion(String accountId, String policyArn, String policyJson) {
		IamClient iam = iam(accountId, "CreatePolicyVersion");
		return iamWrite("CreatePolicyVersion", "policy " + policyArn,
				() -> iam.createPolicyVersion((r) -> r.policyArn(policyArn).policyDocument(policyJson).setAsDefault(true)));
	}

	@Override
	public String deletePolicyVersion(String accountId, String policyArn, String versionId) {
		IamClient iam = iam(accountId, "DeletePolicyVersion");
		return iamWrite("DeletePolicyVersion", "version " + versionId + " of policy " + policyArn,
				() -> iam.deletePolicyVersion((r) -> r.policyArn(policyArn).versionId(versionId)));
	}

	@Override
	public String attachRolePolicy(String accountId, String roleName, String policyArn) {
		IamClient iam = iam(accountId, "AttachRolePolicy");
		return iamWrite("AttachRolePolicy", "policy " + policyArn + " on " + role(roleName, accountId),
				() -> iam.attachRolePolicy((r) -> r.roleName(roleName).policyArn(policyArn)));
	}

	@Override
	public String detachRolePolicy(String accountId, String roleName, String policyArn) {
		IamClient iam = iam(accountId, "DetachRolePolicy");
		return iamWrite("DetachRolePolicy", "policy " + policyArn + " on " + role(roleName, accountId),
				() -> iam.detachRolePolicy((r) -> r.roleName(roleName).policyArn(policyArn)));
	}

	@Override
	public String updateDomain(String accountId, String region, String domainId, String executionRoleArn,
			String canvasAppSettingsJson) {
		requireEnabled(SAGEMAKER, "UpdateDomain");
		SageMakerClient sageMaker = this.clients.sageMaker(accountId, this.clients.region(region));
		UserSettings settings = userSettings(executionRoleArn, canvasAppSettingsJson);
		return sageMakerWrite("UpdateDomain", "domain " + domainId + " in account " + accountId,
				() -> sageMaker.updateDomain((r) -> r.domainId(domainId).defaultUserSettings(settings)));
	}

	@Override
	public String updateUserProfile(String accountId, String region, String domainId, String userProfileName,
			String executionRoleArn, String canvasAppSettingsJson) {
		requireEnabled(SAGEMAKER, "UpdateUserProfile");
		SageMakerClient sageMaker = this.clients.sageMaker(accountId, this.clients.region(region));
		UserSettings settings = userSettings(executionRoleArn, canvasAppSettingsJson);
		return sageMakerWrite("UpdateUserProfile",
				"user profile " + userProfileName + " of domain " + domainId + " in account " + accountId,
				() -> sageMaker.updateUserProfile(
						(r) -> r.domainId(domainId).userProfileName(userProfileName).userSettings(settings)));
	}

	@Override
	public String putBucketCors(String accountId, String region, String bucket, String rulesJson) {
		requireEnabled(S3, "PutBucketCors");
		List<CORSRule> rules = CorsRules.of(rulesJson);
		return WriteCalls.write(S3, "PutBucketCors", "s3:PutBucketCORS", "bucket " + bucket + " in account " + accountId,
				() -> this.clients.s3(accountId, this.clients.region(region))
					.putBucketCors((r) -> r.bucket(bucket)
						.expectedBucketOwner(accountId)
						.corsConfiguration((c) -> c.corsRules(rules))));
	}

	private static UserSettings userSettings(String executionRoleArn, String canvasAppSettingsJson) {
		UserSettings.Builder settings = UserSettings.builder().executionRole(executionRoleArn);
		CanvasAppSettings canvas = CanvasSettings.of(canvasAppSettingsJson);
		if (canvas != null) {
			settings.canvasAppSettings(canvas);
		}
		return settings.build();
	}

	/**
	 * A SageMaker update, sent again (bounded) while SageMaker says the new execution role cannot be assumed yet: IAM
	 * is eventually consistent, and a role made seconds ago may not be visible to SageMaker.
	 */
	private String sageMakerWrite(String operation, String subject, Supplier<? extends AwsResponse> call) {
		for (int attempt = 1;; attempt++) {
			try {
				AwsResponse response = call.get();
				return (response.responseMetadata() != null) ? response.responseMetadata().requestId() : null;
			}
			catch (RuntimeException ex) {
				if (attempt >= this.propagationAttempts || !roleNotAssumableYet(ex)) {
					throw WriteCalls.failure(SAGEMAKER, operation, "sagemaker:" + operation + " and iam:PassRole",
							subject, ex);
				}
				sleep();
			}
		}
	}

	static boolean roleNotAssumableYet(RuntimeException ex) {
		AwsServiceException refusal = AwsErrors.find(ex, AwsServiceException.class);
		if (refusal == null || !"ValidationException".equals(AwsErrors.code(refusal))) {
			return false;
		}
		String message = (refusal.awsErrorDetails() != null) ? refusal.awsErrorDetails().errorMessage() : null;
		return message != null && message.toLowerCase(Locale.ROOT).contains("assume");
	}

	private void sleep() {
		try {
			Thread.sleep(this.propagationDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for IAM to propagate a role", ex);
		}
	}

	private static String iamWrite(String operation, String subject, Supplier<? extends AwsResponse> call) {
		return WriteCalls.write(IAM, operation, "iam:" + operation, subject, call);
	}

	private IamClient iam(String accountId, String operation) {
		requireEnabled(IAM, operation);
		return this.clients.iam(accountId);
	}

	private void requireEnabled(String service, String operation) {
		if (!this.enabled) {
			throw new AwsWriteException(AwsCall.notConfigured(service, operation), "NOT_CONFIGURED", null);
		}
	}

	private static String role(String roleName, String accountId) {
		return "role " + roleName + " in account " + accountId;
	}

	/** IAM returns policy documents URL-encoded (RFC 3986); a literal {@code +} comes as {@code %2B}. */
	static String decode(String document) {
		return (document != null) ? URLDecoder.decode(document, StandardCharsets.UTF_8) : null;
	}

}
