package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Scope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachment quota (10 managed policies per role) and the inline room: statements that the attachments cannot
 * take go into {@code <role>-permissions-inline} while the inline aggregate has room, and only what fits nowhere
 * blocks submission. No quota is ever exceeded without a blocking finding.
 */
class AttachmentQuotaTests {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final String ROLE = "SageMaker-Everything";

	static final String OVERFLOW = ROLE + "-permissions-inline";

	/** {@link TestSpecs#everyActivity} with this test's role name. */
	static RoleSpec everything(int buckets, ModelAccess bedrock, ModelAccess jumpStart) {
		return TestSpecs.everyActivity(ROLE, buckets, bedrock, jumpStart);
	}

	static ModelAccess allowNova() {
		return new ModelAccess(AccessMode.ALLOW_LISTED, List.of("amazon.nova-pro-v1:0"), List.of(), false);
	}

	static GenerationResult generate(RoleSpec spec, int attachedQuota) {
		return new PolicyGenerator(CATALOG, new IamQuotas(2048, 10240, 6144, attachedQuota)).generate(spec);
	}

	static List<String> names(List<GeneratedPolicy> policies) {
		return policies.stream().map(GeneratedPolicy::name).toList();
	}

	/** Every statement of every permission policy, canonical and with its Sid, as a sorted list. */
	static List<String> statements(GenerationResult result) {
		List<String> out = new ArrayList<>();
		for (GeneratedPolicy policy : result.policies()) {
			out.addAll(SemanticPolicy.canonicalStatements(SemanticPolicy.parse(policy.json()), true));
		}
		out.sort(String::compareTo);
		return out;
	}

	static List<String> codes(GenerationResult result) {
		return result.findings().stream().map(Finding::code).toList();
	}

	@Test
	void exactlyTenAttachmentsNeedNoInlineOverflow() {
		GenerationResult result = generate(everything(2, allowNova(), null), 10);
		assertThat(result.awsManagedPolicyArns()).hasSize(6);
		assertThat(names(result.customerManagedPolicies())).containsExactly(ROLE + "-permissions-1",
				ROLE + "-permissions-2", ROLE + "-permissions-3", ROLE + "-permissions-4");
		assertThat(result.attachedPolicyCount()).isEqualTo(10);
		assertThat(names(result.inlinePolicies())).containsExactly("ModelAccessGuardrails");
		assertThat(result.blocked()).isFalse();
		GeneratorValidityTests.assertValid(result, "aws");
	}

	@Test
	void anEleventhPolicyGoesIntoTheSpareInlineRoom() {
		RoleSpec spec = everything(100, allowNova(), null);
		GenerationResult unlimited = generate(spec, 20);
		assertThat(unlimited.attachedPolicyCount()).isEqualTo(11);
		assertThat(names(unlimited.inlinePolicies())).containsExactly("ModelAccessGuardrails");

		GenerationResult result = generate(spec, 10);
		assertThat(result.attachedPolicyCount()).isEqualTo(10);
		assertThat(names(result.inlinePolicies())).containsExactly("ModelAccessGuardrails", OVERFLOW);
		assertThat(result.blocked()).as("%s", result.findings()).isFalse();
		assertThat(codes(result)).doesNotContain("QUOTA_EXCEEDED");
		GeneratorValidityTests.assertValid(result, "aws");
		// The same statements, nothing lost or added: what the fifth managed policy held is now inline.
		assertThat(statements(result)).containsExactlyElementsOf(statements(unlimited));
		GeneratedPolicy fifth = unlimited.customerManagedPolicies().get(4);
		GeneratedPolicy overflow = result.inlinePolicies().get(1);
		assertThat(overflow.kind()).isEqualTo(PolicyKind.INLINE);
		assertThat(overflow.path()).isNull();
		assertThat(overflow.quota()).isEqualTo(10240);
		assertThat(overflow.document().statements()).containsExactlyElementsOf(fifth.document().statements());
		assertThat(result.inlinePolicies().stream().mapToInt(GeneratedPolicy::size).sum()).isLessThanOrEqualTo(10240);
	}

	@Test
	void theInlineOverflowIsByteIdenticalAcrossRuns() {
		RoleSpec spec = everything(100, allowNova(), null);
		GenerationResult a = new PolicyGenerator(CatalogLoader.loadDefault()).generate(spec);
		GenerationResult b = new PolicyGenerator(CatalogLoader.loadDefault()).generate(spec);
		assertThat(names(a.policies())).contains(OVERFLOW);
		assertThat(b.policies()).extracting(GeneratedPolicy::json)
			.containsExactlyElementsOf(a.policies().stream().map(GeneratedPolicy::json).toList());
		assertThat(b.findings()).containsExactlyElementsOf(a.findings());
	}

