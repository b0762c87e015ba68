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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlgov.console.policy.SemanticPolicy.canonicalStatements;
import static org.mlgov.console.policy.SemanticPolicy.parse;
import static org.mlgov.console.policy.SemanticPolicy.seed;

/**
 * For every JSON document of the seed pages, a specification that asks for the same thing produces a semantically
 * equal document. Where a page is wrong or loose, the expected document is the seed with a named correction applied
 * here, so each deviation from the page is visible and justified in one place.
 */
class SeedGoldenTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private final PolicyGenerator generator = new PolicyGenerator(CATALOG);

	private static RoleSpec guardrails(ModelAccess bedrock, ModelAccess jumpStart) {
		RoleSpec bare = TestSpecs.bare("custom");
		return new RoleSpec(bare.accountId(), bare.region(), bare.partition(), bare.roleName(), null, null, null, null,
				null, "custom", List.of(), null, null, bedrock, jumpStart, null, null, null);
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
		assertSame(seed("bedrock-deny-all.json"), guardrailPolicy(result));
		assertThat(result.blocked()).isFalse();
	}

	@Test
	void bedrockDenyAllAlsoDeniesFineTuningWhenAsked() {
		GenerationResult result = this.generator
			.generate(guardrails(new ModelAccess(AccessMode.DENY_ALL, null, null, true), null));
		ObjectNode expected = seed("bedrock-deny-all.json");
		// The post's "bedrock:FineTune" does not exist in IAM: fine-tuning is bedrock:CreateModelCustomizationJob,
		// denied by the same statement.
		((ArrayNode) expected.at("/Statement/0/Action")).add("bedrock:CreateModelCustomizationJob");
		assertSame(expected, guardrailPolicy(result));
		assertThat(result.inlinePolicies().get(0).json()).doesNotContain("FineTune");
	}

	@Test
	void bedrockDenyListedUsesFullModelIdsAndCoversInferenceProfiles() {
		GenerationResult result = this.generator.generate(guardrails(new ModelAccess(AccessMode.DENY_LISTED, null,
				List.of("ai21.j2-mid-v1", "cohere.command-text-*"), false), null));
		ObjectNode expected = seed("bedrock-deny-listed.json");
		ArrayNode resources = (ArrayNode) expected.get("Statement").get(0).get("Resource");
		// Correction 1: the post writes shorthand ids; a foundation-model ARN needs the full id with its provider.
		resources.removeAll();
		resources.add("arn:aws:bedrock:*::foundation-model/ai21.j2-mid-v1");
		resources.add("arn:aws:bedrock:*::foundation-model/cohere.command-text-*");
		// Correction 2: each listed model also covers the system inference profiles that route to it.
		resources.add("arn:aws:bedrock:*:111122223333:inference-profile/*.ai21.j2-mid-v1");
		resources.add("arn:aws:bedrock:*:111122223333:inference-profile/*.cohere.command-text-*");
		assertSame(expected, guardrailPolicy(result));
	}

	@Test
	void jumpStartDenyAllWritesTheValidNullValue() {
		GenerationResult result = this.generator
			.generate(guardrails(null, new ModelAccess(AccessMode.DENY_ALL, null, null, null)));
		ObjectNode expected = seed("jumpstart-deny-all.json");
		// The post writes "Null": {"…jumpstart-model-id": "*"}; Null only takes "true"/"false". "false" = tag present.
		assertThat(expected.at("/Statement/0/Condition/Null").get(ModelGuardrails.JUMPSTART_TAG).asString())
			.isEqualTo("*");
		((ObjectNode) expected.at("/Statement/0/Condition/Null")).put(ModelGuardrails.JUMPSTART_TAG, "false");
		JsonNode actual = guardrailPolicy(result);
		assertSame(expected, actual);
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
		GenerationResult result = this.generator.generate(guardrails(null, new ModelAccess(AccessMode.DENY_LISTED,
				null, List.of("huggingface-textgeneration1-mpt-7b-*", "huggingface-text2text-flan-t5-*"), null)));
		assertSame(seed("jumpstart-deny-listed.json"), guardrailPolicy(result));
	}

	@Test
	void studioClassicSharingAsDocumented() {
		RoleSpec spec = withSections(null, new CollaborationSettings(true, Scope.AS_DOCUMENTED), null);
		GenerationResult result = this.generator.generate(spec);
		assertSame(seed("studio-classic-sharing.json"), onlyPolicy(result));
	}

	@Test
	void automaticEvaluationAsDocumented() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(true, false, List.of("eval-bucket"), null, Scope.AS_DOCUMENTED));
		GenerationResult result = this.generator.generate(spec);
		assertThat(canonicalStatements(onlyPolicy(result), true))
			.containsExactlyElementsOf(canonicalStatements(seed("evaluation-automatic.json"), true));
	}

	@Test
	void humanEvaluationAppendsTheHumanPolicyToTheAutomaticOne() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(false, true, List.of("eval-bucket"), null, Scope.AS_DOCUMENTED));
		GenerationResult result = this.generator.generate(spec);
		ObjectNode expected = seed("evaluation-automatic.json");
		seed("evaluation-human.json").get("Statement").forEach(((ArrayNode) expected.get("Statement"))::add);
		assertThat(canonicalStatements(onlyPolicy(result), true))
			.containsExactlyElementsOf(canonicalStatements(expected, true));
	}

	@Test
	void evaluationCorsRuleIsTheSeedRule() {
		RoleSpec spec = withSections(null, null,
				new EvaluationSettings(true, false, List.of("eval-bucket", "eval-results"), null, null));
		GenerationResult result = this.generator.generate(spec);
		assertThat(result.cors()).extracting(BucketCors::bucket).containsExactly("eval-bucket", "eval-results");
		for (BucketCors cors : result.cors()) {
			assertThat(parse(cors.json())).isEqualTo(SemanticPolicy.seedArray("evaluation-cors.json"));
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
		ObjectNode expectedBedrock = (ObjectNode) seed("canvas-bedrock-role-trust.json").get("Statement").get(0);
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
			.containsExactlyElementsOf(canonicalStatements(seed("canvas-bedrock-role-trust.json"), true));
		assertThat(parse(result.canvasAppSettingsJson()).at("/GenerativeAiSettings/AmazonBedrockRoleArn").asString())
			.isEqualTo(role.arn());
	}

	private static RoleSpec withSections(CanvasSettings canvas, CollaborationSettings collaboration,
			EvaluationSettings evaluation) {
		RoleSpec bare = TestSpecs.bare("custom");
		return new RoleSpec(bare.accountId(), bare.region(), bare.partition(), bare.roleName(), null, null, null, null,
				null, "custom", List.of(), null, null, null, null, canvas, collaboration, evaluation);
	}

	private static JsonNode onlyPolicy(GenerationResult result) {
		assertThat(result.policies()).hasSize(1);
		return parse(result.policies().get(0).json());
	}

}
