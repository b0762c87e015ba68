package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.test.web.servlet.MvcResult;

/** Drafts that have reached a step of the wizard with valid earlier steps, for the step tests. */
final class WizardDrafts {

	private WizardDrafts() {
	}

	/** Valid basics and activities (Canvas core access), nothing chosen in the later steps. */
	static DraftContent validContent() {
		return DraftContent.empty()
			.withSpec(new RoleSpec(TestSpecs.ACCOUNT, TestSpecs.REGION, "aws", "SageMaker-Test", null, null, null, null,
					null, "custom", TestSpecs.activities("canvas-core-access"), null, null, null, null, null, null,
					null));
	}

	/** A new draft of user admin whose steps before {@code step} are saved with {@code content}. */
	static Draft at(DraftService drafts, WizardStep step, DraftContent content) {
		Draft draft = drafts.start(step.title() + " test", "admin", "127.0.0.1");
		for (WizardStep s : List.of(WizardStep.values())) {
			if (!step.isAfter(s)) {
				break;
			}
			draft = drafts.saveStep(draft.id(), s, content, draft.version(), "admin", "127.0.0.1");
		}
		return draft;
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
