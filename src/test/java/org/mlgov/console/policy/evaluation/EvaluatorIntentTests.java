package org.mlgov.console.policy.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.CATALOG;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.EVALUATOR;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.allow;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.policy;

/**
 * Every policy the generator produces against the intent that produced it: for every Bedrock model of the catalogue
 * and every JumpStart model id, the generated role (with and without the AWS managed Canvas policies that grant
 * Bedrock) allows exactly the models the specification allows, explicitly denies the others with the guardrail
 * statement that names them, and grants nothing on its own where it should not (implicit deny, said explicitly).
 * <p>
 * The expected answers are computed here from the specification alone (model lists matched with a regular
 * expression), not from the generated JSON.
 */
class EvaluatorIntentTests {

	static final PolicyGenerator GENERATOR = new PolicyGenerator(CATALOG);

	static final List<String> BEDROCK_INVOKE = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");

	static final String FINE_TUNE = "bedrock:CreateModelCustomizationJob";

	static final List<String> JUMPSTART_DEPLOY = List.of("sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig");

	static final String JUMPSTART_TAG = "aws:RequestTag/sagemaker-sdk:jumpstart-model-id";

	static final String GUARDRAILS = "ModelAccessGuardrails";

	static final String AI_SERVICES = "AmazonSageMakerCanvasAIServicesAccess";

	/** Ids outside the governed families that look like them: a pattern must not catch them by accident. */
	static final List<String> LOOK_ALIKE_JUMPSTART_IDS = List.of("huggingface-llm-falcon2-11b",
			"huggingface-llm-mixtral-8x7b", "huggingface-llmneuron-mistral-7b", "meta-textgeneration-llama-2-7b-x");

	static final List<String> BEDROCK_IDS = CATALOG.bedrockModels().stream().map(BedrockModel::modelId).toList();

	static final List<String> JUMPSTART_IDS = Stream
		.concat(CATALOG.jumpStartModels().stream().map(JumpStartModel::modelId), LOOK_ALIKE_JUMPSTART_IDS.stream())
		.toList();

	// Specifications.

	static RoleSpec spec(String persona, ModelAccess bedrock, ModelAccess jumpStart, boolean canvasBedrock) {
		List<RoleSpec.ActivitySelection> activities = CATALOG.persona(persona)
			.map((p) -> TestSpecs.activities(p.activities().toArray(String[]::new)))
			.orElseThrow();
		CanvasSettings canvas = canvasBedrock
				? new CanvasSettings(true, true, null, null, null, false, false, null, false, null, false, null) : null;
		return new RoleSpec(TestSpecs.ACCOUNT, TestSpecs.REGION, "aws", "SageMaker-Intent", null, null, null, null,
				null, persona, activities, null, null, bedrock, jumpStart, canvas, null, null);
	}

	static ModelAccess access(AccessMode mode, List<String> allowed, List<String> denied) {
		return new ModelAccess(mode, allowed, denied, null);
	}

	static final ModelAccess BEDROCK_DENY_LIST = access(AccessMode.DENY_LISTED, null,
			List.of("ai21.j2-mid-v1", "cohere.command-text-*", "anthropic.claude-3-5-sonnet*"));

	/** Exact ids (anthropic.claude-v2 is not anthropic.claude-v2:1), a family pattern, and a denied member of it. */
	static final ModelAccess BEDROCK_ALLOW_LIST = access(AccessMode.ALLOW_LISTED,
			List.of("anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-pro-v1:0", "anthropic.claude-v2",
					"meta.llama3-*"),
			List.of("meta.llama3-70b-instruct-v1:0"));

	static final ModelAccess JUMPSTART_DENY_LIST = access(AccessMode.DENY_LISTED, null,
			List.of("huggingface-llm-falcon-*", "meta-textgeneration-llama-2-70b*"));

	static final ModelAccess JUMPSTART_ALLOW_LIST = access(AccessMode.ALLOW_LISTED,
			List.of("meta-textgeneration-llama-2-7b", "huggingface-llm-mistral-*"),
			List.of("huggingface-llm-mistral-7b"));