	@Test
	void whatFitsNeitherTheAttachmentsNorTheInlineRoomBlocksSubmission() {
		// A long allow list and a JumpStart deny list fill the inline aggregate: the fifth managed policy stays.
		ModelAccess bedrock = new ModelAccess(AccessMode.ALLOW_LISTED,
				CATALOG.bedrockModels().stream().map(BedrockModel::modelId).toList(), List.of(), false);
		ModelAccess jumpStart = new ModelAccess(AccessMode.DENY_LISTED, null,
				CATALOG.jumpStartModels().stream().map(JumpStartModel::modelId).toList(), null);
		GenerationResult result = generate(everything(100, bedrock, jumpStart), 10);
		assertThat(result.attachedPolicyCount()).isEqualTo(11);
		assertThat(names(result.inlinePolicies())).containsExactly("ModelAccessGuardrails");
		int inline = result.inlinePolicies().get(0).size();
		assertThat(result.findings()).filteredOn(Finding::blocking)
			.singleElement()
			.satisfies((f) -> {
				assertThat(f.code()).isEqualTo("QUOTA_EXCEEDED");
				assertThat(f.document()).isEqualTo("role");
				assertThat(f.sid()).isNull();
				assertThat(f.message()).isEqualTo("11 managed policies would be attached to the role; the quota is "
						+ "10, and what does not fit in the attachments does not fit in the role's inline policies "
						+ "either (" + inline + " of 10240 characters). Remove activities or Canvas features, or "
						+ "raise the quota (up to 20) and configure it here.");
			});
		// Every document on its own is still within its quota: only the count is over.
		assertThat(inline).isLessThanOrEqualTo(10240);
		assertThat(result.customerManagedPolicies()).allSatisfy((p) -> assertThat(p.size()).isLessThanOrEqualTo(6144));
	}

	@Test
	void atTheAttachmentQuotaOfTheSpecNothingMovesInline() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		GenerationResult unlimited = generate(spec, 20);
		int needed = unlimited.attachedPolicyCount();
		GenerationResult exact = generate(spec, needed);
		assertThat(names(exact.policies())).containsExactlyElementsOf(names(unlimited.policies()));
		assertThat(exact.policies()).extracting(GeneratedPolicy::json)
			.containsExactlyElementsOf(unlimited.policies().stream().map(GeneratedPolicy::json).toList());
		assertThat(exact.blocked()).isFalse();
	}

	@Test
	void oneAttachmentShortTheLastManagedPolicyMovesInline() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		GenerationResult unlimited = generate(spec, 20);
		int needed = unlimited.attachedPolicyCount();
		List<GeneratedPolicy> managed = unlimited.customerManagedPolicies();
		GenerationResult shortByOne = generate(spec, needed - 1);
		assertThat(shortByOne.blocked()).as("%s", shortByOne.findings()).isFalse();
		assertThat(shortByOne.attachedPolicyCount()).isEqualTo(needed - 1);
		assertThat(names(shortByOne.customerManagedPolicies()))
			.containsExactlyElementsOf(names(managed.subList(0, managed.size() - 1)));
		assertThat(names(shortByOne.inlinePolicies())).containsExactly("ModelAccessGuardrails",
				"SageMaker-DataScientist-permissions-inline");
		assertThat(shortByOne.inlinePolicies().get(1).document().statements())
			.containsExactlyElementsOf(managed.get(managed.size() - 1).document().statements());
		assertThat(statements(shortByOne)).containsExactlyElementsOf(statements(unlimited));
	}

	@Test
	void aStatementTooLargeForAManagedPolicyGoesInlineInsteadOfBlocking() {
		List<String> buckets = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			buckets.add(String.format("ml-%02d-", i) + "x".repeat(36));
		}
		RoleSpec spec = TestSpecs.custom("SageMaker-Buckets")
			.activities(List.of(new ActivitySelection("s3-bucket-access", Map.of("S3Buckets", buckets))))
			.build();
		GenerationResult result = new PolicyGenerator(CATALOG).generate(spec);
		assertThat(result.blocked()).as("%s", result.findings()).isFalse();
		GeneratorValidityTests.assertValid(result, "aws");
		GeneratedPolicy inline = result.inlinePolicies().get(0);
		assertThat(inline.name()).isEqualTo("SageMaker-Buckets-permissions-inline");
		assertThat(inline.size()).isGreaterThan(6144).isLessThanOrEqualTo(10240);
		assertThat(result.customerManagedPolicies()).singleElement()
			.satisfies((p) -> assertThat(p.size()).isLessThanOrEqualTo(6144));
	}

}
