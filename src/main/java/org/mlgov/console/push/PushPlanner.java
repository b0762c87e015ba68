package org.mlgov.console.push;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.policy.PolicyKind;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.FrozenDocuments;

import tools.jackson.databind.JsonNode;

/**
 * Turns an approved revision and what is live into the ordered steps of a push, plain Java. A step whose target
 * already matches says so and writes nothing, so that pushing a revision that is live makes no write call. Order:
 * the role (create, or trust, settings, boundary, tags), its inline policies, its customer managed policies (create
 * or new default version) and attachments, the policies it no longer names, the Bedrock role, SageMaker, S3 CORS.
 */
public final class PushPlanner {

	static final String IAM = "IAM";

	static final String SAGEMAKER = "SageMaker";

	static final String S3 = "S3";

	/** The most versions IAM keeps of a managed policy. */
	static final int MAX_POLICY_VERSIONS = 5;

	private PushPlanner() {
	}

	/**
	 * What a push is about: the approved documents and where they go.
	 *
	 * @param accountId the account
	 * @param region the Region of the domain and buckets
	 * @param partition the partition of ARNs ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
	 * @param documents the approved, frozen documents
	 */
	public record Target(String accountId, String region, String partition, FrozenDocuments documents) {

		/** The ARN of one of the revision's customer managed policies. */
		public String policyArn(FrozenDocuments.Policy policy) {
			String path = (policy.path() == null || policy.path().isBlank()) ? "/" : policy.path();
			return "arn:" + this.partition + ":iam::" + this.accountId + ":policy" + path + policy.name();
		}

		public List<FrozenDocuments.Policy> customerManaged() {
			return this.documents.policies()
				.stream()
				.filter((p) -> PolicyKind.CUSTOMER_MANAGED.name().equals(p.kind()))
				.toList();
		}

		public List<FrozenDocuments.Policy> inline() {
			return this.documents.policies().stream().filter((p) -> PolicyKind.INLINE.name().equals(p.kind())).toList();
		}

		public boolean createsBedrockRole() {
			return this.documents.bedrockRole() != null && this.documents.bedrockRole().create();
		}

	}

