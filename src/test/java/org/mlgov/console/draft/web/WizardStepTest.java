package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the web tests of one wizard step share: a draft of user admin that has reached the step with valid earlier
 * steps, requests to the step, the draft as saved, and the page as a document.
 */
abstract class WizardStepTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	/** The step under test. */
	abstract WizardStep step();

	/** Valid basics and activities (Canvas core access), nothing chosen in the later steps. */
	static DraftContent validContent() {
		return DraftContent.empty()
			.withSpec(TestSpecs.bare("custom").withActivities(TestSpecs.activities("canvas-core-access")));
	}

	/** A new draft whose steps before the one under test are saved with {@link #validContent()}. */
	Draft draft() {
		Draft draft = this.drafts.start(step().title() + " test", "admin");
		for (WizardStep s : List.of(WizardStep.values())) {
			if (!step().isAfter(s)) {
				break;
			}
			draft = this.drafts.saveStep(draft.id(), s, validContent(), draft.version(), "admin");
		}
		return draft;
	}

	/** Saves the step under test with this content, as a valid post would. */
	void saveStep(Draft draft, DraftContent content) {
		this.drafts.saveStep(draft.id(), step(), content, draft.version(), "admin");
	}

	/** A post to the step ({@code path} "") or to its preview ("/preview"), with the draft's version. */
	MockHttpServletRequestBuilder postTo(Draft draft, String path) {
		return post("/drafts/{id}/steps/" + step().path() + path, draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()));
	}

	MvcResult getStep(Draft draft) throws Exception {
		return this.mvc.perform(get("/drafts/{id}/steps/" + step().path(), draft.id())).andReturn();
	}

	Draft saved(Draft draft) {
		return this.repository.findById(draft.id()).orElseThrow();
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The value attributes of the elements the selector finds, in order. */
	static List<String> values(Document page, String selector) {
		return page.select(selector).stream().map((e) -> e.attr("value")).toList();
	}

	/** The values of the rows of a list ({@code fragments/rows}), in order. */
	static List<String> rows(Document page, String list) {
		return values(page, "#rows-" + list + " input[type=text]");
	}

	/** The error shown in row {@code index} of a list of rows ({@code fragments/rows}). */
	static String rowError(Document page, String list, int index) {
		Element row = page.select("#rows-" + list + " .input-group").get(index);
		return row.select(".invalid-feedback").text();
	}

}
