package org.mlgov.console.policy;

import java.util.List;
import java.util.Map;

/**
 * What an ML administrator asks for: the input of {@link PolicyGenerator}. It is the same object the JSON API takes
 * and the wizard saves in a draft. Fields may be null where a default applies (see {@link #withDefaults()}).
 *
 * @param accountId the 12-digit AWS account of the role
 * @param region the Region of the SageMaker domain (used in ARNs and source-ARN conditions)
 * @param partition aws, aws-cn or aws-us-gov (default aws)
 * @param roleName the IAM role name
 * @param rolePath the IAM role path (default {@code /service-role/}, as Role Manager creates roles)
 * @param persona a catalogue persona id; its activities are used when {@code activities} is null
 * @param activities the selected ML activities with their list parameters
 * @param vpc VPC customization applied to every activity with a VPC variant (null = off)
 * @param kms KMS customization applied to every activity with a KMS variant (null = off)
 * @param bedrock which Bedrock foundation models Canvas users may invoke
 * @param jumpStart which JumpStart models Canvas users may deploy
 */
public record RoleSpec(String accountId, String region, String partition, String roleName, String rolePath,
		String description, List<Tag> tags, Integer maxSessionDurationSeconds, String permissionsBoundaryArn,
		String persona, List<ActivitySelection> activities, NetworkSettings vpc, EncryptionSettings kms,
		ModelAccess bedrock, ModelAccess jumpStart, CanvasSettings canvas, CollaborationSettings collaboration,
		EvaluationSettings evaluation) {

	public static final String DEFAULT_PATH = "/service-role/";

	public static final int DEFAULT_MAX_SESSION = 3600;

	/** An IAM tag. */
	public record Tag(String key, String value) {
	}

	/** One selected activity and its list parameters, keyed by placeholder name (S3Buckets, PassRoles, …). */
	public record ActivitySelection(String id, Map<String, List<String>> parameters) {

		public ActivitySelection {
			parameters = (parameters == null) ? Map.of() : parameters;
		}

		public List<String> values(String placeholder) {
			List<String> values = this.parameters.get(placeholder);
			return (values == null) ? List.of() : values;
		}

	}

	/** Subnets and security groups that every VPC-capable create action is bound to. */
	public record NetworkSettings(List<String> subnetIds, List<String> securityGroupIds) {

		public NetworkSettings {
			subnetIds = (subnetIds == null) ? List.of() : subnetIds;
			securityGroupIds = (securityGroupIds == null) ? List.of() : securityGroupIds;
		}

		public boolean enabled() {
			return !this.subnetIds.isEmpty() || !this.securityGroupIds.isEmpty();
		}

	}

	/** KMS key ARNs for data (S3 output) and for ML storage volumes. */
	public record EncryptionSettings(List<String> dataKeyArns, List<String> volumeKeyArns) {

		public EncryptionSettings {
			dataKeyArns = (dataKeyArns == null) ? List.of() : dataKeyArns;
			volumeKeyArns = (volumeKeyArns == null) ? List.of() : volumeKeyArns;
		}

		public boolean enabled() {
			return !this.dataKeyArns.isEmpty() || !this.volumeKeyArns.isEmpty();
		}

	}

	/** The four ways of governing a model family, as in the Canvas governance blog post. */
	public enum AccessMode {

		/** No guardrail statement: whatever the attached policies allow. */
		NO_RESTRICTION,
		/** An explicit Deny of every model. */
		DENY_ALL,
		/** An explicit Deny of the listed models ({@code denied}). */
		DENY_LISTED,
		/** An explicit Deny of everything except the listed models ({@code allowed}), plus an optional deny list. */
		ALLOW_LISTED

	}

	/**
	 * Model governance for Bedrock or JumpStart. Entries are full model ids, or patterns with {@code *} where the
	 * family allows it ({@code cohere.command-text-*}). {@code denyFineTuning} (Bedrock only, default true) extends
	 * the guardrail to {@code bedrock:CreateModelCustomizationJob}, the IAM action behind Canvas fine-tuning.
	 */
	public record ModelAccess(AccessMode mode, List<String> allowed, List<String> denied, Boolean denyFineTuning) {

		public ModelAccess {
			mode = (mode == null) ? AccessMode.NO_RESTRICTION : mode;
			allowed = (allowed == null) ? List.of() : allowed;
			denied = (denied == null) ? List.of() : denied;
		}

		public static ModelAccess unrestricted() {
			return new ModelAccess(AccessMode.NO_RESTRICTION, List.of(), List.of(), null);
		}

		public boolean fineTuningDenied() {
			return this.denyFineTuning == null || this.denyFineTuning;
		}

	}

	/** How Canvas gets the role that Bedrock assumes for fine-tuning. */
	public enum BedrockRoleChoice {

		/** The execution role itself (it trusts bedrock.amazonaws.com). */
		EXECUTION_ROLE,
		/** A new role the console creates, trusted by bedrock.amazonaws.com. */
		CREATE,
		/** An existing role, by ARN. */
		EXISTING

	}

	/** Canvas settings: the IAM side and the SageMaker {@code CanvasAppSettings} are both derived from these. */
	public record CanvasSettings(boolean readyToUseModels, boolean generativeAi, BedrockRoleChoice bedrockRole,
			String bedrockRoleArn, String bedrockRoleName, boolean directDeployment, boolean timeSeriesForecasting,
			String forecastRoleArn, boolean modelRegistration, String crossAccountModelRegisterRoleArn,
			boolean localFileUpload, String canvasBucket) {

		public CanvasSettings {
			bedrockRole = (bedrockRole == null) ? BedrockRoleChoice.EXECUTION_ROLE : bedrockRole;
		}

		public static CanvasSettings none() {
			return new CanvasSettings(false, false, null, null, null, false, false, null, false, null, false, null);
		}

		public boolean anyEnabled() {
			return this.readyToUseModels || this.generativeAi || this.directDeployment || this.timeSeriesForecasting
					|| this.modelRegistration || this.localFileUpload;
		}

	}

	/**
	 * How far a documented statement on {@code "Resource": "*"} is narrowed. {@code AS_DOCUMENTED} reproduces the AWS
	 * page; {@code NARROWED} (the default) scopes it to the role's account, Region and named buckets.
	 */
	public enum Scope {

		AS_DOCUMENTED, NARROWED

	}

	/** Studio Classic ↔ Canvas model sharing. */
	public record CollaborationSettings(boolean studioClassicModelSharing, Scope scope) {

		public CollaborationSettings {
			scope = (scope == null) ? Scope.NARROWED : scope;
		}

	}

	/** Bedrock model-evaluation console permissions and the S3 CORS rule for its buckets. */
	public record EvaluationSettings(boolean automatic, boolean human, List<String> corsBuckets,
			List<String> corsAllowedOrigins, Scope s3Scope) {

		public EvaluationSettings {
			corsBuckets = (corsBuckets == null) ? List.of() : corsBuckets;
			corsAllowedOrigins = (corsAllowedOrigins == null || corsAllowedOrigins.isEmpty()) ? List.of("*")
					: corsAllowedOrigins;
			s3Scope = (s3Scope == null) ? Scope.NARROWED : s3Scope;
		}

		public boolean enabled() {
			return this.automatic || this.human;
		}

	}

	/** A copy with every optional part filled in, so the generator never sees null sections. */
	public RoleSpec withDefaults() {
		return new RoleSpec(this.accountId, this.region, (this.partition == null) ? "aws" : this.partition,
				this.roleName, (this.rolePath == null || this.rolePath.isBlank()) ? DEFAULT_PATH : this.rolePath,
				this.description, (this.tags == null) ? List.of() : this.tags,
				(this.maxSessionDurationSeconds == null) ? DEFAULT_MAX_SESSION : this.maxSessionDurationSeconds,
				(this.permissionsBoundaryArn == null || this.permissionsBoundaryArn.isBlank()) ? null
						: this.permissionsBoundaryArn,
				this.persona, this.activities, (this.vpc == null) ? new NetworkSettings(null, null) : this.vpc,
				(this.kms == null) ? new EncryptionSettings(null, null) : this.kms,
				(this.bedrock == null) ? ModelAccess.unrestricted() : this.bedrock,
				(this.jumpStart == null) ? ModelAccess.unrestricted() : this.jumpStart,
				(this.canvas == null) ? CanvasSettings.none() : this.canvas,
				(this.collaboration == null) ? new CollaborationSettings(false, null) : this.collaboration,
				(this.evaluation == null) ? new EvaluationSettings(false, false, null, null, null) : this.evaluation);
	}

	public String roleArn() {
		return "arn:" + this.partition + ":iam::" + this.accountId + ":role" + this.rolePath + this.roleName;
	}

}