	static List<ModelAccess> bedrockModes() {
		return List.of(ModelAccess.unrestricted(), access(AccessMode.DENY_ALL, null, null), BEDROCK_DENY_LIST,
				BEDROCK_ALLOW_LIST);
	}

	static List<ModelAccess> jumpStartModes() {
		return List.of(ModelAccess.unrestricted(), access(AccessMode.DENY_ALL, null, null), JUMPSTART_DENY_LIST,
				JUMPSTART_ALLOW_LIST);
	}

	// Expectations, from the specification alone.

	/** IAM's StringLike/Resource wildcard on a model id, written independently of the evaluator. */
	static boolean listed(List<String> patterns, String id) {
		return patterns.stream().anyMatch((p) -> Pattern.matches(Pattern.quote(p).replace("*", "\\E.*\\Q"), id));
	}

	/** The guardrail Sid that must deny the model, or null when the specification lets it through. */
	static String denySid(ModelAccess access, String id, String family) {
		return switch (access.mode()) {
			case NO_RESTRICTION -> null;
			case DENY_ALL -> "Deny" + family + "AllModels";
			case DENY_LISTED -> listed(access.denied(), id) ? "Deny" + family + "ListedModels" : null;
			case ALLOW_LISTED -> !listed(access.allowed(), id) ? "Deny" + family + "ExceptAllowedModels"
					: listed(access.denied(), id) ? "Deny" + family + "ListedModels" : null;
		};
	}

	static String explicitDeny(String sid) {
		return "EXPLICIT_DENY by " + GUARDRAILS + "/" + sid;
	}

	static String describe(Decision decision) {
		return switch (decision.outcome()) {
			case EXPLICIT_DENY -> "EXPLICIT_DENY by " + decision.policy() + "/" + decision.sid();
			case ALLOWED -> "ALLOWED by " + decision.policy() + "/" + decision.sid();
			case IMPLICIT_DENY -> "IMPLICIT_DENY";
			case UNDECIDED -> "UNDECIDED: " + decision.reason();
		};
	}

	static String foundationModel(String region, String id) {
		return "arn:aws:bedrock:" + region + "::foundation-model/" + id;
	}

	static String inferenceProfile(String id) {
		return "arn:aws:bedrock:us-east-1:" + TestSpecs.ACCOUNT + ":inference-profile/us." + id;
	}

	static Map<String, String> bedrockMatrix(List<PolicyInput> policies, String action, String region) {
		Map<String, String> matrix = new LinkedHashMap<>();
		for (String id : BEDROCK_IDS) {
			matrix.put(id, describe(EVALUATOR.evaluate(policies,
					EvaluationRequest.of(action, foundationModel(region, id)))));
		}
		return matrix;
	}

	// Bedrock.

