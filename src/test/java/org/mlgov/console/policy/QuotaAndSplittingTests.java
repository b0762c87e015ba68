package org.mlgov.console.policy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** IAM quotas: long lists are split without changing their meaning; what cannot fit blocks submission. */
class QuotaAndSplittingTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static RoleSpec guardrails(ModelAccess bedrock, ModelAccess jumpStart) {
		return TestSpecs.custom("SageMaker-Quota").activities(List.of()).bedrock(bedrock).jumpStart(jumpStart).build();
	}

	@Test
	void aLongBedrockDenyListIsSplitIntoStatementsThatDenyTheSameModels() {
		List<String> models = GeneratorValidityTests.ids("acme.very-long-model-name-for-quota-testing-", 300);
		GenerationResult result = new PolicyGenerator(CATALOG)
			.generate(guardrails(new ModelAccess(AccessMode.DENY_LISTED, null, models, false), null));
		GeneratorValidityTests.assertValid(result, "aws");
		assertThat(result.blocked()).isFalse();
		Set<String> denied = new TreeSet<>();
		int parts = 0;
		for (GeneratedPolicy policy : result.policies()) {
			for (JsonNode statement : SemanticPolicy.parse(policy.json()).get("Statement")) {
				assertThat(statement.get("Sid").asString()).startsWith("DenyBedrockListedModelsPart");
				assertThat(statement.get("Effect").asString()).isEqualTo("Deny");
				denied.addAll(SemanticPolicy.values(statement.get("Resource"), (s) -> s));
				parts++;
			}
		}
		assertThat(parts).isGreaterThan(2);
		Set<String> expected = new TreeSet<>();
		models.forEach((m) -> {
			expected.add("arn:aws:bedrock:*::foundation-model/" + m);
			expected.add("arn:aws:bedrock:*:111122223333:inference-profile/*." + m);
		});
		assertThat(denied).isEqualTo(expected);
		assertThat(result.customerManagedPolicies()).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.size()).isLessThanOrEqualTo(6144));
	}

	@Test
	void aLongJumpStartDenyListIsSplitByConditionValues() {
		List<String> models = GeneratorValidityTests.ids("huggingface-llm-some-long-family-name-", 300)
			.stream()
			.map((id) -> id.replace(":", "-"))
			.toList();
		GenerationResult result = new PolicyGenerator(CATALOG)
			.generate(guardrails(null, new ModelAccess(AccessMode.DENY_LISTED, null, models, null)));
		GeneratorValidityTests.assertValid(result, "aws");
		Set<String> denied = new TreeSet<>();
		for (GeneratedPolicy policy : result.policies()) {
			for (JsonNode statement : SemanticPolicy.parse(policy.json()).get("Statement")) {
				assertThat(statement.get("Resource").asString()).isEqualTo("*");
				denied.addAll(SemanticPolicy.conditionValues(statement, "StringLike", ModelGuardrails.JUMPSTART_TAG));
			}
		}
		assertThat(denied).containsExactlyInAnyOrderElementsOf(models);
	}

	@Test
	void aLongBedrockAllowListNamesAllProfilesInsteadOfEachModelsProfiles() {
		List<String> models = GeneratorValidityTests.ids("acme.model-", 120);
		GenerationResult result = new PolicyGenerator(CATALOG)
			.generate(guardrails(new ModelAccess(AccessMode.ALLOW_LISTED, models, null, false), null));
		GeneratorValidityTests.assertValid(result, "aws");
		assertThat(result.findings()).extracting(Finding::code).contains("BEDROCK_ALLOW_LIST_COMPACTED");
		JsonNode statement = SemanticPolicy.parse(result.inlinePolicies().get(0).json()).get("Statement").get(0);
		Set<String> notResources = SemanticPolicy.values(statement.get("NotResource"), (s) -> s);
		assertThat(notResources).contains("arn:aws:bedrock:*:111122223333:inference-profile/*")
			.hasSize(models.size() + 2);
	}

	@Test
	void anAllowListThatCannotFitBlocksSubmission() {
		List<String> models = GeneratorValidityTests.ids("acme.an-extremely-long-model-identifier-that-is-unusual-", 250);
		GenerationResult result = new PolicyGenerator(CATALOG)
			.generate(guardrails(new ModelAccess(AccessMode.ALLOW_LISTED, models, null, false), null));
		assertThat(result.blocked()).isTrue();
		assertThat(result.findings()).filteredOn(Finding::blocking)
			.extracting(Finding::code)
			.contains("QUOTA_EXCEEDED");
	}

	@Test
	void tooManyAttachedPoliciesBlockSubmission() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		GenerationResult result = new PolicyGenerator(CATALOG, new IamQuotas(2048, 10240, 6144, 5)).generate(spec);
		assertThat(result.attachedPolicyCount()).isGreaterThan(5);
		assertThat(result.findings()).filteredOn(Finding::blocking)
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.code()).isEqualTo("QUOTA_EXCEEDED");
				assertThat(f.message()).contains("managed policies would be attached").contains("quota is 5");
			});
	}

	@Test
	void anOversizedTrustPolicyBlocksSubmission() {
		GenerationResult result = new PolicyGenerator(CATALOG, new IamQuotas(300, 10240, 6144, 10))
			.generate(TestSpecs.dataScientistEverything());
		assertThat(result.findings()).filteredOn(Finding::blocking)
			.singleElement()
			.satisfies((f) -> assertThat(f.document()).isEqualTo("trust"));
		assertThat(result.role().trustPolicySize()).isGreaterThan(300);
	}

	@Test
	void sizeIsCountedAsIamCountsIt() {
		assertThat(Json.iamSize("{\n  \"a\": \"b c\"\n}")).isEqualTo(10);
	}

	/**
	 * The generator compacts a Bedrock allow list whose ARNs alone overflow the inline room without writing the list
	 * out first: the size it counts for them is never more than the statement's.
	 */
	@Test
	void theMinimumSizeOfABedrockAllowListIsThatOfItsArns() {
		List<String> catalogModels = CATALOG.bedrockModels().stream().map((m) -> m.modelId()).limit(100).toList();
		List<List<String>> lists = List.of(List.of("amazon.nova-pro-v1:0"), catalogModels,
				List.of("anthropic.claude-*", "amazon.nova-pro-v1:0", "anthropic.claude-*"),
				GeneratorValidityTests.ids("acme.very-long-model-name-for-quota-testing-", 300));
		for (List<String> allowed : lists) {
			for (boolean fineTuning : new boolean[] { false, true }) {
				ModelAccess access = new ModelAccess(AccessMode.ALLOW_LISTED, allowed, List.of(), fineTuning);
				RoleSpec spec = guardrails(access, null).withDefaults();
				ModelGuardrails guardrails = new ModelGuardrails(new GenerationContext(spec, CATALOG, new Findings()));
				Statement statement = guardrails.bedrock(spec.bedrock(), false).get(0);
				int arns = statement.notResources()
					.stream()
					.filter((r) -> r.contains(":foundation-model/") || r.contains(":inference-profile/*."))
					.mapToInt(Json::iamSizeOf)
					.sum();
				assertThat(guardrails.allowListMinimumSize(spec.bedrock())).isEqualTo(arns)
					.isLessThan(PolicyRendering.iamSize(statement));
			}
		}
		RoleSpec noAllowList = guardrails(new ModelAccess(AccessMode.DENY_ALL, null, null, false), null).withDefaults();
		assertThat(new ModelGuardrails(new GenerationContext(noAllowList, CATALOG, new Findings()))
			.allowListMinimumSize(noAllowList.bedrock())).isZero();
	}

}
