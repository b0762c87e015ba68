package org.mlgov.console.draft.web;

import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rows beyond what a list can hold (the binder grows lists up to 256 rows and used to answer 500 beyond): refused
 * with a 400 and a message next to the list, on the step and on its preview, and nothing saved.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RowIndexLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	Catalog catalog;

	/** A draft of admin's with every step saved with valid values, so that every step can be posted. */
	private Draft finished() {
		Draft draft = this.drafts.start("Row limit test", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, WizardStepTest.validContent(), draft.version(), "admin");
			}
		}
		return draft;
	}

	/** The step, a parameter with a row out of range, and where the page shows the list's error. */
	static Stream<Arguments> rowsOutOfRange() {
		return Stream.of(Arguments.of(WizardStep.BASICS, "tags[300].key", "x", "#rows-tags > .text-danger", "301"),
				Arguments.of(WizardStep.BASICS, "tags[256].value", "x", "#rows-tags > .text-danger", "257"),
				Arguments.of(WizardStep.BASICS, "tags[99999999999999999999].key", "x", "#rows-tags > .text-danger",
						"100000000000000000000"),
				Arguments.of(WizardStep.BASICS, "tags[-1].key", "x", "#rows-tags > .text-danger", "-1"),
				Arguments.of(WizardStep.ACTIVITIES, "activities[999].selected", "true", "#activities-errors", "1000"),
				Arguments.of(WizardStep.ACTIVITIES, "subnetIds[300]", "subnet-0123456789abcdef0",
						"#rows-subnetIds > .text-danger", "301"),
				Arguments.of(WizardStep.ACTIVITIES, "activities[0].s3Buckets[256]", "my-bucket",
						"[id=\"rows-activities[0]-s3Buckets\"] > .text-danger", "257"),
				Arguments.of(WizardStep.MODELS, "bedrock.patterns[300]", "x", "#rows-bedrock-patterns > .text-danger",
						"301"),
				Arguments.of(WizardStep.MODELS, "jumpStart.exceptions[4096]", "x",
						"#rows-jumpStart-exceptions > .text-danger", "4097"),
				Arguments.of(WizardStep.CANVAS, "userProfiles[1000]", "alice", "#rows-userProfiles > .text-danger",
						"1001"),
				Arguments.of(WizardStep.COLLABORATION, "corsBuckets[256]", "my-bucket",
						"#rows-corsBuckets > .text-danger", "257"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("rowsOutOfRange")
	void aRowOutOfRangeIsRefusedNextToItsListAndNothingIsSaved(WizardStep step, String name, String value,
			String errorSelector, String row) throws Exception {
		Draft draft = finished();
		String message = "At most 256 rows can be sent in this list; the form sent row " + row
				+ ". Nothing was saved.";
		for (String action : List.of("next", "save", "back", "add:corsBuckets")) {
			MockHttpServletRequestBuilder request = post("/drafts/{id}/steps/" + step.path(), draft.id()).with(csrf())
				.param("version", String.valueOf(draft.version()))
				.param(name, value)
				.param("_action", action);
			if (step == WizardStep.ACTIVITIES) {
				// As the page posts it: a row per catalogue activity, with its id.
				for (int i = 0; i < this.catalog.activities().size(); i++) {
					request.param("activities[" + i + "].id", this.catalog.activities().get(i).id());
				}
			}
			MvcResult result = this.mvc.perform(request).andReturn();
			assertThat(result.getResponse().getStatus()).as(action).isEqualTo(400);
			Document page = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(page.select(errorSelector).text()).as(action).isEqualTo(message);
			assertThat(page.select("#step-title").text()).isEqualTo(step.title());
		}
		Draft unchanged = this.repository.findById(draft.id()).orElseThrow();
		assertThat(unchanged.version()).isEqualTo(draft.version());

		MvcResult preview = this.mvc.perform(post("/drafts/{id}/steps/" + step.path() + "/preview", draft.id())
			.with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param(name, value)).andReturn();
		assertThat(preview.getResponse().getStatus()).isEqualTo(400);
		Document panel = Jsoup.parse(preview.getResponse().getContentAsString());
		assertThat(panel.select("#preview-problems li").eachText()).anySatisfy((p) -> assertThat(p).endsWith(message));
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

	@Test
	void rowsWithinTheLimitAreBoundAndTheBlankOnesBeforeThemDropped() throws Exception {
		Draft draft = finished();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("accountId", "111122223333")
			.param("region", "us-east-1")
			.param("roleName", "SageMaker-Test")
			.param("persona", "custom")
			.param("tags[255].key", "team")
			.param("tags[255].value", "ml")
			.param("_action", "save")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(this.repository.findById(draft.id()).orElseThrow().content().spec().tags())
			.extracting((t) -> t.key() + "=" + t.value())
			.containsExactly("team=ml");
	}

	@Test
	void anIndexThatIsNotANumberIsABadRequestNotAServerError() throws Exception {
		Draft draft = finished();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("tags[abc].key", "x")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#error-detail").text())
			.isEqualTo("The form sent a field the page does not have (tags[abc]): reload the page and try again; "
					+ "nothing was saved.");
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

}
