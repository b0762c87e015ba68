package org.mlgov.console.policy;

import java.util.List;
import java.util.Map;

/**
 * What an ML administrator asks for: the input of {@link PolicyGenerator}. It is the same object the JSON API takes
 * and the wizard saves in a draft. Fields may be null where a default applies (see {@link #withDefaults()}).
 * <p>
 * Build one with {@link #builder()}, change one with {@link #toBuilder()} or a section wither ({@link #withCanvas},
 * {@link #withBedrock}, …) rather than with the canonical constructor: a new field then touches this file, not every
 * caller. The record's components are its JSON form (the API's and the stored drafts', see
 * {@code docs/stored-formats.md}); a new one must be optional, so that stored drafts and revisions without it are
 * still read.
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
		return toBuilder().partition((this.partition == null) ? "aws" : this.partition)
			.rolePath((this.rolePath == null || this.rolePath.isBlank()) ? DEFAULT_PATH : this.rolePath)
			.tags((this.tags == null) ? List.of() : this.tags)
			.maxSessionDurationSeconds(
					(this.maxSessionDurationSeconds == null) ? DEFAULT_MAX_SESSION : this.maxSessionDurationSeconds)
			.permissionsBoundaryArn((this.permissionsBoundaryArn == null || this.permissionsBoundaryArn.isBlank())
					? null : this.permissionsBoundaryArn)
			.vpc((this.vpc == null) ? new NetworkSettings(null, null) : this.vpc)
			.kms((this.kms == null) ? new EncryptionSettings(null, null) : this.kms)
			.bedrock((this.bedrock == null) ? ModelAccess.unrestricted() : this.bedrock)
			.jumpStart((this.jumpStart == null) ? ModelAccess.unrestricted() : this.jumpStart)
			.canvas((this.canvas == null) ? CanvasSettings.none() : this.canvas)
			.collaboration((this.collaboration == null) ? new CollaborationSettings(false, null) : this.collaboration)
			.evaluation((this.evaluation == null) ? new EvaluationSettings(false, false, null, null, null)
					: this.evaluation)
			.build();
	}

	/** A builder with every field null. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder with this specification's fields, to change some of them. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** A copy with other activities (the persona stays). */
	public RoleSpec withActivities(List<ActivitySelection> newActivities) {
		return toBuilder().activities(newActivities).build();
	}

	/** A copy with another VPC customization (null = off). */
	public RoleSpec withVpc(NetworkSettings newVpc) {
		return toBuilder().vpc(newVpc).build();
	}

	/** A copy with another KMS customization (null = off). */
	public RoleSpec withKms(EncryptionSettings newKms) {
		return toBuilder().kms(newKms).build();
	}

	/** A copy with another Bedrock model governance. */
	public RoleSpec withBedrock(ModelAccess newBedrock) {
		return toBuilder().bedrock(newBedrock).build();
	}

	/** A copy with another JumpStart model governance. */
	public RoleSpec withJumpStart(ModelAccess newJumpStart) {
		return toBuilder().jumpStart(newJumpStart).build();
	}

	/** A copy with other Canvas settings. */
	public RoleSpec withCanvas(CanvasSettings newCanvas) {
		return toBuilder().canvas(newCanvas).build();
	}

	/** A copy with other collaboration settings. */
	public RoleSpec withCollaboration(CollaborationSettings newCollaboration) {
		return toBuilder().collaboration(newCollaboration).build();
	}

	/** A copy with other model-evaluation settings. */
	public RoleSpec withEvaluation(EvaluationSettings newEvaluation) {
		return toBuilder().evaluation(newEvaluation).build();
	}

	public String roleArn() {
		return "arn:" + this.partition + ":iam::" + this.accountId + ":role" + this.rolePath + this.roleName;
	}

	/**
	 * Builds a {@link RoleSpec} field by field; a field not set is null, as in JSON without it. The only place besides
	 * the record itself that lists every field.
	 */
	public static final class Builder {

		private String accountId;

		private String region;

		private String partition;

		private String roleName;

		private String rolePath;

		private String description;

		private List<Tag> tags;

		private Integer maxSessionDurationSeconds;

		private String permissionsBoundaryArn;

		private String persona;

		private List<ActivitySelection> activities;

		private NetworkSettings vpc;

		private EncryptionSettings kms;

		private ModelAccess bedrock;

		private ModelAccess jumpStart;

		private CanvasSettings canvas;

		private CollaborationSettings collaboration;

		private EvaluationSettings evaluation;

		private Builder() {
		}

		private Builder(RoleSpec spec) {
			this.accountId = spec.accountId;
			this.region = spec.region;
			this.partition = spec.partition;
			this.roleName = spec.roleName;
			this.rolePath = spec.rolePath;
			this.description = spec.description;
			this.tags = spec.tags;
			this.maxSessionDurationSeconds = spec.maxSessionDurationSeconds;
			this.permissionsBoundaryArn = spec.permissionsBoundaryArn;
			this.persona = spec.persona;
			this.activities = spec.activities;
			this.vpc = spec.vpc;
			this.kms = spec.kms;
			this.bedrock = spec.bedrock;
			this.jumpStart = spec.jumpStart;
			this.canvas = spec.canvas;
			this.collaboration = spec.collaboration;
			this.evaluation = spec.evaluation;
		}

		public Builder accountId(String accountId) {
			this.accountId = accountId;
			return this;
		}

		public Builder region(String region) {
			this.region = region;
			return this;
		}

		public Builder partition(String partition) {
			this.partition = partition;
			return this;
		}

		public Builder roleName(String roleName) {
			this.roleName = roleName;
			return this;
		}

		public Builder rolePath(String rolePath) {
			this.rolePath = rolePath;
			return this;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder tags(List<Tag> tags) {
			this.tags = tags;
			return this;
		}

		public Builder maxSessionDurationSeconds(Integer maxSessionDurationSeconds) {
			this.maxSessionDurationSeconds = maxSessionDurationSeconds;
			return this;
		}

		public Builder permissionsBoundaryArn(String permissionsBoundaryArn) {
			this.permissionsBoundaryArn = permissionsBoundaryArn;
			return this;
		}

		public Builder persona(String persona) {
			this.persona = persona;
			return this;
		}

		public Builder activities(List<ActivitySelection> activities) {
			this.activities = activities;
			return this;
		}

		public Builder vpc(NetworkSettings vpc) {
			this.vpc = vpc;
			return this;
		}

		public Builder kms(EncryptionSettings kms) {
			this.kms = kms;
			return this;
		}

		public Builder bedrock(ModelAccess bedrock) {
			this.bedrock = bedrock;
			return this;
		}

		public Builder jumpStart(ModelAccess jumpStart) {
			this.jumpStart = jumpStart;
			return this;
		}

		public Builder canvas(CanvasSettings canvas) {
			this.canvas = canvas;
			return this;
		}

		public Builder collaboration(CollaborationSettings collaboration) {
			this.collaboration = collaboration;
			return this;
		}

		public Builder evaluation(EvaluationSettings evaluation) {
			this.evaluation = evaluation;
			return this;
		}

		public RoleSpec build() {
			return new RoleSpec(this.accountId, this.region, this.partition, this.roleName, this.rolePath,
					this.description, this.tags, this.maxSessionDurationSeconds, this.permissionsBoundaryArn,
					this.persona, this.activities, this.vpc, this.kms, this.bedrock, this.jumpStart, this.canvas,
					this.collaboration, this.evaluation);
		}

	}

}
