package org.mlgov.console.draft.web;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Back and the step list save the step first, so an invalid value stops them (400, what was typed and the messages
 * kept); the page then offers a plain link to the step asked for, without the changes.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class DiscardChangesTests extends WizardStepTest {

	@Override
	WizardStep step() {
		return WizardStep.COLLABORATION;
	}

	private MvcResult post(Draft draft, String action) throws Exception {
		return this.mvc.perform(postTo(draft, "").param("automatic", "true")
			.param("corsBuckets[0]", "BAD_BUCKET")
			.param("_action", action)).andReturn();
	}

	@Test
	void backWithAnInvalidValueKeepsItAndOffersToDiscardTheChangesAndGoBack() throws Exception {
		Draft draft = draft();
		MvcResult result = post(draft, "back");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rows(page, "corsBuckets")).containsExactly("BAD_BUCKET");
		assertThat(rowError(page, "corsBuckets", 0)).isNotBlank();
		assertThat(page.select("#error-summary p").text()).startsWith("This step was not saved");
		assertThat(page.select("#discard").text()).isEqualTo("Discard these changes and go back to “Canvas settings”");
		assertThat(page.select("#discard").attr("href")).isEqualTo("/drafts/" + draft.id() + "/steps/canvas");
		assertThat(saved(draft).version()).isEqualTo(draft.version());

		// The link is a plain GET: the previous step as saved, this step's changes left.
		MvcResult back = this.mvc.perform(get(page.select("#discard").attr("href"))).andReturn();
		assertThat(back.getResponse().getStatus()).isEqualTo(200);
		assertThat(page(back).select("#step-title").text()).isEqualTo("Canvas settings");
		assertThat(saved(draft).content().spec().evaluation()).isNull();
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void theStepListOffersToDiscardTheChangesAndGoToTheStepChosen() throws Exception {
		Draft draft = draft();
		Document page = page(post(draft, "goto:basics"));
		assertThat(page.select("#discard").text())
			.isEqualTo("Discard these changes and go back to “Role and persona”");
		assertThat(page.select("#discard").attr("href")).isEqualTo("/drafts/" + draft.id() + "/steps/basics");
	}

	@Test
	void nextAndSaveWithAnInvalidValueOfferNoDiscard() throws Exception {
		Draft draft = draft();
		for (String action : new String[] { "next", "save" }) {
			MvcResult result = post(draft, action);
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(page(result).select("#discard, #error-summary")).isEmpty();
		}
	}

}