	public static List<PlannedStep> plan(Target target, LiveState live) {
		List<PlannedStep> steps = new ArrayList<>();
		String account = target.accountId();
		FrozenDocuments docs = target.documents();
		FrozenDocuments.Role role = docs.role();
		String roleName = role.name();
		String roleArn = role.arn();
		LiveRole liveRole = live.role();
		Map<String, String> tags = new LinkedHashMap<>();
		for (RoleSpec.Tag tag : role.tags()) {
			tags.put(tag.key(), tag.value());
		}

		// The role itself.
		if (liveRole == null) {
			AwsWriter.RoleSettings settings = new AwsWriter.RoleSettings(roleName, role.path(), role.description(),
					role.maxSessionDurationSeconds(), role.permissionsBoundaryArn(), role.trustPolicyJson(), tags);
			steps.add(PlannedStep.change(IAM, "CreateRole", roleArn,
					"RoleName=" + roleName + ", Path=" + role.path() + ", MaxSessionDuration="
							+ role.maxSessionDurationSeconds()
							+ ((role.description() == null) ? "" : ", Description=" + role.description())
							+ ((role.permissionsBoundaryArn() == null) ? ""
									: ", PermissionsBoundary=" + role.permissionsBoundaryArn())
							+ ", Tags=" + tags + ", AssumeRolePolicyDocument=" + size(role.trustPolicyJson()),
					"create the role with its trust policy", (w) -> w.createRole(account, settings)));
		}
		else {
			if (!Objects.equals(liveRole.path(), role.path())) {
				steps.add(PlannedStep.noChange(IAM, "CreateRole", liveRole.arn(), "Path=" + role.path(),
						"the role exists under path " + liveRole.path() + "; IAM cannot move a role, so it is kept"));
			}
			if (JsonDocs.samePolicy(liveRole.trustPolicyJson(), role.trustPolicyJson())) {
				steps.add(PlannedStep.noChange(IAM, "UpdateAssumeRolePolicy", roleArn, "RoleName=" + roleName,
						"trust policy already as approved"));
			}
			else {
				steps.add(PlannedStep.change(IAM, "UpdateAssumeRolePolicy", roleArn,
						"RoleName=" + roleName + ", PolicyDocument=" + size(role.trustPolicyJson()),
						"replace the trust policy",
						(w) -> w.updateAssumeRolePolicy(account, roleName, role.trustPolicyJson())));
			}
			boolean sameDescription = Objects.equals(blankToNull(liveRole.description()),
					blankToNull(role.description()));
			boolean sameSession = Objects.equals(liveRole.maxSessionDurationSeconds(), role.maxSessionDurationSeconds());
			String settingsArgs = "RoleName=" + roleName + ", Description=" + role.description() + ", MaxSessionDuration="
					+ role.maxSessionDurationSeconds();
			if (sameDescription && sameSession) {
				steps.add(PlannedStep.noChange(IAM, "UpdateRole", roleArn, settingsArgs,
						"description and maximum session already as approved"));
			}
			else {
				String description = (role.description() == null) ? "" : role.description();
				steps.add(PlannedStep.change(IAM, "UpdateRole", roleArn, settingsArgs,
						"set the description and maximum session",
						(w) -> w.updateRole(account, roleName, description, role.maxSessionDurationSeconds())));
			}
			if (role.permissionsBoundaryArn() != null
					&& !role.permissionsBoundaryArn().equals(liveRole.permissionsBoundaryArn())) {
				steps.add(PlannedStep.change(IAM, "PutRolePermissionsBoundary", roleArn,
						"RoleName=" + roleName + ", PermissionsBoundary=" + role.permissionsBoundaryArn(),
						"set the permissions boundary",
						(w) -> w.putRolePermissionsBoundary(account, roleName, role.permissionsBoundaryArn())));
			}
			else if (role.permissionsBoundaryArn() == null && liveRole.permissionsBoundaryArn() != null) {
				steps.add(PlannedStep.noChange(IAM, "DeleteRolePermissionsBoundary", roleArn,
						"PermissionsBoundary=" + liveRole.permissionsBoundaryArn(),
						"the revision names no permissions boundary; the live one is kept"));
			}
			Map<String, String> toTag = new LinkedHashMap<>();
			tags.forEach((key, value) -> {
				if (!value.equals(liveRole.tags().get(key))) {
					toTag.put(key, value);
				}
			});
			List<String> toUntag = liveRole.tags().keySet().stream().filter((key) -> !tags.containsKey(key)).toList();
			if (toTag.isEmpty() && toUntag.isEmpty()) {
				steps.add(PlannedStep.noChange(IAM, "TagRole", roleArn, "Tags=" + tags, "tags already as approved"));
			}
			if (!toTag.isEmpty()) {
				steps.add(PlannedStep.change(IAM, "TagRole", roleArn, "RoleName=" + roleName + ", Tags=" + toTag,
						"set " + toTag.size() + ((toTag.size() == 1) ? " tag" : " tags"),
						(w) -> w.tagRole(account, roleName, toTag)));
			}
			if (!toUntag.isEmpty()) {
				steps.add(PlannedStep.change(IAM, "UntagRole", roleArn, "RoleName=" + roleName + ", TagKeys=" + toUntag,
						"remove tags the revision does not name", (w) -> w.untagRole(account, roleName, toUntag)));
			}
		}

		// Inline policies.
		Map<String, String> liveInline = (liveRole != null) ? liveRole.inlinePolicies() : Map.of();
		Set<String> wantedInline = new LinkedHashSet<>();
		for (FrozenDocuments.Policy policy : target.inline()) {
			wantedInline.add(policy.name());
			String args = "RoleName=" + roleName + ", PolicyName=" + policy.name() + ", PolicyDocument="
					+ size(policy.json());
			if (JsonDocs.samePolicy(liveInline.get(policy.name()), policy.json())) {
				steps.add(PlannedStep.noChange(IAM, "PutRolePolicy", roleArn, args,
						"inline policy " + policy.name() + " already as approved"));
			}
			else {
				steps.add(PlannedStep.change(IAM, "PutRolePolicy", roleArn, args,
						(liveInline.containsKey(policy.name()) ? "replace" : "add") + " inline policy " + policy.name(),
						(w) -> w.putRolePolicy(account, roleName, policy.name(), policy.json())));
			}
		}
		for (String name : liveInline.keySet()) {
			if (!wantedInline.contains(name)) {
				steps.add(PlannedStep.change(IAM, "DeleteRolePolicy", roleArn,
						"RoleName=" + roleName + ", PolicyName=" + name,
						"delete inline policy " + name + ", which the revision does not name",
						(w) -> w.deleteRolePolicy(account, roleName, name)));
			}
		}

		// Customer managed policies and every attachment.
		Set<String> liveAttached = new LinkedHashSet<>();
		if (liveRole != null) {
			liveRole.attachedPolicies().forEach((p) -> liveAttached.add(p.arn()));
		}
		Set<String> wantedAttached = new LinkedHashSet<>();
		for (FrozenDocuments.Policy policy : target.customerManaged()) {
			String arn = target.policyArn(policy);
			wantedAttached.add(arn);
			AwsWriter.ManagedPolicy existing = live.customerPolicies().get(arn);
			if (existing == null) {
				steps.add(PlannedStep.change(IAM, "CreatePolicy", arn,
						"PolicyName=" + policy.name() + ", Path=" + policy.path() + ", PolicyDocument="
								+ size(policy.json()),
						"create customer managed policy " + policy.name(),
						(w) -> w.createPolicy(account, policy.name(), policy.path(), policy.json())));
			}
			else if (JsonDocs.samePolicy(existing.defaultDocument(), policy.json())) {
				steps.add(PlannedStep.noChange(IAM, "CreatePolicyVersion", arn,
						"PolicyArn=" + arn + ", SetAsDefault=true",
						"customer managed policy " + policy.name() + " already as approved (default version "
								+ existing.defaultVersionId() + ")"));
			}
			else {
				if (existing.versions().size() >= MAX_POLICY_VERSIONS) {
					existing.versions()
						.stream()
						.filter((v) -> !v.isDefault())
						.min(Comparator.comparing(AwsWriter.Version::createdAt,
								Comparator.nullsFirst(Comparator.naturalOrder())))
						.ifPresent((oldest) -> steps.add(PlannedStep.change(IAM, "DeletePolicyVersion", arn,
								"PolicyArn=" + arn + ", VersionId=" + oldest.versionId(),
								"delete the oldest non-default version " + oldest.versionId()
										+ " (IAM keeps five versions)",
								(w) -> w.deletePolicyVersion(account, arn, oldest.versionId()))));
				}
				steps.add(PlannedStep.change(IAM, "CreatePolicyVersion", arn,
						"PolicyArn=" + arn + ", SetAsDefault=true, PolicyDocument=" + size(policy.json()),
						"make the approved document the default version of " + policy.name(),
						(w) -> w.createPolicyVersion(account, arn, policy.json())));
			}
		}
		wantedAttached.addAll(docs.awsManagedPolicyArns());
		for (String arn : wantedAttached) {
			String args = "RoleName=" + roleName + ", PolicyArn=" + arn;
			if (liveAttached.contains(arn)) {
				steps.add(PlannedStep.noChange(IAM, "AttachRolePolicy", roleArn, args, arn + " already attached"));
			}
			else {
				steps.add(PlannedStep.change(IAM, "AttachRolePolicy", roleArn, args, "attach " + arn,
						(w) -> w.attachRolePolicy(account, roleName, arn))
					.attaching(arn));
			}
		}
		for (String arn : liveAttached) {
			if (wantedAttached.contains(arn)) {
				continue;
			}
			String args = "RoleName=" + roleName + ", PolicyArn=" + arn;
			if (live.consoleAttached().contains(arn)) {
				steps.add(PlannedStep.change(IAM, "DetachRolePolicy", roleArn, args,
						"detach " + arn + ", which this console attached and the revision no longer names",
						(w) -> w.detachRolePolicy(account, roleName, arn))
					.detaching(arn));
			}
			else {
				steps.add(PlannedStep.noChange(IAM, "DetachRolePolicy", roleArn, args,
						arn + " was attached by hand, not by this console: kept"));
			}
		}

		// The Bedrock role for Canvas.
		if (target.createsBedrockRole()) {
			bedrockRole(steps, target, live.bedrockRole());
		}

		// SageMaker.
		var canvasTargets = docs.canvasTargets();
		String canvas = docs.canvasAppSettingsJson();
		if (canvasTargets != null && canvasTargets.domainId() != null) {
			String domainId = canvasTargets.domainId();
			String region = target.region();
			if (canvasTargets.domainDefault()) {
				var domain = live.domain();
				String liveCanvas = (domain != null) ? domain.canvasAppSettingsJson() : null;
				boolean same = domain != null && roleArn.equals(domain.defaultExecutionRoleArn())
						&& JsonDocs.canvasCovered(liveCanvas, canvas);
				String domainArn = (domain != null) ? domain.arn() : domainId;
				String args = "DomainId=" + domainId + ", DefaultUserSettings.ExecutionRole=" + roleArn
						+ ((canvas == null) ? "" : ", DefaultUserSettings.CanvasAppSettings=" + compact(canvas));
				if (same) {
					steps.add(PlannedStep.noChange(SAGEMAKER, "UpdateDomain", domainArn, args,
							"domain defaults already as approved"));
				}
				else {
					String send = (canvas == null) ? null : JsonDocs.mergeCanvas(liveCanvas, canvas);
					steps.add(PlannedStep.change(SAGEMAKER, "UpdateDomain", domainArn, args,
							"set the domain's default execution role and Canvas settings (other settings kept)",
							(w) -> w.updateDomain(account, region, domainId, roleArn, send)));
				}
			}
			for (String profileName : canvasTargets.userProfiles()) {
				LiveUserProfile profile = live.userProfiles().get(profileName);
				String liveCanvas = (profile != null) ? profile.canvasAppSettingsJson() : null;
				boolean same = profile != null && roleArn.equals(profile.executionRoleArn())
						&& JsonDocs.canvasCovered(liveCanvas, canvas);
				String profileArn = (profile != null) ? profile.arn() : domainId + "/" + profileName;
				String args = "DomainId=" + domainId + ", UserProfileName=" + profileName + ", UserSettings.ExecutionRole="
						+ roleArn + ((canvas == null) ? "" : ", UserSettings.CanvasAppSettings=" + compact(canvas));
				if (same) {
					steps.add(PlannedStep.noChange(SAGEMAKER, "UpdateUserProfile", profileArn, args,
							"user profile " + profileName + " already as approved"));
				}
				else {
					String send = (canvas == null) ? null : JsonDocs.mergeCanvas(liveCanvas, canvas);
					steps.add(PlannedStep.change(SAGEMAKER, "UpdateUserProfile", profileArn, args,
							"set the execution role and Canvas settings of user profile " + profileName
									+ " (other settings kept)",
							(w) -> w.updateUserProfile(account, region, domainId, profileName, roleArn, send)));
				}
			}
		}

		// S3 CORS.
		for (FrozenDocuments.Cors cors : docs.cors()) {
			LiveBucketCors bucket = live.bucketCors().get(cors.bucket());
			String liveRules = (bucket != null) ? bucket.rulesJson() : "[]";
			List<JsonNode> missing = JsonDocs.missingCorsRules(liveRules, cors.json());
			String bucketArn = "arn:" + target.partition() + ":s3:::" + cors.bucket();
			int kept = (bucket != null) ? bucket.ruleCount() : 0;
			if (missing.isEmpty()) {
				steps.add(PlannedStep.noChange(S3, "PutBucketCors", bucketArn, "Bucket=" + cors.bucket(),
						"an equivalent CORS rule already exists (" + cors.purpose() + ")"));
			}
			else {
				String rules = JsonDocs.corsWithAdded(liveRules, missing);
				steps.add(PlannedStep.change(S3, "PutBucketCors", bucketArn,
						"Bucket=" + cors.bucket() + ", CORSRules=" + kept + " kept + " + missing.size() + " added",
						"add the CORS rule for " + cors.purpose() + ", keeping the bucket's " + kept
								+ ((kept == 1) ? " rule" : " rules"),
						(w) -> w.putBucketCors(account, target.region(), cors.bucket(), rules)));
			}
		}
		return steps;
	}

