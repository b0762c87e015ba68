package org.mlgov.console.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.push.FakeAws;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From approval to AWS, in Chromium, against an AWS account in memory whose writes take a moment: a reviewer
 * approves, an administrator opens Plan and push from the review page, sees the plan, pushes, watches the progress
 * (steps done out of the total and the current step, refreshed by htmx without reloading the page), then reads the
 * step log; a second push plans no change.
 */
@Import(FakeAws.Installed.class)
class PushBrowserTests extends BrowserTestSupport {

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	FakeAws aws;

	@Test
	void anAdministratorPlansAndPushesAnApprovedRevisionAndFollowsItsProgress() {
		this.aws.reset();
		this.aws.domain("d-abc123def456", "arn:aws:iam::111122223333:role/service-role/Old", null);
		this.aws.bucket("ml-eval-bucket", "[]");
		this.aws.bucket("sagemaker-us-east-1-111122223333", "[]");
		this.aws.beforeWrite(() -> {
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		Draft finished = fixtures.finished("admin", "Data scientists, to AWS", TestSpecs.dataScientistEverything(),
				new CanvasTargets("d-abc123def456", true, List.of()));
		ReviewFixtures.as("admin", () -> this.reviews.submit(finished.id(), "Team A", finished.version(), "admin"),
				"ADMIN");

		signIn("reviewer", "reviewer-pass");
		this.page.navigate(url("/reviews/" + finished.id()));
		this.page.click("#approve");
		this.page.waitForSelector("#message");
		assertThat(this.page.textContent("#status")).isEqualTo("APPROVED");
		assertThat(this.page.locator("#plan-and-push").count()).as("reviewers do not push").isZero();
		signOut();

		signIn("admin2", "admin2-pass");
		this.page.navigate(url("/reviews/" + finished.id()));
		this.page.click("#plan-and-push");
		this.page.waitForSelector("#plan-steps");
		int planned = this.page.locator("#plan-steps tbody tr").count();
		assertThat(planned).isGreaterThan(10);
		assertThat(this.page.locator("#plan-steps tbody tr").first().innerText()).contains("CreateRole", "change");
		assertThat(this.page.textContent("#plan-count")).contains(planned + " steps would change AWS");
		screenshot("push-plan");

		this.page.click("#push-button");
		this.page.waitForURL("**/pushes/*");
		// While it runs: done out of the total, and the current step, refreshed in place.
		this.page.waitForSelector("#current-step");
		// A queued push shows "0 of ?" until the runner has read live state and counted its steps.
		this.page.waitForFunction("() => /of\\s+\\d+ steps done/.test(document.querySelector('#steps-done').textContent)");
		assertThat(this.page.textContent("#steps-done")).matches("\\s*\\d+ of\\s+" + planned + " steps done\\s*");
		screenshot("push-progress");
		String address = this.page.url();
		this.page.waitForSelector("#step-log", new Page.WaitForSelectorOptions().setTimeout(60_000));
		assertThat(this.page.url()).as("no reload").isEqualTo(address);
		assertThat(this.page.textContent("#push-status")).isEqualTo("SUCCEEDED");
		assertThat(this.page.textContent("#steps-done")).contains(planned + " of");
		assertThat(this.page.textContent("#write-calls")).isEqualTo(planned + " write calls");
		assertThat(this.page.locator("#step-log .step-outcome").allInnerTexts()).hasSize(planned).containsOnly("CHANGED");
		assertThat(this.page.locator("#current-step").count()).isZero();
		screenshot("push-log");

		this.page.click("#push-again");
		this.page.waitForSelector("#plan-steps");
		assertThat(this.page.textContent("#plan-count")).contains("0 of");
		assertThat(this.page.textContent("#push-button")).isEqualTo("Push (nothing to change)");
		this.page.locator("#earlier-pushes").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
			.setState(WaitForSelectorState.VISIBLE));
		this.aws.beforeWrite(() -> {
		});
	}

}
