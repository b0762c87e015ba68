package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 3, generative models, through the web layer. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class ModelsStepTests extends WizardStepTest {

	static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";

	static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";

	static final String LLAMA = "meta-textgeneration-llama-2-70b";

	@Override
	WizardStep step() {
		return WizardStep.MODELS;
	}

	@Test
	void validChoicesAreSavedExactlyAndLeadToCanvasSettings() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("bedrock.mode", "ALLOW_LISTED")
			.param("bedrock.picked", HAIKU, SONNET)
			.param("bedrock.patterns[0]", "cohere.command-text-*")
			.param("bedrock.patterns[1]", "")
			.param("bedrock.exceptions[0]", SONNET)
			.param("_bedrock.denyFineTuning", "on")
			.param("jumpStart.mode", "DENY_LISTED")
			.param("jumpStart.picked", LLAMA)
			.param("jumpStart.patterns[0]", "huggingface-llm-falcon-*")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/canvas");
		Draft saved = saved(draft);
		RoleSpec spec = saved.content().spec();
		assertThat(spec.bedrock()).isEqualTo(new ModelAccess(AccessMode.ALLOW_LISTED,
				List.of(HAIKU, SONNET, "cohere.command-text-*"), List.of(SONNET), false));
		assertThat(spec.jumpStart()).isEqualTo(new ModelAccess(AccessMode.DENY_LISTED, List.of(),
				List.of(LLAMA, "huggingface-llm-falcon-*"), null));
		assertThat(spec.roleName()).isEqualTo("SageMaker-Test");
		assertThat(saved.stepReached()).isEqualTo(WizardStep.CANVAS);
		assertThat(saved.version()).isEqualTo(draft.version() + 1);
	}

	@Test
	void modesThatNameNoModelsSaveEmptyListsAndFineTuningDeniedByDefault() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("bedrock.mode", "DENY_ALL")
			.param("bedrock.picked", HAIKU)
			.param("bedrock.denyFineTuning", "true")
			.param("_bedrock.denyFineTuning", "on")
			.param("jumpStart.mode", "NO_RESTRICTION")
			.param("jumpStart.patterns[0]", "huggingface-llm-falcon-*")
			.param("_action", "save")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		RoleSpec spec = saved(draft).content().spec();
		assertThat(spec.bedrock()).isEqualTo(new ModelAccess(AccessMode.DENY_ALL, List.of(), List.of(), true));
		assertThat(spec.jumpStart()).isEqualTo(ModelAccess.unrestricted());
	}

	@Test
	void invalidEntriesShowTheirErrorNextToTheirRowAndSaveNothing() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("bedrock.mode", "DENY_LISTED")
			.param("bedrock.picked", HAIKU, SONNET)
			.param("bedrock.patterns[0]", "j2-mid-v1")
			.param("bedrock.patterns[1]", HAIKU)
			.param("jumpStart.mode", "ALLOW_LISTED")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rowError(page, "bedrock-patterns", 0))
			.contains("full model id 'ai21.j2-mid-v1'");
		assertThat(rowError(page, "bedrock-patterns", 1))
			.contains("listed twice");
		assertThat(page.select("#jumpStart-picked-errors").text())
			.isEqualTo("Mode ALLOW_LISTED needs at least one model in this list.");
		assertThat(page.select("#bedrock\\.patterns0").attr("value")).isEqualTo("j2-mid-v1");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void anUnknownModeIsShownAtTheModesAndSavesNothing() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "").param("bedrock.mode", "EVERYTHING")
			.param("_action", "save")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(result).select("#bedrock-section fieldset .text-danger").text())
			.isEqualTo("Choose one of the options.");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void addingAndRemovingRowsKeepsWhatWasTypedAndSavesNothing() throws Exception {
		Draft draft = draft();
		MvcResult added = this.mvc.perform(postTo(draft, "")
			.param("bedrock.mode", "DENY_LISTED")
			.param("bedrock.picked", OPUS)
			.param("bedrock.patterns[0]", "cohere.command-text-*")
			.param("jumpStart.mode", "ALLOW_LISTED")
			.param("jumpStart.patterns[0]", "huggingface-llm-falcon-*")
			.param("jumpStart.patterns[1]", "huggingface-llm-mistral-*")
			.param("_action", "add:bedrock.patterns")).andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(200);
		Document page = page(added);
		assertThat(rows(page, "bedrock-patterns")).containsExactly("cohere.command-text-*", "");
		assertThat(values(page, "input[name=bedrock.picked][checked]")).containsExactly(OPUS);
		assertThat(page.select("#bedrock-mode-DENY_LISTED").hasAttr("checked")).isTrue();
		// Each catalogued model's box as th:field would write it: ids bedrock.picked1, 2, ... named by its label, and
		// Spring's marker of an unticked box after it.
		org.jsoup.select.Elements boxes = page.select("input[type=checkbox][name=bedrock.picked]");
		assertThat(boxes).hasSizeGreaterThan(10);
		for (int i = 0; i < boxes.size(); i++) {
			org.jsoup.nodes.Element box = boxes.get(i);
			assertThat(box.id()).isEqualTo("bedrock.picked" + (i + 1));
			assertThat(page.select("label").stream().filter((l) -> l.attr("for").equals(box.id())).toList())
				.singleElement()
				.satisfies((label) -> assertThat(label.selectFirst("code").text()).isEqualTo(box.val()));
			assertThat(box.nextElementSibling().outerHtml())
				.isEqualTo("<input type=\"hidden\" name=\"_bedrock.picked\" value=\"on\">");
		}

		MvcResult removed = this.mvc.perform(postTo(draft, "")
			.param("jumpStart.mode", "ALLOW_LISTED")
			.param("jumpStart.patterns[0]", "huggingface-llm-falcon-*")
			.param("jumpStart.patterns[1]", "huggingface-llm-mistral-*")
			.param("_action", "remove:jumpStart.patterns:0")).andReturn();
		assertThat(removed.getResponse().getStatus()).isEqualTo(200);
		assertThat(rows(page(removed), "jumpStart-patterns")).containsExactly("huggingface-llm-mistral-*");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void theStepShowsTheSavedChoices() throws Exception {
		Draft draft = draft();
		DraftContent content = validContent();
		saveStep(draft, content.withSpec(content.spec()
			.withBedrock(new ModelAccess(AccessMode.ALLOW_LISTED, List.of(HAIKU, "cohere.command-text-*"),
					List.of(OPUS), false))
			.withJumpStart(new ModelAccess(AccessMode.DENY_LISTED, List.of(), List.of("huggingface-llm-falcon-*"),
					null))));
		MvcResult result = getStep(draft);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = page(result);
		assertThat(page.select("#step-title").text()).isEqualTo("Generative models");
		assertThat(page.select("form#step-form")).hasSize(1);
		assertThat(page.select("#next").text()).isEqualTo("Next: Canvas settings →");
		assertThat(page.select("input[name=bedrock.mode]")).hasSize(4);
		assertThat(page.select("#bedrock-mode-ALLOW_LISTED").hasAttr("checked")).isTrue();
		assertThat(values(page, "input[name=bedrock.picked][checked]")).containsExactly(HAIKU);
		assertThat(rows(page, "bedrock-patterns")).containsExactly("cohere.command-text-*");
		assertThat(rows(page, "bedrock-exceptions")).containsExactly(OPUS);
		assertThat(page.select("input[type=checkbox][name=bedrock.denyFineTuning]").hasAttr("checked")).isFalse();
		assertThat(page.select("#jumpStart-mode-DENY_LISTED").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=jumpStart.picked][checked]")).isEmpty();
		assertThat(rows(page, "jumpStart-patterns")).containsExactly("huggingface-llm-falcon-*");
		assertThat(page.select("input[name=jumpStart.denyFineTuning]")).isEmpty();
	}

	@Test
	void draftsWithOtherTicksAreNotShownEachOthersBoxes() throws Exception {
		// The provider groups are rendered once per distinct set of ticks (#rendered): a draft with other ticks must
		// show its own ticks and counts, and the first draft shown again gives the same boxes as the first time.
		DraftContent content = validContent();
		Draft one = draft();
		saveStep(one, content.withSpec(content.spec()
			.withBedrock(new ModelAccess(AccessMode.ALLOW_LISTED, List.of(HAIKU), List.of(), false))));
		Draft two = draft();
		saveStep(two, content.withSpec(content.spec()
			.withBedrock(new ModelAccess(AccessMode.ALLOW_LISTED, List.of(SONNET, OPUS), List.of(), false))));

		Document first = page(getStep(one));
		Document second = page(getStep(two));
		Document firstAgain = page(getStep(one));

		String anthropic = "#bedrock-options details:has(input[value='" + HAIKU + "'])";
		assertThat(values(first, "input[name=bedrock.picked][checked]")).containsExactly(HAIKU);
		assertThat(first.select(anthropic + " .provider-count").text()).endsWith(", 1 ticked)");
		assertThat(values(second, "input[name=bedrock.picked][checked]")).containsExactlyInAnyOrder(OPUS, SONNET);
		assertThat(second.select(anthropic + " .provider-count").text()).endsWith(", 2 ticked)");
		assertThat(second.select(anthropic).hasAttr("open")).isTrue();
		assertThat(second.select("input[name=bedrock.picked]").eachAttr("id"))
			.as("ids numbered across the family, as th:field numbers them")
			.startsWith("bedrock.picked1", "bedrock.picked2", "bedrock.picked3");
		assertThat(firstAgain.select("#bedrock-options").outerHtml()).isEqualTo(first.select("#bedrock-options").outerHtml());
	}

	@Test
	void thePickerGroupsTheCatalogueAndMarksLegacyModels() throws Exception {
		Draft draft = draft();
		Document page = page(getStep(draft));
		assertThat(page.select("#bedrock-options input[type=checkbox]")).hasSize(115);
		// Each provider is a folded group with its number of models; none is ticked yet, so all start folded.
		assertThat(page.select("#bedrock-options details[data-filter-group]")).isNotEmpty()
			.allMatch((group) -> !group.hasAttr("open"));
		assertThat(page.select("#bedrock-options details[data-filter-group] .provider-count").eachText())
			.allMatch((count) -> count.matches("\\(\\d+ models?\\)"));
		assertThat(page.select("#bedrock-options [data-filter-group] > summary > span:first-child").eachText()).contains("AI21 Labs",
				"Anthropic", "Cohere");
		assertThat(page.select("#bedrock-options [data-filter-text*=ai21.j2-mid-v1] .badge").text()).isEqualTo("legacy");
		assertThat(page.select("#jumpStart-options input[type=checkbox]")).hasSize(41);
		assertThat(page.select("#jumpStart-options [data-filter-group] > summary > span:first-child").eachText())
			.containsExactly("dolly-v2", "falcon", "flan-t5", "llama-2", "mistral", "mpt-7b");
		assertThat(page.select("input[data-filter=bedrock-options]")).hasSize(1);
		assertThat(page.select("#bedrock-summary")).hasSize(1);
	}

	@Test
	void thePreviewCountsTheCatalogueModelsTheValuesAllowAndDeny() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "/preview")
			.param("bedrock.mode", "ALLOW_LISTED")
			.param("bedrock.picked", HAIKU, OPUS)
			.param("bedrock.patterns[0]", "cohere.command-*")
			.param("bedrock.exceptions[0]", OPUS)
			.param("jumpStart.mode", "DENY_LISTED")
			.param("jumpStart.patterns[0]", "huggingface-llm-falcon-*")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document panel = page(result);
		assertThat(panel.select("aside#preview")).hasSize(1);
		assertThat(panel.select("#preview .preview-policy").text()).contains("DenyBedrockExceptAllowedModels");
		// Haiku and the four cohere.command-* models; Opus is denied inside the allow list.
		assertThat(panel.select("#bedrock-summary[hx-swap-oob=true] .model-counts").text())
			.isEqualTo("Canvas users can invoke 5 of 115 catalogued Bedrock models");
		assertThat(panel.select("#bedrock-summary .model-denied").text()).isEqualTo("110 denied.");
		assertThat(panel.select("#jumpStart-summary[hx-swap-oob=true] .model-counts").text())
			.isEqualTo("Canvas users can deploy 28 of 41 catalogued JumpStart models");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

}
