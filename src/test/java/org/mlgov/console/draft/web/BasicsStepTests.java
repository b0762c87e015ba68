package org.mlgov.console.draft.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Step 1 of the wizard through the web layer: PRG, validation next to the fields, rows, conflicts. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class BasicsStepTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	private Draft newDraft() {
		return this.drafts.start("Basics test", "admin");
	}

	@Test
	void validBasicsAreSavedAndRedirectToTheNextStep() throws Exception {
		Draft draft = newDraft();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "111122223333")
			.param("region", "eu-west-1")
			.param("partition", "aws")
			.param("roleMode", "UPDATE_EXISTING")
			.param("roleName", "SageMaker-Analysts")
			.param("tags[0].key", "team")
			.param("tags[0].value", "analytics")
			.param("tags[1].key", "")
			.param("tags[1].value", "")
			.param("persona", "data-scientist")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/activities");
		Draft saved = this.repository.findById(draft.id()).orElseThrow();
		RoleSpec spec = saved.content().spec();
		assertThat(spec.accountId()).isEqualTo("111122223333");
		assertThat(spec.roleName()).isEqualTo("SageMaker-Analysts");
		assertThat(spec.tags()).containsExactly(new RoleSpec.Tag("team", "analytics"));
		assertThat(saved.content().roleMode()).isEqualTo(RoleMode.UPDATE_EXISTING);
		assertThat(spec.activities()).extracting(RoleSpec.ActivitySelection::id)
			.containsExactly("run-studio-apps", "manage-jobs", "manage-models", "manage-experiments",
					"visualize-experiments", "s3-bucket-access");
		assertThat(saved.stepReached()).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(saved.version()).isEqualTo(1);
	}

	@Test
	void invalidBasicsShowErrorsNextToTheFieldsAndSaveNothing() throws Exception {
		Draft draft = newDraft();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "1234")
			.param("region", "eu-west-1")
			.param("roleName", "bad name with spaces")
			.param("maxSessionDurationSeconds", "an hour")
			.param("persona", "data-scientist")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#accountId-errors").text()).contains("12 digits");
		assertThat(page.select("#roleName-errors").text()).isNotBlank();
		assertThat(page.select("#maxSessionDurationSeconds-errors").text()).contains("whole number");
		assertThat(page.select("#accountId").attr("value")).isEqualTo("1234");
		assertThat(page.select("#validation-summary-count").text()).isEqualTo("This step has 3 problems to fix:");
		assertThat(page.select("#validation-summary a")).extracting(a -> a.attr("href"))
			.contains("#accountId", "#roleName", "#maxSessionDurationSeconds");
		assertThat(page.select("#validation-summary a[href=#accountId]").text()).contains("12 digits");
		for (String href : page.select("#validation-summary a").eachAttr("href")) {
			assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
		}
		Draft unchanged = this.repository.findById(draft.id()).orElseThrow();
		assertThat(unchanged.version()).isZero();
		assertThat(unchanged.content().spec().accountId()).isNull();
	}

	@Test
	void addingATagRowKeepsWhatWasTypedAndSavesNothing() throws Exception {
		Draft draft = newDraft();
		MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "111122223333")
			.param("roleName", "Typed-But-Not-Saved")
			.param("tags[0].key", "team")
			.param("tags[0].value", "a")
			.param("_action", "add:tags")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#roleName").attr("value")).isEqualTo("Typed-But-Not-Saved");
		assertThat(page.select("#rows-tags input[name$=.key]")).hasSize(2);
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isZero();
	}

	@Test
	void aSaveBasedOnAnOldVersionGets409AndKeepsTheOtherSave() throws Exception {
		Draft draft = newDraft();
		this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "111122223333")
			.param("region", "eu-west-1")
			.param("roleName", "First-Save")
			.param("persona", "custom")
			.param("_action", "save"));
		MvcResult second = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", "0")
			.param("accountId", "111122223333")
			.param("region", "eu-west-1")
			.param("roleName", "Second-Save")
			.param("persona", "custom")
			.param("_action", "save")).andReturn();
		assertThat(second.getResponse().getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(second.getResponse().getContentAsString());
		assertThat(page.select("#conflict").text()).contains("admin saved it at");
		assertThat(page.select("#reload").attr("href")).isEqualTo("/drafts/" + draft.id());
		assertThat(this.repository.findById(draft.id()).orElseThrow().content().spec().roleName())
			.isEqualTo("First-Save");
	}

	@Test
	void theStepPageShowsTheFormAndThePreview() throws Exception {
		Draft draft = newDraft();
		MvcResult result = this.mvc.perform(get("/drafts/{id}/steps/basics", draft.id())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#step-title").text()).isEqualTo("Role and persona");
		assertThat(page.select("input[name=persona]")).hasSize(4);
		// The fields by the names the form gives them, not their paths.
		assertThat(page.select("#preview-missing .missing-field").eachText()).startsWith("AWS account id", "Region",
				"Role name");
		assertThat(page.select("#preview-missing li").text()).doesNotContain("accountId");
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void helpDeskCannotOpenDrafts() throws Exception {
		assertThat(this.mvc.perform(get("/drafts")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

}