	private static void bedrockRole(List<PlannedStep> steps, Target target, LiveRole live) {
		FrozenDocuments.BedrockRole bedrock = target.documents().bedrockRole();
		String account = target.accountId();
		String name = bedrock.name();
		if (live == null) {
			AwsWriter.RoleSettings settings = new AwsWriter.RoleSettings(name, bedrock.path(),
					"Amazon Bedrock role of SageMaker Canvas, pushed by the ML Governance Console", 3600, null,
					bedrock.trustPolicyJson(), Map.of());
			steps.add(PlannedStep.change(IAM, "CreateRole", bedrock.arn(),
					"RoleName=" + name + ", Path=" + bedrock.path() + ", AssumeRolePolicyDocument="
							+ size(bedrock.trustPolicyJson()),
					"create the Bedrock role for Canvas (trusted by bedrock.amazonaws.com)",
					(w) -> w.createRole(account, settings)));
		}
		else if (JsonDocs.samePolicy(live.trustPolicyJson(), bedrock.trustPolicyJson())) {
			steps.add(PlannedStep.noChange(IAM, "UpdateAssumeRolePolicy", bedrock.arn(), "RoleName=" + name,
					"Bedrock role's trust policy already as approved"));
		}
		else {
			steps.add(PlannedStep.change(IAM, "UpdateAssumeRolePolicy", bedrock.arn(),
					"RoleName=" + name + ", PolicyDocument=" + size(bedrock.trustPolicyJson()),
					"replace the Bedrock role's trust policy",
					(w) -> w.updateAssumeRolePolicy(account, name, bedrock.trustPolicyJson())));
		}
		Set<String> attached = new LinkedHashSet<>();
		if (live != null) {
			live.attachedPolicies().forEach((p) -> attached.add(p.arn()));
		}
		for (String arn : bedrock.managedPolicyArns()) {
			String args = "RoleName=" + name + ", PolicyArn=" + arn;
			if (attached.contains(arn)) {
				steps.add(PlannedStep.noChange(IAM, "AttachRolePolicy", bedrock.arn(), args,
						arn + " already attached to the Bedrock role"));
			}
			else {
				steps.add(PlannedStep.change(IAM, "AttachRolePolicy", bedrock.arn(), args,
						"attach " + arn + " to the Bedrock role", (w) -> w.attachRolePolicy(account, name, arn)));
			}
		}
	}

	private static String size(String json) {
		return "<" + ((json == null) ? 0 : json.length()) + " characters as approved>";
	}

	private static String compact(String json) {
		JsonNode node = JsonDocs.read(json);
		return (node == null) ? "null" : node.toString();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
