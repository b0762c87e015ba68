package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Another administrator reads every step of a draft: the same page with its fields disabled, no button that posts,
 * Back and Next as links; posting is still refused.
 */
@ConsoleTest
@WithMockUser(username = "admin2", roles = "ADMIN")
class ReadOnlyStepsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	/** admin's finished data-scientist draft. */
	private Draft finished() {
		DraftContent content = new DraftContent(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123def456", true, List.of("alice")));
		Draft draft = this.drafts.start("Read by others", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
			}
		}
		return draft;
	}

	private Document page(long id, WizardStep step) throws Exception {
		MvcResult result = this.mvc.perform(get("/drafts/{id}/steps/" + step.path(), id)).andReturn();
		assertThat(result.getResponse().getStatus()).as(step.path()).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@ParameterizedTest
	@EnumSource(value = WizardStep.class, names = "SUMMARY", mode = EnumSource.Mode.EXCLUDE)
	void everyStepIsTheSamePageWithItsFieldsDisabledAndLinksInsteadOfButtons(WizardStep step) throws Exception {
		Draft draft = finished();
		Document page = page(draft.id(), step);
		assertThat(page.select("#step-title").text()).isEqualTo(step.title());
		assertThat(page.select("#read-only").text())
			.isEqualTo("You are viewing admin's draft read-only: only its author can change it.");
		Element fields = page.getElementById("step-fields");
		assertThat(fields).isNotNull();
		assertThat(fields.tagName()).isEqualTo("fieldset");
		assertThat(fields.hasAttr("disabled")).isTrue();
		assertThat(page.select("#step-form input:not([type=hidden]), #step-form select, #step-form textarea"))
			.isNotEmpty()
			.allSatisfy((input) -> assertThat(input.parents()).contains(fields));
		assertThat(page.select("button[name=_action], button[type=submit]:not(#signed-in-user button)")).isEmpty();
		assertThat(page.select("#save")).isEmpty();
		assertThat(page.select("#step-form").attr("hx-post")).isEmpty();
		if (step.previous().isPresent()) {
			assertThat(page.select("a#back").attr("href"))
				.isEqualTo("/drafts/" + draft.id() + "/steps/" + step.previous().get().path());
		}
		assertThat(page.select("a#next").attr("href"))
			.isEqualTo("/drafts/" + draft.id() + "/steps/" + step.next().get().path());
		assertThat(page.select("#wizard-steps a")).extracting((a) -> a.attr("href"))
			.hasSize(WizardStep.values().length - 1)
			.allSatisfy((href) -> assertThat(href).startsWith("/drafts/" + draft.id() + "/steps/"));
	}

	@Test
	void theValuesOfTheDraftAreShown() throws Exception {
		Draft draft = finished();
		assertThat(page(draft.id(), WizardStep.BASICS).getElementById("accountId").attr("value"))
			.isEqualTo(TestSpecs.ACCOUNT);
		assertThat(page(draft.id(), WizardStep.ACTIVITIES).getElementById("activity-manage-jobs").hasAttr("checked"))
			.isTrue();
		assertThat(page(draft.id(), WizardStep.CANVAS).getElementById("domainId").attr("value"))
			.isEqualTo("d-abc123def456");
	}

	@Test
	void stepsNotReachedSendToTheStepReachedButTheReviewCanAlwaysBeRead() throws Exception {
		Draft draft = this.drafts.start("Not far", "admin");
		draft = this.drafts.saveStep(draft.id(), WizardStep.BASICS, WizardStepTest.validContent(), 0, "admin");
		assertThat(this.mvc.perform(get("/drafts/{id}/steps/canvas", draft.id())).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/activities");
		Document activities = page(draft.id(), WizardStep.ACTIVITIES);
		assertThat(activities.select("a#next")).isEmpty();
		assertThat(activities.select("#wizard-steps a")).extracting(Element::text)
			.containsExactly("Role and persona", "Review");
		assertThat(page(draft.id(), WizardStep.SUMMARY).select("#read-only")).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = WizardStep.class, names = "SUMMARY", mode = EnumSource.Mode.EXCLUDE)
	void postsOfTheStepAndItsPreviewAreStillRefused(WizardStep step) throws Exception {
		Draft draft = finished();
		for (String path : List.of("", "/preview")) {
			MvcResult result = this.mvc.perform(post("/drafts/{id}/steps/" + step.path() + path, draft.id())
				.with(csrf())
				.param("version", String.valueOf(draft.version()))
				.param("_action", "next")).andReturn();
			assertThat(result.getResponse().getStatus()).as(step.path() + path).isEqualTo(403);
			if (path.isEmpty()) {
				// The page says the rule and what a second administrator can do instead; not "ask an ML administrator".
				org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
				assertThat(refused.select("#rule").text()).isEqualTo("Only admin, the author, can change this draft.");
				assertThat(refused.select("#instead-list a").eachText()).containsExactly("All drafts", "My drafts");
				assertThat(refused.select("#error-page").text()).doesNotContain("token")
					.doesNotContain("ask an ML administrator");
			}
		}
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

	@Test
	void theAuthorOfADraftUnderReviewReadsItsStepsToo() throws Exception {
		Draft draft = finished();
		this.mvc.perform(post("/drafts/{id}/submit", draft.id()).with(csrf())
			.with(user("admin").roles("ADMIN"))
			.param("justification", "needed")
			.param("version", String.valueOf(draft.version())));
		MvcResult result = this.mvc.perform(get("/drafts/{id}/steps/models", draft.id())
			.with(user("admin").roles("ADMIN"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#read-only").text())
			.isEqualTo("This draft is submitted: it is shown read-only and cannot be changed now.");
		assertThat(page.getElementById("step-fields").hasAttr("disabled")).isTrue();
		assertThat(page.select("a#my-drafts").attr("href")).isEqualTo("/drafts");
	}

}