	static Stream<Arguments> bedrockCases() {
		List<Arguments> cases = new ArrayList<>();
		for (ModelAccess access : bedrockModes()) {
			cases.add(arguments(access.mode() + " with the Canvas Bedrock policies", access, true));
			cases.add(arguments(access.mode() + ", role alone", access, false));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bedrockCases")
	void bedrockInvocationIsAllowedForExactlyTheIntendedModels(String name, ModelAccess access, boolean canvasBedrock) {
		GenerationResult result = GENERATOR.generate(spec("data-scientist", access, null, canvasBedrock));
		List<PolicyInput> policies = GeneratedRolePolicies.identityPolicies(result, CATALOG);
		assertThat(policies).allMatch(PolicyInput::isAvailable);
		for (String action : BEDROCK_INVOKE) {
			for (String region : List.of("us-east-1", "eu-west-1", "")) {
				Map<String, String> expected = new LinkedHashMap<>();
				for (String id : BEDROCK_IDS) {
					String sid = denySid(access, id, "Bedrock");
					// Without the Canvas policies nothing in the role grants Bedrock invocation: implicit deny.
					expected.put(id, (sid != null) ? explicitDeny(sid)
							: canvasBedrock ? "ALLOWED by " + AI_SERVICES + "/Bedrock" : "IMPLICIT_DENY");
				}
				assertThat(bedrockMatrix(policies, action, region)).as(action + " in Region '" + region + "'")
					.containsExactlyEntriesOf(expected);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bedrockCases")
	void callsThroughAnInferenceProfileAreAllowedForExactlyTheIntendedModels(String name, ModelAccess access,
			boolean canvasBedrock) {
		List<PolicyInput> policies = GeneratedRolePolicies
			.identityPolicies(GENERATOR.generate(spec("data-scientist", access, null, canvasBedrock)), CATALOG);
		for (String id : BEDROCK_IDS) {
			// A call through a profile is authorised on the profile and on the model in every Region it routes to.
			List<Outcome> outcomes = new ArrayList<>();
			for (String resource : List.of(inferenceProfile(id), foundationModel("us-east-1", id),
					foundationModel("us-west-2", id))) {
				outcomes.add(EVALUATOR.evaluate(policies, EvaluationRequest.of("bedrock:InvokeModel", resource))
					.outcome());
			}
			Outcome expected = (denySid(access, id, "Bedrock") != null) ? Outcome.EXPLICIT_DENY
					: canvasBedrock ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
			assertThat(outcomes).as(id).containsOnly(expected);
		}
	}

	@Test
	void aCompactedAllowListStillAllowsExactlyTheListedModels() {
		// Enough models that the per-model inference-profile entries no longer fit the inline quota.
		List<String> allowed = BEDROCK_IDS.subList(0, 90);
		ModelAccess access = access(AccessMode.ALLOW_LISTED, allowed, List.of());
		GenerationResult result = GENERATOR.generate(spec("data-scientist", access, null, true));
		assertThat(result.findings()).extracting(Finding::code).contains("BEDROCK_ALLOW_LIST_COMPACTED");
		List<PolicyInput> policies = GeneratedRolePolicies.identityPolicies(result, CATALOG);
		Map<String, String> expected = new LinkedHashMap<>();
		for (String id : BEDROCK_IDS) {
			expected.put(id, allowed.contains(id) ? "ALLOWED by " + AI_SERVICES + "/Bedrock"
					: explicitDeny("DenyBedrockExceptAllowedModels"));
		}
		for (String action : BEDROCK_INVOKE) {
			assertThat(bedrockMatrix(policies, action, "us-east-1")).containsExactlyEntriesOf(expected);
		}
		// The profile entry is now account-wide, but the model behind a profile is still checked.
		String other = BEDROCK_IDS.get(100);
		assertThat(EVALUATOR.evaluate(policies, EvaluationRequest.of("bedrock:InvokeModel", inferenceProfile(other)))
			.outcome()).isEqualTo(Outcome.ALLOWED);
		assertThat(EVALUATOR
			.evaluate(policies, EvaluationRequest.of("bedrock:InvokeModel", foundationModel("us-east-1", other)))
			.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
	}

	@Test
	void fineTuningIsDeniedWithInvocationUnlessTheSpecificationKeepsIt() {
		for (ModelAccess access : List.of(BEDROCK_ALLOW_LIST, BEDROCK_DENY_LIST)) {
			List<PolicyInput> denied = GeneratedRolePolicies
				.identityPolicies(GENERATOR.generate(spec("data-scientist", access, null, true)), CATALOG);
			ModelAccess keepFineTuning = new ModelAccess(access.mode(), access.allowed(), access.denied(), false);
			List<PolicyInput> kept = GeneratedRolePolicies
				.identityPolicies(GENERATOR.generate(spec("data-scientist", keepFineTuning, null, true)), CATALOG);
			Map<String, String> expectDenied = new LinkedHashMap<>();
			Map<String, String> expectKept = new LinkedHashMap<>();
			for (String id : BEDROCK_IDS) {
				String sid = denySid(access, id, "Bedrock");
				expectDenied.put(id, (sid != null) ? explicitDeny(sid) : "ALLOWED by " + AI_SERVICES
						+ "/FoundationModelPermission");
				expectKept.put(id, "ALLOWED by " + AI_SERVICES + "/FoundationModelPermission");
			}
			assertThat(bedrockMatrix(denied, FINE_TUNE, "us-east-1")).as(access.mode().toString())
				.containsExactlyEntriesOf(expectDenied);
			assertThat(bedrockMatrix(kept, FINE_TUNE, "us-east-1")).as(access.mode() + ", fine-tuning kept")
				.containsExactlyEntriesOf(expectKept);
		}
	}

	@Test
	void anAwsManagedPolicyWithoutDocumentLeavesUndeniedModelsUndecided() {
		// canvas-core-access attaches AmazonSageMakerCanvasFullAccess, whose document the catalogue does not copy.
		RoleSpec bare = spec("custom", BEDROCK_DENY_LIST, null, true);
		RoleSpec withCore = new RoleSpec(bare.accountId(), bare.region(), bare.partition(), bare.roleName(), null,
				null, null, null, null, "custom", TestSpecs.activities("canvas-core-access"), null, null,
				bare.bedrock(), null, bare.canvas(), null, null);
		List<PolicyInput> policies = GeneratedRolePolicies.identityPolicies(GENERATOR.generate(withCore), CATALOG);
		assertThat(policies).filteredOn((p) -> !p.isAvailable())
			.extracting(PolicyInput::name)
			.containsExactly("AmazonSageMakerCanvasFullAccess");
		for (String id : BEDROCK_IDS) {
			Decision decision = EVALUATOR.evaluate(policies,
					EvaluationRequest.of("bedrock:InvokeModel", foundationModel("us-east-1", id)));
			String sid = denySid(BEDROCK_DENY_LIST, id, "Bedrock");
			if (sid != null) {
				assertThat(describe(decision)).isEqualTo(explicitDeny(sid));
			}
			else {
				assertThat(decision.outcome()).as(id).isEqualTo(Outcome.UNDECIDED);
				assertThat(decision.policy()).isEqualTo("AmazonSageMakerCanvasFullAccess");
			}
		}
	}

	@Test
	void aPermissionsBoundaryNarrowsTheGeneratedRole() {
		List<PolicyInput> policies = GeneratedRolePolicies
			.identityPolicies(GENERATOR.generate(spec("data-scientist", BEDROCK_DENY_LIST, null, true)), CATALOG);
		PolicyInput boundary = policy("AnthropicOnlyBoundary", allow("s3:*", "*"),
				allow("bedrock:InvokeModel*", "arn:aws:bedrock:*::foundation-model/anthropic.*"));
		for (String id : BEDROCK_IDS) {
			Decision decision = EVALUATOR.evaluate(policies, boundary,
					EvaluationRequest.of("bedrock:InvokeModel", foundationModel("us-east-1", id)));
			String sid = denySid(BEDROCK_DENY_LIST, id, "Bedrock");
			String expected = (sid != null) ? explicitDeny(sid)
					: id.startsWith("anthropic.") ? "ALLOWED by " + AI_SERVICES + "/Bedrock" : "IMPLICIT_DENY";
			assertThat(describe(decision)).as(id).isEqualTo(expected);
		}
	}

	// JumpStart.

	static EvaluationRequest deployment(String action, String modelId, int n) {
		String resource = "arn:aws:sagemaker:us-east-1:" + TestSpecs.ACCOUNT
				+ (action.endsWith("Config") ? ":endpoint-config/" : ":endpoint/") + "canvas-js-" + n;
		EvaluationRequest request = EvaluationRequest.of(action, resource);
		if (modelId == null) {
			return request;
		}
		return request.with(JUMPSTART_TAG, modelId)
			.with("aws:RequestTag/sagemaker-sdk:jumpstart-model-version", "2.0.0")
			.with("aws:TagKeys", "sagemaker-sdk:jumpstart-model-id", "sagemaker-sdk:jumpstart-model-version");
	}

	static Stream<Arguments> jumpStartCases() {
		return jumpStartModes().stream().map((access) -> arguments(access.mode(), access));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("jumpStartCases")
	void jumpStartDeploymentsAreAllowedForExactlyTheIntendedModels(AccessMode mode, ModelAccess access) {
		// The MLOps persona manages endpoints, so the role itself grants the deployment actions.
		GenerationResult result = GENERATOR.generate(spec("mlops", null, access, false));
		List<PolicyInput> policies = GeneratedRolePolicies.identityPolicies(result, CATALOG);
		for (String action : JUMPSTART_DEPLOY) {
			Map<String, String> expected = new LinkedHashMap<>();
			Map<String, String> actual = new LinkedHashMap<>();
			for (int n = 0; n < JUMPSTART_IDS.size(); n++) {
				String id = JUMPSTART_IDS.get(n);
				String sid = denySid(access, id, "JumpStart");
				expected.put(id, (sid != null) ? explicitDeny(sid) : "ALLOWED");
				Decision decision = EVALUATOR.evaluate(policies, deployment(action, id, n));
				actual.put(id, (decision.outcome() == Outcome.ALLOWED && !GUARDRAILS.equals(decision.policy()))
						? "ALLOWED" : describe(decision));
			}
			assertThat(actual).as(action).containsExactlyEntriesOf(expected);
			// An endpoint that is not a JumpStart deployment (no model-id tag) is not governed.
			assertThat(EVALUATOR.evaluate(policies, deployment(action, null, 0)).outcome()).as(action + " untagged")
				.isEqualTo(Outcome.ALLOWED);
		}
	}

	@Test
	void withoutEndpointPermissionsJumpStartDeploymentsAreNotGrantedAtAll() {
		// The data scientist persona does not manage endpoints: the guardrail denies, nothing allows.
		List<PolicyInput> policies = GeneratedRolePolicies
			.identityPolicies(GENERATOR.generate(spec("data-scientist", null, JUMPSTART_DENY_LIST, false)), CATALOG);
		for (int n = 0; n < JUMPSTART_IDS.size(); n++) {
			String id = JUMPSTART_IDS.get(n);
			String sid = denySid(JUMPSTART_DENY_LIST, id, "JumpStart");
			assertThat(describe(EVALUATOR.evaluate(policies, deployment("sagemaker:CreateEndpoint", id, n))))
				.as(id)
				.isEqualTo((sid != null) ? explicitDeny(sid) : "IMPLICIT_DENY");
		}
	}

	// Every persona with every pair of modes.

	@Test
	void everyPersonaAndModeCombinationMeetsItsIntent() {
		int combinations = 0;
		for (Persona persona : CATALOG.personas()) {
			for (ModelAccess bedrock : bedrockModes()) {
				for (ModelAccess jumpStart : jumpStartModes()) {
					boolean canvasBedrock = (combinations++ % 2) == 0;
					GenerationResult result = GENERATOR.generate(spec(persona.id(), bedrock, jumpStart, canvasBedrock));
					List<PolicyInput> policies = GeneratedRolePolicies.identityPolicies(result, CATALOG);
					String what = persona.id() + ", Bedrock " + bedrock.mode() + ", JumpStart " + jumpStart.mode();
					for (String id : BEDROCK_IDS) {
						String sid = denySid(bedrock, id, "Bedrock");
						Decision decision = EVALUATOR.evaluate(policies,
								EvaluationRequest.of("bedrock:InvokeModel", foundationModel("us-east-1", id)));
						assertThat(describe(decision)).as(what + ": " + id)
							.isEqualTo((sid != null) ? explicitDeny(sid)
									: canvasBedrock ? "ALLOWED by " + AI_SERVICES + "/Bedrock" : "IMPLICIT_DENY");
					}
					for (int n = 0; n < JUMPSTART_IDS.size(); n++) {
						String id = JUMPSTART_IDS.get(n);
						String sid = denySid(jumpStart, id, "JumpStart");
						Decision decision = EVALUATOR.evaluate(policies,
								deployment("sagemaker:CreateEndpoint", id, n));
						if (sid != null) {
							assertThat(describe(decision)).as(what + ": " + id).isEqualTo(explicitDeny(sid));
						}
						else {
							assertThat(decision.outcome()).as(what + ": " + id)
								.isIn(Outcome.ALLOWED, Outcome.IMPLICIT_DENY);
							assertThat(decision.allowed()).as(what + ": " + id)
								.isEqualTo(persona.activities().contains("manage-endpoints"));
						}
					}
				}
			}
		}
		assertThat(combinations).isEqualTo(CATALOG.personas().size() * 16);
	}

}
