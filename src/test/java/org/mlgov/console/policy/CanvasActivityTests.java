package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Canvas activities of the catalogue, each selected alone: it attaches exactly its AWS managed policies (ARNs as
 * AWS publishes them, two of them under {@code service-role/}), adds exactly its services to the trust policy (Bedrock
 * and Forecast with {@code aws:SourceAccount}, SageMaker with {@code aws:SourceArn}) and nothing else: no permission
 * policy, no Canvas settings, no Bedrock role, no CORS rule, no finding. The expectations are written here from AWS's
 * documentation, not read from the catalogue.
 */
class CanvasActivityTests {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final String SAGEMAKER_TRUST = """
			{"Sid": "SageMakerAssumeRole", "Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"},
			 "Action": "sts:AssumeRole",
			 "Condition": {"ArnLike": {"aws:SourceArn": "arn:%s:sagemaker:%s:111122223333:*"}}}""";

	static final String BEDROCK_TRUST = """
			{"Sid": "BedrockAssumeRole", "Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"},
			 "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}""";

	static final String FORECAST_TRUST = """
			{"Sid": "ForecastAssumeRole", "Effect": "Allow", "Principal": {"Service": "forecast.amazonaws.com"},
			 "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}""";

	static Stream<Arguments> canvasActivities() {
		return Stream.of(
				Arguments.of("canvas-core-access", List.of("policy/AmazonSageMakerCanvasFullAccess"), List.of()),
				Arguments.of("canvas-data-prep", List.of("policy/AmazonSageMakerCanvasDataPrepFullAccess"), List.of()),
				Arguments.of("canvas-ai-services", List.of("policy/AmazonSageMakerCanvasAIServicesAccess"), List.of()),
				Arguments.of("canvas-bedrock", List.of("policy/AmazonSageMakerCanvasBedrockAccess"),
						List.of(BEDROCK_TRUST)),
				Arguments.of("canvas-forecasting", List.of("policy/service-role/AmazonSageMakerCanvasForecastAccess"),
						List.of(FORECAST_TRUST)),
				Arguments.of("canvas-direct-deploy",
						List.of("policy/service-role/AmazonSageMakerCanvasDirectDeployAccess"), List.of()),
				Arguments.of("canvas-mlops", List.of("policy/service-role/AmazonSageMakerCanvasDirectDeployAccess"),
						List.of()));
	}

	static RoleSpec only(String activityId, String partition, String region) {
		return TestSpecs.custom("SageMaker-Canvas")
			.region(region)
			.partition(partition)
			.activities(TestSpecs.activities(activityId))
			.build();
	}

	static List<String> expectedTrust(String partition, String region, List<String> extra) {
		List<String> statements = new ArrayList<>();
		String sageMaker = SAGEMAKER_TRUST.formatted(partition, region);
		statements.add(SemanticPolicy.canonical(SemanticPolicy.parse(sageMaker), true));
		extra.forEach((json) -> statements.add(SemanticPolicy.canonical(SemanticPolicy.parse(json), true)));
		return statements;
	}

	static List<String> trustStatements(GenerationResult result) {
		JsonNode trust = SemanticPolicy.parse(result.role().trustPolicyJson());
		assertThat(trust.get("Version").asString()).isEqualTo("2012-10-17");
		return SemanticPolicy.statements(trust).stream().map((s) -> SemanticPolicy.canonical(s, true)).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("canvasActivities")
	void attachesItsManagedPoliciesAndTrustsItsServicesAndNothingElse(String activityId, List<String> policies,
			List<String> trust) {
		GenerationResult result = new PolicyGenerator(CATALOG).generate(only(activityId, "aws", TestSpecs.REGION));
		assertThat(result.awsManagedPolicyArns())
			.containsExactlyElementsOf(policies.stream().map((p) -> "arn:aws:iam::aws:" + p).toList());
		// SageMaker first, then Bedrock or Forecast: in this order.
		assertThat(trustStatements(result)).containsExactlyElementsOf(expectedTrust("aws", TestSpecs.REGION, trust));
		assertThat(result.policies()).isEmpty();
		assertThat(result.canvasAppSettingsJson()).isNull();
		assertThat(result.bedrockRole()).isNull();
		assertThat(result.cors()).isEmpty();
		assertThat(result.findings()).isEmpty();
		assertThat(result.attachedPolicyCount()).isEqualTo(policies.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("canvasActivities")
	void inTheChinaPartitionTheArnsAreThatPartitions(String activityId, List<String> policies, List<String> trust) {
		GenerationResult result = new PolicyGenerator(CATALOG).generate(only(activityId, "aws-cn", "cn-north-1"));
		assertThat(result.awsManagedPolicyArns())
			.containsExactlyElementsOf(policies.stream().map((p) -> "arn:aws-cn:iam::aws:" + p).toList());
		assertThat(trustStatements(result)).containsExactlyElementsOf(expectedTrust("aws-cn", "cn-north-1", trust));
	}

	@Test
	void theTestsCoverEveryCanvasActivityOfTheCatalogue() {
		List<String> catalogue = CATALOG.activities()
			.stream()
			.filter((a) -> a.kind() == ActivityKind.CANVAS)
			.map(ActivityDefinition::id)
			.toList();
		assertThat(canvasActivities().map((a) -> (String) a.get()[0]).toList())
			.containsExactlyInAnyOrderElementsOf(catalogue);
	}

	@Test
	void allTogetherAttachEachPolicyOnceAndTrustAllThreeServices() {
		List<String> ids = canvasActivities().map((a) -> (String) a.get()[0]).toList();
		RoleSpec spec = TestSpecs.custom("SageMaker-Canvas")
			.activities(TestSpecs.activities(ids.toArray(String[]::new)))
			.build();
		GenerationResult result = new PolicyGenerator(CATALOG).generate(spec);
		assertThat(result.awsManagedPolicyArns()).containsExactly(
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess",
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasDataPrepFullAccess",
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess",
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess",
				"arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasForecastAccess",
				"arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasDirectDeployAccess");
		assertThat(trustStatements(result)).containsExactlyElementsOf(
				expectedTrust("aws", TestSpecs.REGION, List.of(BEDROCK_TRUST, FORECAST_TRUST)));
		assertThat(result.policies()).isEmpty();
		assertThat(result.findings()).isEmpty();
	}

}
