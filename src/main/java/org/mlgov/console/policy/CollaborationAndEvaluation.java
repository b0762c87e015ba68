package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.Scope;

/**
 * Studio Classic model sharing (the SageMaker guide's inline policy) and the Bedrock console permissions for model
 * evaluation jobs with their S3 CORS rule (the Bedrock guide). {@link Scope#AS_DOCUMENTED} reproduces the pages
 * statement for statement; {@link Scope#NARROWED} names the resources the pages leave at {@code *}.
 */
final class CollaborationAndEvaluation {

	static final List<String> SHARED_MODEL_ACTIONS = List.of("sagemaker:CreateSharedModel",
			"sagemaker:DescribeSharedModel", "sagemaker:ListSharedModelEvents", "sagemaker:ListSharedModels",
			"sagemaker:ListSharedModelVersions", "sagemaker:SendSharedModelEvent", "sagemaker:UpdateSharedModel");

	static final List<String> EVALUATION_BEDROCK_ACTIONS = List.of("bedrock:CreateEvaluationJob",
			"bedrock:GetEvaluationJob", "bedrock:ListEvaluationJobs", "bedrock:StopEvaluationJob",
			"bedrock:GetCustomModel", "bedrock:ListCustomModels", "bedrock:CreateProvisionedModelThroughput",
			"bedrock:UpdateProvisionedModelThroughput", "bedrock:GetProvisionedModelThroughput",
			"bedrock:ListProvisionedModelThroughputs", "bedrock:ListTagsForResource", "bedrock:UntagResource",
			"bedrock:TagResource");

	static final List<String> EVALUATION_S3_ACTIONS = List.of("s3:GetObject", "s3:GetBucketCORS", "s3:ListBucket",
			"s3:ListBucketVersions", "s3:GetBucketLocation");

	static final List<String> HUMAN_COGNITO_ACTIONS = List.of("cognito-idp:CreateUserPool",
			"cognito-idp:CreateUserPoolClient", "cognito-idp:CreateGroup", "cognito-idp:AdminCreateUser",
			"cognito-idp:AdminAddUserToGroup", "cognito-idp:CreateUserPoolDomain", "cognito-idp:UpdateUserPool",
			"cognito-idp:ListUsersInGroup", "cognito-idp:ListUsers", "cognito-idp:AdminRemoveUserFromGroup");

	static final List<String> HUMAN_SAGEMAKER_ACTIONS = List.of("sagemaker:CreateFlowDefinition",
			"sagemaker:CreateWorkforce", "sagemaker:CreateWorkteam", "sagemaker:DescribeFlowDefinition",
			"sagemaker:DescribeHumanLoop", "sagemaker:ListFlowDefinitions", "sagemaker:ListHumanLoops",
			"sagemaker:DescribeWorkforce", "sagemaker:DescribeWorkteam", "sagemaker:ListWorkteams",
			"sagemaker:ListWorkforces", "sagemaker:DeleteFlowDefinition", "sagemaker:DeleteHumanLoop",
			"sagemaker:RenderUiTemplate", "sagemaker:StartHumanLoop", "sagemaker:StopHumanLoop");

	/** The minimal CORS rule the Bedrock guide requires on every bucket a console evaluation job uses. */
	static BucketCors.CorsRule evaluationRule(List<String> origins) {
		return new BucketCors.CorsRule(List.of("*"), List.of("GET", "PUT", "POST", "DELETE"), origins,
				List.of("Access-Control-Allow-Origin"));
	}

	private final GenerationContext context;

	CollaborationAndEvaluation(GenerationContext context) {
		this.context = context;
	}

	List<Statement> sharing(CollaborationSettings settings) {
		if (!settings.studioClassicModelSharing()) {
			return List.of();
		}
		if (settings.scope() == Scope.AS_DOCUMENTED) {
			return List.of(Statement.allow("sharing", SHARED_MODEL_ACTIONS, List.of("*")).withSid("StudioClassicModelSharing"));
		}
		RoleSpec spec = this.context.spec();
		String sharedModels = this.context.arn("sagemaker", spec.region(), spec.accountId(), "shared-model/*");
		String sharedEvents = this.context.arn("sagemaker", spec.region(), spec.accountId(), "shared-model-event/*");
		return List.of(
				Statement.allow("sharing", List.of("sagemaker:CreateSharedModel", "sagemaker:DescribeSharedModel",
						"sagemaker:UpdateSharedModel", "sagemaker:ListSharedModelVersions"), List.of(sharedModels))
					.withSid("StudioClassicSharedModels"),
				Statement.allow("sharing", List.of("sagemaker:SendSharedModelEvent"), List.of(sharedEvents))
					.withSid("StudioClassicSharedModelEvents"),
				Statement.allow("sharing", List.of("sagemaker:ListSharedModels", "sagemaker:ListSharedModelEvents"),
						List.of("*"))
					.withSid("StudioClassicSharedModelLists"));
	}

	List<Statement> evaluation(EvaluationSettings settings) {
		if (!settings.enabled()) {
			return List.of();
		}
		List<Statement> out = new ArrayList<>();
		// Human-based jobs need the automatic-job permissions as their base.
		out.add(Statement.allow("evaluation", EVALUATION_BEDROCK_ACTIONS, List.of("*")).withSid("BedrockConsole"));
		if (settings.s3Scope() == Scope.AS_DOCUMENTED || settings.corsBuckets().isEmpty()) {
			out.add(Statement.allow("evaluation", EVALUATION_S3_ACTIONS, List.of("*"))
				.withSid("AllowConsoleS3AccessForModelEvaluation"));
		}
		else {
			String p = this.context.partition();
			List<String> buckets = settings.corsBuckets().stream().map((b) -> "arn:" + p + ":s3:::" + b).toList();
			List<String> objects = settings.corsBuckets().stream().map((b) -> "arn:" + p + ":s3:::" + b + "/*").toList();
			out.add(Statement.allow("evaluation", List.of("s3:GetObject"), objects)
				.withSid("AllowConsoleS3ObjectsForModelEvaluation"));
			out.add(Statement.allow("evaluation", List.of("s3:GetBucketCORS", "s3:ListBucket",
					"s3:ListBucketVersions", "s3:GetBucketLocation"), buckets)
				.withSid("AllowConsoleS3AccessForModelEvaluation"));
		}
		if (settings.human()) {
			out.add(Statement.allow("evaluation", HUMAN_COGNITO_ACTIONS, List.of("*"))
				.withSid("AllowCognitionActionsForWorkTeamCreations"));
			out.add(Statement.allow("evaluation", HUMAN_SAGEMAKER_ACTIONS, List.of("*"))
				.withSid("AllowSageMakerResourceCreation"));
		}
		return out;
	}

}
