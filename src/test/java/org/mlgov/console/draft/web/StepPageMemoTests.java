package org.mlgov.console.draft.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A step page shown as saved is rendered once per {@link StepPage} and kept (fragments/wizard :: memoized,
 * {@code #rendered.page}): the next page with the same key is the same markup, with its own request's CSRF token,
 * and anything that changes the key (a save, another viewer, a message after a redirect) shows at once.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class StepPageMemoTests extends WizardStepTest {

	@Override
	WizardStep step() {
		return WizardStep.MODELS;
	}

	@Test
	void theSecondShowingIsTheKeptPageWithTheTokenOfItsOwnSession() throws Exception {
		Draft draft = draft();
		MockHttpSession first = new MockHttpSession();
		MockHttpSession second = new MockHttpSession();
		MvcResult rendered = this.mvc.perform(get("/drafts/{id}/steps/models", draft.id()).session(first)).andReturn();
		MvcResult kept = this.mvc.perform(get("/drafts/{id}/steps/models", draft.id()).session(second)).andReturn();

		// The first page prepared the form and rendered the step; the second prepared nothing but the kept markup.
		assertThat(rendered.getModelAndView().getModel()).containsKeys("form", "stepPage").doesNotContainKey("keptPage");
		assertThat(kept.getModelAndView().getModel()).containsKey("keptPage").doesNotContainKeys("form", "preview");
		Document firstPage = page(rendered);
		Document secondPage = page(kept);
		assertThat(withoutTokens(secondPage.select("main").outerHtml()))
			.isEqualTo(withoutTokens(firstPage.select("main").outerHtml()));
		assertThat(secondPage.select("#bedrock-options input[type=checkbox]")).hasSizeGreaterThan(50);
		// Each page's step form carries its own request's token.
		for (Document page : java.util.List.of(firstPage, secondPage)) {
			assertThat(page.select("#step-form input[name=_csrf]").eachAttr("value")).hasSize(1)
				.containsOnly(page.select("meta[name=_csrf]").attr("content"));
		}
		String token = secondPage.select("#step-form input[name=_csrf]").attr("value");
		assertThat(token).isNotEqualTo(firstPage.select("#step-form input[name=_csrf]").attr("value"));
		assertThat(secondPage.html()).doesNotContain("form-token");

		// The kept page's form saves with the token it carries (no test shortcut for the token here).
		MvcResult saved = this.mvc.perform(post("/drafts/{id}/steps/models", draft.id()).session(second)
			.param("_csrf", token)
			.param("version", secondPage.select("#step-form input[name=version]").attr("value"))
			.param("bedrock.mode", "DENY_LISTED")
			.param("bedrock.picked", ModelsStepTests.HAIKU)
			.param("jumpStart.mode", "NO_RESTRICTION")
			.param("_action", "save")).andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/models");

		// After the save the page shows the new choice and the message of the redirect (from the session), not the
		// kept page of the older version.
		Document after = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/models", draft.id()).session(second))
			.andReturn().getResponse().getContentAsString());
		assertThat(after.select("#saved").text()).isEqualTo("Saved \u201cGenerative models\u201d.");
		assertThat(after.select("#bedrock-mode-DENY_LISTED").hasAttr("checked")).isTrue();
		assertThat(after.select("input[name=bedrock.picked][checked]").eachAttr("value"))
			.containsExactly(ModelsStepTests.HAIKU);
		assertThat(after.select("#step-form input[name=version]").attr("value"))
			.isEqualTo(String.valueOf(draft.version() + 1));
		// The same version again without the message: no "saved" message is kept from the page before.
		Document again = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/models", draft.id()).session(second))
			.andReturn().getResponse().getContentAsString());
		assertThat(again.select("#saved")).isEmpty();
		assertThat(again.select("input[name=bedrock.picked][checked]").eachAttr("value"))
			.containsExactly(ModelsStepTests.HAIKU);
	}

	@Test
	void anotherAdministratorReadsTheSameDraftReadOnlyThoughTheAuthorsPageIsKept() throws Exception {
		Draft draft = draft();
		for (int i = 0; i < 2; i++) {
			Document mine = page(getStep(draft));
			assertThat(mine.select("#read-only")).isEmpty();
			assertThat(mine.select("#step-fields").hasAttr("disabled")).isFalse();
		}
		Document theirs = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/models", draft.id())
			.with(user("admin2").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
		assertThat(theirs.select("#read-only").text()).contains("You are viewing admin's draft read-only");
		assertThat(theirs.select("#step-fields").hasAttr("disabled")).isTrue();
		assertThat(theirs.select("#save")).isEmpty();
	}

	@Test
	void theReviewStepIsKeptButARefusedSubmissionShowsItsReasonsAndTheTypedText() throws Exception {
		Draft draft = this.drafts.start("Review memo", "admin");
		for (WizardStep s : WizardStep.values()) {
			if (s != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), s, validContent(), draft.version(), "admin");
			}
		}
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).session(session));
		MvcResult kept = this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).session(session)).andReturn();
		assertThat(kept.getModelAndView().getModel()).containsKey("keptPage").doesNotContainKey("review");
		assertThat(page(kept).select("#submit-form")).hasSize(1);
		assertThat(page(kept).select("#submit-errors")).isEmpty();

		MvcResult refused = this.mvc.perform(post("/drafts/{id}/submit", draft.id()).session(session)
			.param("_csrf", page(kept).select("#submit-form input[name=_csrf]").attr("value"))
			.param("version", String.valueOf(draft.version()))
			.param("justification", "  ")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/review");
		MvcResult shown = this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).session(session)).andReturn();
		assertThat(shown.getModelAndView().getModel()).doesNotContainKey("keptPage").containsKey("review");
		assertThat(page(shown).select("#submit-errors").text()).contains("justification");
		assertThat(page(shown).select("#justification").text()).isEmpty();
		assertThat(page(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).session(session)).andReturn())
			.select("#submit-errors")).isEmpty();
	}

	/** The page without its CSRF token values (each request has its own). */
	private static String withoutTokens(String html) {
		return html.replaceAll("value=\"[^\"]{40,}\"", "");
	}

}
