package org.mlgov.console.draft.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;

/** The review step's plain-language summary, sentence by sentence, from specifications the generator accepts. */
class RoleSummaryTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final PolicyGenerator GENERATOR = new PolicyGenerator(CATALOG);

	private static List<RoleSummary.Line> summary(RoleSpec spec, RoleMode mode, CanvasTargets targets) {
		return RoleSummary.of(new DraftContent(spec, mode, targets), GENERATOR.generate(spec), CATALOG);
	}

	private static String sentence(RoleSpec spec, String topic) {
		return sentence(summary(spec, RoleMode.NEW_ROLE, CanvasTargets.none()), topic);
	}

	private static String sentence(List<RoleSummary.Line> lines, String topic) {
		return lines.stream().filter((l) -> l.topic().equals(topic)).map(RoleSummary.Line::text).findFirst()
			.orElse(null);
	}

	private static RoleSpec guarded(ModelAccess bedrock, ModelAccess jumpStart) {
		return TestSpecs.custom("SageMaker-Summary").activities(List.of()).bedrock(bedrock).jumpStart(jumpStart).build();
	}

	private static ModelAccess access(AccessMode mode, List<String> allowed, List<String> denied) {
		return new ModelAccess(mode, allowed, denied, null);
	}

	@Test
	void aNewRoleIsCreatedAndAnExistingOneUpdated() {
		RoleSpec spec = TestSpecs.bare("custom");
		assertThat(sentence(summary(spec, RoleMode.NEW_ROLE, CanvasTargets.none()), "role"))
			.isEqualTo("Creates role SageMaker-Test in account 111122223333 (path /service-role/).");
		assertThat(sentence(summary(spec, RoleMode.UPDATE_EXISTING, CanvasTargets.none()), "role"))
			.isEqualTo("Updates the existing role SageMaker-Test in account 111122223333 (path /service-role/).");
	}

	@Test
	void theWholeSummaryOfTheDataScientistWithEverything() {
		List<RoleSummary.Line> lines = summary(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123", true, List.of("alice", "bob")));
		assertThat(lines).extracting(RoleSummary.Line::text)
			.containsExactly("Creates role SageMaker-DataScientist in account 111122223333 (path /service-role/).",
					"Trusted by sagemaker.amazonaws.com, bedrock.amazonaws.com, forecast.amazonaws.com.",
					"Allows 7 ML activities: Run Studio Applications, Manage ML Jobs, Manage Models, Manage Experiments, "
							+ "Search and visualize experiments, S3 Bucket Access, SageMaker Canvas Core Access.",
					"Has 1 inline policy, 2 customer managed policies and 5 AWS managed policies.",
					"Can invoke 3 Bedrock models: amazon.titan-text-express-v1, "
							+ "anthropic.claude-3-5-sonnet-20240620-v1:0, meta.llama3-70b-instruct-v1:0.",
					"Bedrock fine-tuning is limited in the same way.",
					"Cannot deploy these JumpStart models: huggingface-textgeneration1-mpt-7b-*, "
							+ "huggingface-text2text-flan-t5-* (this denies 11 catalogued models).",
					"Turns on these Canvas features: ready-to-use models, generative AI with Bedrock, direct deployment, "
							+ "time-series forecasting, model registration, local file upload.",
					"Creates the role AmazonSagemakerCanvasBedrockRole-SageMaker-DataScientist that Bedrock assumes for "
							+ "Canvas fine-tuning.",
					"The Canvas settings apply to the default user settings of domain d-abc123 and to the user "
							+ "profiles alice, bob.",
					"Shares models between Studio Classic and Canvas (scoped to this account and Region).",
					"Runs automatic and human-based Bedrock model evaluations in the console, with CORS rules on the "
							+ "bucket ml-eval-bucket.");
	}

	@Test
	void bedrockAllowListNamesTheCataloguedModelsItsPatternsMatch() {
		RoleSpec spec = guarded(access(AccessMode.ALLOW_LISTED,
				List.of("meta.llama3-1-*", "anthropic.claude-3-haiku-20240307-v1:0", "amazon.nova-pro-v1:0"), null),
				null);
		assertThat(sentence(spec, "bedrock")).isEqualTo("Can invoke 4 Bedrock models: "
				+ "anthropic.claude-3-haiku-20240307-v1:0, amazon.nova-pro-v1:0, meta.llama3-1-8b-instruct-v1:0, "
				+ "meta.llama3-1-70b-instruct-v1:0.");
		assertThat(sentence(spec, "bedrock-fine-tuning")).isEqualTo("Bedrock fine-tuning is limited in the same way.");
	}

	@Test
	void aLongBedrockAllowListIsCappedAndItsDenyListSubtracted() {
		// amazon.nova-* matches 11 catalogued models; the deny list takes nova-reel's two versions away.
		RoleSpec spec = guarded(access(AccessMode.ALLOW_LISTED, List.of("amazon.nova-*"), List.of("amazon.nova-reel-*")),
				null);
		assertThat(sentence(spec, "bedrock")).isEqualTo("Can invoke 9 Bedrock models: amazon.nova-micro-v1:0, "
				+ "amazon.nova-lite-v1:0, amazon.nova-pro-v1:0, amazon.nova-premier-v1:0, amazon.nova-2-lite-v1:0, "
				+ "amazon.nova-canvas-v1:0, amazon.nova-sonic-v1:0, amazon.nova-2-sonic-v1:0, "
				+ "amazon.nova-2-multimodal-embeddings-v1:0.");
		RoleSpec wide = guarded(access(AccessMode.ALLOW_LISTED, List.of("amazon.nova-*"), null), null);
		assertThat(sentence(wide, "bedrock")).isEqualTo("Can invoke 11 Bedrock models: amazon.nova-micro-v1:0, "
				+ "amazon.nova-lite-v1:0, amazon.nova-pro-v1:0, amazon.nova-premier-v1:0, amazon.nova-2-lite-v1:0, "
				+ "amazon.nova-canvas-v1:0, amazon.nova-reel-v1:0, amazon.nova-reel-v1:1, amazon.nova-sonic-v1:0, "
				+ "amazon.nova-2-sonic-v1:0 and 1 more.");
	}

	@Test
	void anAllowListOfUncataloguedModelsNamesNone() {
		RoleSpec spec = guarded(access(AccessMode.ALLOW_LISTED, List.of("acme.model-001-v1:0"), null), null);
		assertThat(sentence(spec, "bedrock"))
			.isEqualTo("Can invoke no catalogued Bedrock model: the allow list matches none of them.");
	}

	@Test
	void bedrockDenyListDenyAllAndNoRestriction() {
		RoleSpec denyListed = guarded(
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("cohere.command-*", "ai21.j2-mid-v1"), false),
				null);
		assertThat(sentence(denyListed, "bedrock")).isEqualTo(
				"Can invoke every Bedrock model except cohere.command-*, ai21.j2-mid-v1 (this denies 5 catalogued "
						+ "models).");
		assertThat(sentence(denyListed, "bedrock-fine-tuning"))
			.isEqualTo("Bedrock fine-tuning is not restricted by this role's guardrails.");
		// Patterns that match no catalogued model (models the catalogue does not list yet) are still named.
		RoleSpec uncatalogued = guarded(new ModelAccess(AccessMode.DENY_LISTED, null, List.of("acme.model-*"), false),
				null);
		assertThat(sentence(uncatalogued, "bedrock"))
			.isEqualTo("Can invoke every Bedrock model except acme.model-* (it denies no catalogued model).");
		assertThat(sentence(guarded(access(AccessMode.DENY_ALL, null, null), null), "bedrock"))
			.isEqualTo("Cannot invoke any Bedrock model.");
		RoleSpec open = guarded(null, null);
		assertThat(sentence(open, "bedrock")).isEqualTo("Bedrock access is not restricted by this role's guardrails.");
		assertThat(sentence(open, "bedrock-fine-tuning")).isNull();
	}

	@Test
	void jumpStartInEachMode() {
		assertThat(sentence(guarded(null, access(AccessMode.ALLOW_LISTED, List.of("huggingface-llm-falcon-7b-*"), null)),
				"jumpstart"))
			.isEqualTo("Cannot deploy JumpStart models except these 2: huggingface-llm-falcon-7b-bf16, "
					+ "huggingface-llm-falcon-7b-instruct-bf16.");
		assertThat(sentence(guarded(null, access(AccessMode.ALLOW_LISTED, List.of("huggingface-llm-falcon-7b-*"),
				List.of("huggingface-llm-falcon-7b-instruct-*"))), "jumpstart"))
			.isEqualTo("Cannot deploy JumpStart models except this one: huggingface-llm-falcon-7b-bf16.");
		assertThat(sentence(guarded(null, access(AccessMode.DENY_LISTED, null, List.of("meta-textgeneration-llama-2-7b"))),
				"jumpstart"))
			.isEqualTo("Cannot deploy these JumpStart models: meta-textgeneration-llama-2-7b (this denies 1 catalogued "
					+ "model).");
		assertThat(sentence(guarded(null, access(AccessMode.DENY_ALL, null, null)), "jumpstart"))
			.isEqualTo("Cannot deploy any JumpStart model.");
		assertThat(sentence(guarded(null, null), "jumpstart"))
			.isEqualTo("JumpStart deployment is not restricted by this role's guardrails.");
	}

	@Test
	void canvasRolesAndTargets() {
		RoleSpec existing = canvas(new CanvasSettings(true, true, RoleSpec.BedrockRoleChoice.EXISTING,
				"arn:aws:iam::111122223333:role/service-role/Bedrock-Tuning", null, false, false, null, false, null,
				false, null));
		List<RoleSummary.Line> lines = summary(existing, RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123", false, List.of("alice")));
		assertThat(sentence(lines, "canvas"))
			.isEqualTo("Turns on these Canvas features: ready-to-use models, generative AI with Bedrock.");
		assertThat(sentence(lines, "canvas-bedrock-role")).isEqualTo(
				"Bedrock assumes the existing role arn:aws:iam::111122223333:role/service-role/Bedrock-Tuning for "
						+ "Canvas fine-tuning.");
		assertThat(sentence(lines, "canvas-targets"))
			.isEqualTo("The Canvas settings apply to the user profile alice of domain d-abc123.");

		RoleSpec itself = canvas(new CanvasSettings(true, true, null, null, null, false, false, null, false, null,
				false, null));
		List<RoleSummary.Line> none = summary(itself, RoleMode.NEW_ROLE, CanvasTargets.none());
		assertThat(sentence(none, "canvas-bedrock-role"))
			.isEqualTo("Bedrock assumes this role itself for Canvas fine-tuning.");
		assertThat(sentence(none, "canvas-targets"))
			.isEqualTo("The Canvas settings are not applied to any domain or user profile.");
		assertThat(sentence(summary(itself, RoleMode.NEW_ROLE, new CanvasTargets("d-abc123", true, null)),
				"canvas-targets"))
			.isEqualTo("The Canvas settings apply to the default user settings of domain d-abc123.");
	}

	@Test
	void nothingIsSaidAboutCanvasSharingOrEvaluationWhenTheyAreOff() {
		List<RoleSummary.Line> lines = summary(TestSpecs.bare("custom"), RoleMode.NEW_ROLE, CanvasTargets.none());
		assertThat(lines).extracting(RoleSummary.Line::topic)
			.containsExactly("role", "trust", "activities", "policies", "bedrock", "jumpstart");
		assertThat(sentence(lines, "activities")).isEqualTo("Allows no ML activity.");
		assertThat(sentence(lines, "policies"))
			.isEqualTo("Has 0 inline policies, 0 customer managed policies and 0 AWS managed policies.");
	}

	@Test
	void aPermissionsBoundaryIsNamed() {
		RoleSpec spec = TestSpecs.custom("SageMaker-Bounded")
			.rolePath("/ml/")
			.permissionsBoundaryArn("arn:aws:iam::111122223333:policy/MlBoundary")
			.activities(List.of())
			.build();
		List<RoleSummary.Line> lines = summary(spec, RoleMode.NEW_ROLE, CanvasTargets.none());
		assertThat(sentence(lines, "role")).isEqualTo("Creates role SageMaker-Bounded in account 111122223333 (path /ml/).");
		assertThat(sentence(lines, "boundary"))
			.isEqualTo("Its permissions are bounded by arn:aws:iam::111122223333:policy/MlBoundary.");
	}

	private static RoleSpec canvas(CanvasSettings settings) {
		return TestSpecs.custom("SageMaker-Canvas")
			.activities(TestSpecs.activities("canvas-core-access"))
			.canvas(settings)
			.build();
	}

}
