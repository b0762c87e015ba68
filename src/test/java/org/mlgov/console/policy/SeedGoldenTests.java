package org.mlgov.console.policy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Scope;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlgov.console.policy.SemanticPolicy.canonicalStatements;
import static org.mlgov.console.policy.SemanticPolicy.parse;
import static org.mlgov.console.policy.SemanticPolicy.seed;

/**
 * For every JSON document of the seed pages, a specification that asks for the same thing produces a semantically
 * equal document. Where a page is wrong or loose, the expected document is the seed with a named correction applied
 * in {@link SeedExpectations}, so each deviation from the page is visible and justified in one place (the JSON API's
 * tests expect the same documents).
 */
class SeedGoldenTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private final PolicyGenerator generator = new PolicyGenerator(CATALOG);

	private static RoleSpec guardrails(ModelAccess bedrock, ModelAccess jumpStart) {
		return TestSpecs.bare("custom").toBuilder().bedrock(bedrock).jumpStart(jumpStart).build();
	}

	private static JsonNode guardrailPolicy(GenerationResult result) {
		GeneratedPolicy policy = result.inlinePolicies().get(0);
		assertThat(policy.name()).isEqualTo("ModelAccessGuardrails");
		return parse(policy.json());
	}

	private static void assertSame(JsonNode expected, JsonNode actual) {
		assertThat(actual.get("Version").asString()).isEqualTo("2012-10-17");
		assertThat(canonicalStatements(actual, false)).containsExactlyElementsOf(canonicalStatements(expected, false));
	}

	@Test
	void bedrockDenyAllIsTheSeedStatement() {
		GenerationResult result = this.generator
			.generate(guardrails(new ModelAccess(AccessMode.DENY_ALL, null, null, false), null));
		assertSame(SeedExpectations.bedrockDenyAll(), guardrailPolicy(result));
		assertThat(result.blocked()).isFalse();
	}

	@Test
	void bedrockDenyAllAlsoDeniesFineTuningWhenAsked() {
		GenerationResult result = this.generator
			.generate(guardrails(new ModelAccess(AccessMode.DENY_ALL, null, null, true), null));
		assertSame(SeedExpectations.bedrockDenyAllAndFineTuning(), guardrailPolicy(result));
		assertThat(result.inlinePolicies().get(0).json()).doesNotContain("FineTune");
	}

	@Test
	void bedrockDenyListedUsesFullModelIdsAndCoversInferenceProfiles() {
		GenerationResult result = this.generator.generate(guardrails(new ModelAccess(AccessMode.DENY_LISTED, null,
				List.of(SeedExpectations.BEDROCK_DENIED), false), null));
		assertThat(seed("bedrock-deny-listed.json").at("/Statement/0/Resource/0").asString())
			.isEqualTo("arn:aws:bedrock:*::foundation-model/j2-mid-v1");
		assertSame(SeedExpectations.bedrockDenyListed(), guardrailPolicy(result));
	}

	@Test
	void jumpStartDenyAllWritesTheValidNullValue() {
		GenerationResult result = this.generator
			.generate(guardrails(null, new ModelAccess(AccessMode.DENY_ALL, null, null, null)));
		// The post writes "Null": {"…jumpstart-model-id": "*"}; Null only takes "true"/"false". "false" = tag present.
		assertThat(seed("jumpstart-deny-all.json").at("/Statement/0/Condition/Null")
			.get(ModelGuardrails.JUMPSTART_TAG)
			.asString()).isEqualTo("*");
		JsonNode actual = guardrailPolicy(result);
		assertSame(SeedExpectations.jumpStartDenyAll(), actual);
		assertThat(actual.at("/Statement/0/Condition/Null").get(ModelGuardrails.JUMPSTART_TAG).asString())
			.isEqualTo("false");
	}

	@Test
	void theSeedsNullValueIsRejectedByTheValidityCheck() {
		PolicyDocument seedForm = new PolicyDocument(List.of(Statement
			.deny("seed", ModelGuardrails.JUMPSTART_DEPLOY, List.of("*"))
			.withCondition("Null", ModelGuardrails.JUMPSTART_TAG, List.of("*"))));
		List<Finding> findings = new ServiceAuthorizationCheck(CATALOG.serviceAuthorization()).check("seed", seedForm,
				"aws");
		assertThat(findings).extracting(Finding::code).containsExactly("INVALID_NULL_CONDITION");
	}

	@Test
	void jumpStartDenyListedIsTheSeedStatement() {
		GenerationResult result = this.generator.generate(guardrails(null,
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of(SeedExpectations.JUMPSTART_DENIED), null)));
		assertSame(SeedExpectations.jumpStartDenyListed(), guardrailPolicy(result));
	}

	@Test
	void studioClassicSharingAsDocumented() {
		RoleSpec spec = withSections(null, new CollaborationSettings(true, Scope.AS_DOCUMENTED), null);
		GenerationResult result = this.generator.generate(spec);
		assertSame(SeedExpectations.studioClassicSharing(), onlyPolicy(result));
	}

	@Test
	void automaticEvaluationAsDocumented() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(true, false, List.of("eval-bucket"), null, Scope.AS_DOCUMENTED));
		GenerationResult result = this.generator.generate(spec);
		assertThat(canonicalStatements(onlyPolicy(result), true))
			.containsExactlyElementsOf(canonicalStatements(SeedExpectations.automaticEvaluation(), true));
	}

	@Test
	void humanEvaluationAppendsTheHumanPolicyToTheAutomaticOne() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(false, true, List.of("eval-bucket"), null, Scope.AS_DOCUMENTED));
		GenerationResult result = this.generator.generate(spec);
		assertThat(canonicalStatements(onlyPolicy(result), true))
			.containsExactlyElementsOf(canonicalStatements(SeedExpectations.humanEvaluation(), true));
	}

	@Test
	void evaluationCorsRuleIsTheSeedRule() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(true, false, List.of("eval-bucket", "eval-results"), null, null));
		GenerationResult result = this.generator.generate(spec);
		assertThat(result.cors()).extracting(BucketCors::bucket).containsExactly("eval-bucket", "eval-results");
		for (BucketCors cors : result.cors()) {
			assertThat(parse(cors.json())).isEqualTo(SeedExpectations.evaluationCors());
		}
		assertThat(result.findings()).filteredOn((f) -> f.code().equals("CORS_WILDCARD_ORIGIN")).hasSize(2);
	}

	@Test
	void canvasBedrockAttachesThePolicyAndTrustsBedrock() {
		CanvasSettings canvas = new CanvasSettings(true, true, null, null, null, false, false, null, false, null,
				false, null);
		GenerationResult result = this.generator.generate(withSections(canvas, null, null));
		assertThat(result.awsManagedPolicyArns()).contains(
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess",
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess");
		JsonNode trust = parse(result.role().trustPolicyJson());
		JsonNode expectedBedrock = SeedExpectations.canvasBedrockRoleTrust().get("Statement").get(0);
		assertThat(canonicalStatements(trust, true)).contains(SemanticPolicy.canonical(expectedBedrock, true));
		// The execution role itself is Canvas's Bedrock role unless another is chosen.
		assertThat(parse(result.canvasAppSettingsJson()).at("/GenerativeAiSettings/AmazonBedrockRoleArn").asString())
			.isEqualTo(result.role().arn());
	}

	@Test
	void canvasCreatesASeparateBedrockRoleLikeTheConsole() {
		CanvasSettings canvas = new CanvasSettings(true, true, RoleSpec.BedrockRoleChoice.CREATE, null, null, false,
				false, null, false, null, false, null);
		GenerationResult result = this.generator.generate(withSections(canvas, null, null));
		BedrockRoleDefinition role = result.bedrockRole();
		assertThat(role.create()).isTrue();
		assertThat(role.path()).isEqualTo("/service-role/");
		assertThat(role.name()).isEqualTo("AmazonSagemakerCanvasBedrockRole-SageMaker-Test");
		assertThat(role.managedPolicyArns())
			.containsExactly("arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess");
		assertThat(canonicalStatements(parse(role.trustPolicyJson()), true))
			.containsExactlyElementsOf(canonicalStatements(SeedExpectations.canvasBedrockRoleTrust(), true));
		assertThat(parse(result.canvasAppSettingsJson()).at("/GenerativeAiSettings/AmazonBedrockRoleArn").asString())
			.isEqualTo(role.arn());
	}

	private static RoleSpec withSections(CanvasSettings canvas, CollaborationSettings collaboration,
			EvaluationSettings evaluation) {
		return TestSpecs.bare("custom")
			.toBuilder()
			.canvas(canvas)
			.collaboration(collaboration)
			.evaluation(evaluation)
			.build();
	}

	private static JsonNode onlyPolicy(GenerationResult result) {
		assertThat(result.policies()).hasSize(1);
		return parse(result.policies().get(0).json());
	}

}
