package org.mlgov.console.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page as its audience meets it (issue 15), in a real browser: axe-core finds no serious or critical
 * violation on any of them, none scrolls sideways on a 390-pixel-wide phone (a screenshot of each is taken, named
 * {@code narrow-<page>}), the skip link leads past the navigation, and on a wide screen the preview and the wizard's
 * actions stay in view while the page scrolls.
 */
class ConsolePagesBrowserTests extends BrowserTestSupport {

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	/** admin's draft with every step saved: a data scientist's role with Canvas features and model evaluation. */
	Draft finished(String name) {
		return as("admin", () -> prepare(name), "ADMIN");
	}

	private Draft prepare(String name) {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		Draft draft = this.drafts.start(name, "admin");
		DraftContent content = new DraftContent(spec, RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123def456", true, List.of("data-scientist-1")));
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
			}
		}
		return draft;
	}

	/** The pages of each audience: path and screenshot name. */
	record Visit(String user, String path, String name) {
	}

	@Test
	void everyMainPageFitsA390PixelScreenAndPassesAxe() {
		Draft draft = finished("Narrow screens");
		Draft submitted = finished("Narrow review");
		as("admin", () -> this.reviews.submit(submitted.id(), "Needed by the fraud team, ticket ML-15",
				submitted.version(), "admin"), "ADMIN");
		List<Visit> visits = new ArrayList<>();
		visits.add(new Visit("admin", "/", "home"));
		visits.add(new Visit("admin", "/drafts", "my-drafts"));
		for (WizardStep step : WizardStep.values()) {
			visits.add(new Visit("admin", "/drafts/" + draft.id() + "/steps/" + step.path(),
					"wizard-" + step.number() + "-" + step.path()));
		}
		visits.add(new Visit("admin", "/catalog", "catalog"));
		visits.add(new Visit("reviewer", "/reviews", "review-queue"));
		visits.add(new Visit("reviewer", "/reviews/" + submitted.id(), "review-page"));
		visits.add(new Visit("helpdesk", "/audit", "audit"));
		visits.add(new Visit("helpdesk", "/drafts", "forbidden"));

		this.context.close();
		this.context = newContext(390, 844);
		this.page = this.context.newPage();
		this.page.setDefaultTimeout(60_000);
		String signedIn = null;
		List<String> sideways = new ArrayList<>();
		for (Visit visit : visits) {
			if (!visit.user().equals(signedIn)) {
				if (signedIn != null) {
					this.context.clearCookies();
				}
				signIn(visit.user(), visit.user() + "-pass");
				signedIn = visit.user();
			}
			this.page.navigate(url(visit.path()));
			this.page.waitForLoadState();
			int overflow = ((Number) this.page.evaluate(
					"() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
			if (overflow > 0) {
				sideways.add(visit.path() + " scrolls " + overflow + " px sideways: " + this.page.evaluate(
						"() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
								+ " > document.documentElement.clientWidth + 1).slice(-3).map(e => e.tagName + '#' + e.id"
								+ " + '.' + e.className).join(', ')"));
			}
			screenshot("narrow-" + visit.name());
			axe();
		}
		assertThat(sideways).isEmpty();
		// The tables of My drafts and the audit trail keep their actions and details on screen: one block per row.
		this.context.clearCookies();
		signIn("admin", "admin-pass");
		this.page.navigate(url("/drafts"));
		assertThat(this.page.isVisible("#drafts tr[data-draft-id='" + draft.id() + "'] >> text=Resume")).isTrue();
		assertThat(this.page.locator("#drafts tr[data-draft-id='" + draft.id() + "'] td[data-label=Actions]")
			.boundingBox().width).isLessThanOrEqualTo(390);
	}

	@Test
	void theSkipLinkLeadsPastTheNavigationAndThePreviewStaysInView() {
		Draft draft = finished("Skip link");
		signIn("admin", "admin-pass");
		this.page.navigate(url("/drafts/" + draft.id() + "/steps/activities"));
		// The first Tab stop is the skip link, shown when it has the focus; it moves the focus to the page's content.
		this.page.keyboard().press("Tab");
		assertThat(this.page.evaluate("() => document.activeElement.id")).isEqualTo("skip-link");
		assertThat(this.page.isVisible("#skip-link")).isTrue();
		assertThat(this.page.textContent("#skip-link")).isEqualTo("Skip to main content");
		this.page.keyboard().press("Enter");
		assertThat(this.page.evaluate("() => document.activeElement.id")).isEqualTo("main");
		axe();

		// Scrolled to the bottom of the long step 2, the preview and Next are still on screen.
		this.page.evaluate("() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' })");
		assertThat(inViewport("#preview")).as("preview in view").isTrue();
		assertThat(inViewport("#next")).as("Next in view").isTrue();
		assertThat(inViewport("#wizard-steps")).as("step list in view").isTrue();
		this.page.evaluate("() => window.scrollTo({ top: 600, behavior: 'instant' })");
		assertThat(inViewport("#next")).as("Next in view half-way").isTrue();
		screenshot("wizard-2-sticky");

		// Step 3: the provider groups are folded with their counts, so Next is reached in far fewer Tab presses.
		this.page.navigate(url("/drafts/" + draft.id() + "/steps/models"));
		assertThat(this.page.locator("#bedrock-options details.provider-group").first().textContent())
			.matches("(?s)\\s*\\S.*\\(\\d+ models?(, \\d+ ticked)?\\).*");
		int presses = 0;
		this.page.focus("#main");
		while (presses < 400 && !"next".equals(this.page.evaluate("() => document.activeElement.id"))) {
			this.page.keyboard().press("Tab");
			presses++;
		}
		// 181 before the groups were folded; 105 for this draft, whose ticked groups stay open.
		assertThat(presses).as("Tab presses from the content to Next on step 3").isLessThan(120);
	}

	boolean inViewport(String selector) {
		return (Boolean) this.page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
				+ " return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }", selector);
	}

}
