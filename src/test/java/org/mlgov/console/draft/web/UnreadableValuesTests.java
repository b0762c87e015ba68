package org.mlgov.console.draft.web;

import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Values a step cannot even convert: a version that is not a number (a hidden field, so its message is above the
 * form), a choice no option has, a checkbox that is neither on nor off. Each gets a message that says what to do,
 * and nothing is saved.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class UnreadableValuesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	private Draft finished() {
		Draft draft = this.drafts.start("Unreadable values", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, WizardStepTest.validContent(), draft.version(), "admin");
			}
		}
		return draft;
	}

	private MvcResult send(Draft draft, WizardStep step, String version, String name, String value) throws Exception {
		return this.mvc.perform(post("/drafts/{id}/steps/" + step.path(), draft.id()).with(csrf())
			.param("version", version)
			.param(name, value)
			.param("_action", "next")).andReturn();
	}

	@ParameterizedTest
	@EnumSource(value = WizardStep.class, names = "SUMMARY", mode = EnumSource.Mode.EXCLUDE)
	void aVersionThatIsNotANumberIsSaidAboveTheFormAndNothingIsSaved(WizardStep step) throws Exception {
		Draft draft = finished();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/" + step.path(), draft.id()).with(csrf())
			.param("version", "abc")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#step-form > .alert-danger, #step-form .alert-danger p").eachText())
			.contains("This form does not say which version of the draft it was loaded from, so it cannot be saved "
					+ "safely: reload the draft and make your change again. Nothing was saved.");
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

	/** A value no option has, or a checkbox value that is neither on nor off, and where the page says so. */
	static Stream<Arguments> choices() {
		String option = "Choose one of the options.";
		String box = "Tick the box or leave it empty.";
		return Stream.of(
				Arguments.of(WizardStep.BASICS, "roleMode", "BOTH", "#roleMode-errors",
						"Choose whether the role is new or an update of an existing role."),
				Arguments.of(WizardStep.ACTIVITIES, "vpcEnabled", "maybe", "#vpcEnabled-errors", box),
				Arguments.of(WizardStep.MODELS, "bedrock.mode", "EVERYTHING", "#bedrock-section fieldset .text-danger",
						option),
				Arguments.of(WizardStep.MODELS, "jumpStart.mode", "allow_listed",
						"#jumpStart-section fieldset .text-danger", option),
				Arguments.of(WizardStep.MODELS, "bedrock.denyFineTuning", "perhaps",
						"#bedrock-section .form-check .invalid-feedback", box),
				Arguments.of(WizardStep.CANVAS, "bedrockRole", "SOMEONE_ELSE", "#bedrock-role > .text-danger", option),
				Arguments.of(WizardStep.CANVAS, "readyToUseModels", "2", ".form-check:has(#readyToUseModels1) .invalid-feedback",
						box),
				Arguments.of(WizardStep.COLLABORATION, "sharingScope", "WIDE", "#sharingScope-choice > .text-danger",
						option),
				Arguments.of(WizardStep.COLLABORATION, "s3Scope", "", "#s3Scope-choice > .text-danger", null),
				Arguments.of(WizardStep.COLLABORATION, "s3Scope", "EVERY_BUCKET", "#s3Scope-choice > .text-danger",
						option),
				Arguments.of(WizardStep.COLLABORATION, "automatic", "yes please",
						".form-check:has(#automatic1) .invalid-feedback", box));
	}

	@ParameterizedTest(name = "{0}: {1}={2}")
	@MethodSource("choices")
	void aValueNoOptionHasIsShownAtTheChoiceAndNothingIsSaved(WizardStep step, String name, String value,
			String where, String message) throws Exception {
		Draft draft = finished();
		MvcResult result = send(draft, step, String.valueOf(draft.version()), name, value);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		if (message == null) {
			// An empty choice is no choice: the default applies.
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(page.select(where)).isEmpty();
			return;
		}
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page.select(where).text()).isEqualTo(message);
		assertThat(page.text()).doesNotContain("wrong format");
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

}
