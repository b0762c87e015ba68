package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.StepNotReachedException;
import org.mlgov.console.draft.WizardStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Steps are not skipped: a POST to a step after the one reached saves nothing and goes to the step reached. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class StepOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	AuditEventRepository audit;

	@Test
	void aPostToALaterStepOfAFreshDraftSavesNothingAndGoesBackToTheStepReached() throws Exception {
		Draft draft = this.drafts.start("Skipping test", "admin");
		for (WizardStep later : List.of(WizardStep.ACTIVITIES, WizardStep.MODELS, WizardStep.CANVAS,
				WizardStep.COLLABORATION)) {
			MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/" + later.path(), draft.id()).with(csrf())
				.param("version", "0")
				.param("automatic", "true")
				.param("corsBuckets[0]", "eval-bucket")
				.param("_action", "next")).andReturn();
			assertThat(result.getResponse().getStatus()).as(later.path()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(later.path())
				.isEqualTo("/drafts/" + draft.id() + "/steps/basics");
			assertThat(result.getFlashMap().get("notice"))
				.isEqualTo("That step is not reached yet: finish \u201cRole and persona\u201d first. Nothing was saved.");

			Document page = Jsoup.parse(this.mvc.perform(get(result.getResponse().getRedirectedUrl())
				.flashAttrs(result.getFlashMap())).andReturn().getResponse().getContentAsString());
			assertThat(page.select("#step-title").text()).isEqualTo("Role and persona");
			assertThat(page.select("#notice").text()).startsWith("That step is not reached yet");
		}
		Draft unchanged = this.repository.findById(draft.id()).orElseThrow();
		assertThat(unchanged.version()).isZero();
		assertThat(unchanged.stepReached()).isEqualTo(WizardStep.BASICS);
		assertThat(unchanged.content().spec().evaluation()).isNull();
		assertThat(this.audit.findByActor("admin", 500)).filteredOn((e) -> draft.id().equals(e.draftId()))
			.extracting(AuditEvent::action)
			.containsExactly("DRAFT_CREATED");

		Document myDrafts = Jsoup.parse(this.mvc.perform(get("/drafts")).andReturn().getResponse().getContentAsString());
		assertThat(myDrafts.select("tr[data-draft-id=" + draft.id() + "]").text()).contains("1. Role and persona")
			.doesNotContain("6. Review");
	}

	@Test
	void theStepReachedAndEveryStepBeforeItCanBeSaved() throws Exception {
		Draft draft = this.drafts.start("In order", "admin");
		draft = this.drafts.saveStep(draft.id(), WizardStep.BASICS, WizardStepTest.validContent(), 0, "admin");
		assertThat(draft.stepReached()).isEqualTo(WizardStep.ACTIVITIES);
		MvcResult beyond = this.mvc.perform(post("/drafts/{id}/steps/models", draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("_action", "save")).andReturn();
		assertThat(beyond.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/activities");
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());

		MvcResult reached = this.mvc.perform(post("/drafts/{id}/steps/activities", draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("_action", "next")).andReturn();
		assertThat(reached.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/models");
		assertThat(this.repository.findById(draft.id()).orElseThrow().stepReached()).isEqualTo(WizardStep.MODELS);
	}

	@Test
	void theServiceRefusesToSkipAStepToo() {
		Draft draft = this.drafts.start("Service skip", "admin");
		assertThatThrownBy(() -> this.drafts.saveStep(draft.id(), WizardStep.COLLABORATION,
				WizardStepTest.validContent(), 0, "admin"))
			.isInstanceOfSatisfying(StepNotReachedException.class,
					(ex) -> assertThat(ex.stepReached()).isEqualTo(WizardStep.BASICS));
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isZero();
	}

}
