package org.mlgov.console.review;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Tag;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.diff.DocumentChange.Status;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.SettingChange;
import org.mlgov.console.live.LiveRole;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparing two generated revisions: documents by name and statement, settings one by one. */
class RevisionComparisonTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final CanvasTargets TARGETS = new CanvasTargets("d-abc123def456", true, List.of());

	static FrozenDocuments frozen(RoleSpec spec, CanvasTargets targets) {
		return FrozenDocuments.of(new PolicyGenerator(CATALOG).generate(spec), RoleMode.NEW_ROLE, targets);
	}

	/** The data scientist of {@link TestSpecs#dataScientistEverything()} with other tags, session and lists. */
	static RoleSpec variant(List<Tag> tags, int maxSession, List<String> bedrockAllowed, List<String> evaluationBuckets) {
		return TestSpecs.dataScientistEverything()
			.toBuilder()
			.tags(tags)
			.maxSessionDurationSeconds(maxSession)
			.bedrock(new ModelAccess(AccessMode.ALLOW_LISTED, bedrockAllowed, List.of(), null))
			.evaluation(new EvaluationSettings(true, true, evaluationBuckets, null, null))
			.build();
	}

	@Test
	void theSameSpecificationGeneratesNoDifference() {
		FrozenDocuments once = frozen(TestSpecs.dataScientistEverything(), TARGETS);
		FrozenDocuments twice = frozen(TestSpecs.dataScientistEverything(), TARGETS);
		RevisionComparison comparison = RevisionComparison.between(once, twice);
		assertThat(comparison.isEmpty()).isTrue();
		assertThat(comparison.changedDocuments()).isEmpty();
		assertThat(comparison.documents()).extracting(DocumentChange::id)
			.startsWith("trust-policy")
			.contains("policy-ModelAccessGuardrails", "bedrock-role-trust", "canvas-app-settings", "cors-ml-eval-bucket");
	}

	@Test
	void settingsTagsModelsAndBucketsThatChangedAreListedExactly() {
		RoleSpec original = TestSpecs.dataScientistEverything();
		RoleSpec changed = variant(List.of(new Tag("team", "b"), new Tag("owner", "ana")), 3600,
				List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "meta.llama3-70b-instruct-v1:0"),
				List.of("ml-eval-bucket-2"));
		RevisionComparison comparison = RevisionComparison.between(frozen(original, TARGETS),
				frozen(changed, new CanvasTargets("d-abc123def456", true, List.of("alice"))));

		assertThat(comparison.settings()).containsExactly(
				new SettingChange("maximum session (seconds)", "7200", "3600"),
				new SettingChange("tag cost-center", "1234", null), new SettingChange("tag owner", null, "ana"),
				new SettingChange("tag team", "a", "b"),
				new SettingChange("Canvas settings apply to", "the default of domain d-abc123def456",
						"the default of domain d-abc123def456; user profiles alice of domain d-abc123def456"));

		assertThat(comparison.changedDocuments()).extracting(DocumentChange::id, DocumentChange::status)
			.contains(org.assertj.core.groups.Tuple.tuple("cors-ml-eval-bucket-2", Status.ADDED),
					org.assertj.core.groups.Tuple.tuple("cors-ml-eval-bucket", Status.REMOVED),
					org.assertj.core.groups.Tuple.tuple("policy-ModelAccessGuardrails", Status.CHANGED))
			.doesNotContain(org.assertj.core.groups.Tuple.tuple("trust-policy", Status.CHANGED));

		DocumentChange guardrails = comparison.documents()
			.stream()
			.filter((c) -> c.id().equals("policy-ModelAccessGuardrails"))
			.findFirst()
			.orElseThrow();
		// The allow list is a Deny with NotResource: the model left the exceptions of that statement.
		assertThat(guardrails.policy().changed()).filteredOn((statement) -> statement.sid().equals("DenyBedrockExceptAllowedModels"))
			.singleElement()
			.satisfies((statement) -> {
				assertThat(statement.notResources().removed()).containsExactly(
						"arn:aws:bedrock:*:111122223333:inference-profile/*.amazon.titan-text-express-v1",
						"arn:aws:bedrock:*::foundation-model/amazon.titan-text-express-v1");
				assertThat(statement.notResources().added()).isEmpty();
				assertThat(statement.actions().isEmpty()).isTrue();
			});
		assertThat(guardrails.after()).doesNotContain("titan-text-express");
		assertThat(guardrails.before()).contains("titan-text-express");
	}

	@Test
	void aRoleReadFromAwsComparesWithTheGeneratedOneByPolicyName() {
		FrozenDocuments generated = frozen(TestSpecs.dataScientistEverything(), TARGETS);
		FrozenDocuments.Policy guardrails = generated.policies().get(0);
		LiveRole live = new LiveRole(TestSpecs.ACCOUNT, generated.role().name(), generated.role().arn(),
				generated.role().path(), "old description", 7200, null, generated.role().trustPolicyJson(),
				java.util.Map.of(guardrails.name(), guardrails.json(), "LegacyInline",
						"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"),
				List.of(new LiveRole.AttachedPolicy("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
						"AmazonSageMakerFullAccess", "v1", null)),
				java.util.Map.of("team", "a", "cost-center", "1234"));

		RoleSnapshot is = RoleSnapshot.of(generated);
		RoleSnapshot was = RoleSnapshot.of(live);
		assertThat(is.settingsSince(was)).containsExactlyElementsOf(expectedSettings(generated));
		List<DocumentChange> documents = is.documentsSince(was);
		assertThat(documents).filteredOn((c) -> c.id().equals("trust-policy"))
			.singleElement()
			.satisfies((c) -> assertThat(c.status()).isEqualTo(Status.UNCHANGED));
		assertThat(documents).filteredOn((c) -> c.id().equals("policy-" + guardrails.name()))
			.singleElement()
			.satisfies((c) -> assertThat(c.status()).isEqualTo(Status.UNCHANGED));
		assertThat(documents).filteredOn((c) -> c.id().equals("policy-LegacyInline"))
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.status()).isEqualTo(Status.REMOVED);
				assertThat(c.title()).isEqualTo("Inline policy LegacyInline");
				assertThat(c.policy().removed()).singleElement()
					.satisfies((s) -> assertThat(s.actions()).containsExactly("s3:*"));
			});
		assertThat(documents).filteredOn((c) -> c.status() == Status.ADDED)
			.extracting(DocumentChange::title)
			.allMatch((title) -> title.startsWith("Customer managed policy SageMaker-DataScientist-permissions-"))
			.isNotEmpty();
	}

	/** The live role above has another description and the full-access managed policy instead of the generated ones. */
	private static List<SettingChange> expectedSettings(FrozenDocuments generated) {
		List<SettingChange> expected = new java.util.ArrayList<>();
		expected.add(new SettingChange("description", "old description", "Data scientists of team A"));
		java.util.Set<String> arns = new java.util.TreeSet<>(generated.awsManagedPolicyArns());
		arns.add("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess");
		for (String arn : arns) {
			boolean generatedAttached = generated.awsManagedPolicyArns().contains(arn);
			boolean liveAttached = arn.endsWith("/AmazonSageMakerFullAccess");
			if (generatedAttached != liveAttached) {
				expected.add(new SettingChange("AWS managed policy " + arn, liveAttached ? "attached" : null,
						generatedAttached ? "attached" : null));
			}
		}
		return expected;
	}

}
