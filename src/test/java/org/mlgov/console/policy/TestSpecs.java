package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EncryptionSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.NetworkSettings;
import org.mlgov.console.policy.RoleSpec.Scope;

/** Specifications the tests and the benchmark build. */
public final class TestSpecs {

	public static final String ACCOUNT = "111122223333";

	public static final String REGION = "us-east-1";

	public static final String COMPUTE_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	public static final String DATA_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	public static final String VOLUME_KEY = "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";

	private TestSpecs() {
	}

	/** A role with no activity and nothing else: the starting point of the seed scenarios. */
	public static RoleSpec bare(String persona) {
		return RoleSpec.builder()
			.accountId(ACCOUNT)
			.region(REGION)
			.partition("aws")
			.roleName("SageMaker-Test")
			.persona(persona)
			.activities(List.of())
			.build();
	}

	/**
	 * A builder of a role in {@link #ACCOUNT} and {@link #REGION} with the custom persona (no activity preselected),
	 * the partition left to its default, and nothing else set yet.
	 */
	public static RoleSpec.Builder custom(String roleName) {
		return RoleSpec.builder().accountId(ACCOUNT).region(REGION).roleName(roleName).persona("custom");
	}

	/**
	 * Every activity of the catalogue (its 7 Canvas activities attach 6 AWS managed policies), VPC and KMS, Studio
	 * Classic sharing and both evaluation kinds as documented, with {@code buckets} S3 buckets: a role that needs
	 * more than the default 10 attachments once it has about 100 buckets.
	 */
	public static RoleSpec everyActivity(String roleName, int buckets, ModelAccess bedrock, ModelAccess jumpStart) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < buckets; i++) {
			names.add("ml-team-data-bucket-" + i);
		}
		List<ActivitySelection> activities = new ArrayList<>();
		for (ActivityDefinition activity : CatalogLoader.loadDefault().activities()) {
			activities.add(new ActivitySelection(activity.id(), activity.id().equals("s3-bucket-access")
					? Map.of("S3Buckets", names) : parametersFor(activity.id())));
		}
		return custom(roleName).activities(activities)
			.vpc(vpc())
			.kms(kms())
			.bedrock(bedrock)
			.jumpStart(jumpStart)
			.collaboration(new CollaborationSettings(true, Scope.AS_DOCUMENTED))
			.evaluation(new EvaluationSettings(true, true, List.of("eval-bucket"), null, Scope.AS_DOCUMENTED))
			.build();
	}

	/** Parameters that satisfy every activity that needs them. */
	public static Map<String, List<String>> parametersFor(String activityId) {
		return switch (activityId) {
			case "access-aws-services" -> Map.of("S3Buckets", List.of("ml-data-bucket", "ml-output-bucket"),
					"ECRRepoArns", List.of("arn:aws:ecr:us-east-1:111122223333:repository/training-images"));
			case "run-studio-apps", "manage-jobs", "manage-models", "manage-pipelines", "monitor-models" ->
				Map.of("PassRoles", List.of(COMPUTE_ROLE));
			case "s3-bucket-access" -> Map.of("S3Buckets", List.of("ml-data-bucket", "ml-output-bucket"));
			case "query-athena-workgroups" -> Map.of("WorkGroupNames", List.of("primary", "analysts"));
			case "manage-glue-tables" -> Map.of("S3Buckets", List.of("ml-data-bucket"), "GlueDbNames",
					List.of("features", "raw_events"));
			default -> Map.of();
		};
	}

	public static List<ActivitySelection> activities(String... ids) {
		List<ActivitySelection> out = new ArrayList<>();
		for (String id : ids) {
			out.add(new ActivitySelection(id, parametersFor(id)));
		}
		return out;
	}

	public static NetworkSettings vpc() {
		return new NetworkSettings(List.of("subnet-0a1b2c3d4e5f67890", "subnet-0123456789abcdef0"),
				List.of("sg-0123456789abcdef0"));
	}

	public static EncryptionSettings kms() {
		return new EncryptionSettings(List.of(DATA_KEY), List.of(VOLUME_KEY));
	}

	public static CanvasSettings allCanvas() {
		return new CanvasSettings(true, true, RoleSpec.BedrockRoleChoice.CREATE, null, null, true, true, null, true,
				null, true, null);
	}

	/** The data-scientist persona with every activity, VPC, KMS, guardrails, every Canvas feature and evaluation. */
	public static RoleSpec dataScientistEverything() {
		List<ActivitySelection> selection = activities("run-studio-apps", "manage-jobs", "manage-models",
				"manage-experiments", "visualize-experiments", "s3-bucket-access", "canvas-core-access");
		return RoleSpec.builder()
			.accountId(ACCOUNT)
			.region(REGION)
			.partition("aws")
			.roleName("SageMaker-DataScientist")
			.description("Data scientists of team A")
			.tags(List.of(new RoleSpec.Tag("team", "a"), new RoleSpec.Tag("cost-center", "1234")))
			.maxSessionDurationSeconds(7200)
			.persona("data-scientist")
			.activities(selection)
			.vpc(vpc())
			.kms(kms())
			.bedrock(new ModelAccess(AccessMode.ALLOW_LISTED,
					List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.titan-text-express-v1",
							"meta.llama3-70b-instruct-v1:0"),
					List.of(), null))
			.jumpStart(new ModelAccess(AccessMode.DENY_LISTED, List.of(),
					List.of("huggingface-textgeneration1-mpt-7b-*", "huggingface-text2text-flan-t5-*"), null))
			.canvas(allCanvas())
			.collaboration(new CollaborationSettings(true, null))
			.evaluation(new EvaluationSettings(true, true, List.of("ml-eval-bucket"), null, null))
			.build();
	}

}
