package org.mlgov.console.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.review.PolicyReadsFromFake;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page's comparison with what is live, in Chromium, against a fake AWS that holds an older version of the
 * role (other tags and session, one Bedrock model fewer) and a domain with other Canvas settings. Its screenshot is
 * the one in docs/review.md.
 */
@Import({ FakeLiveStateReader.Installed.class, PolicyReadsFromFake.Installed.class })
class ReviewDiffBrowserTests extends BrowserTestSupport {

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	PolicyGenerator generator;

	@Autowired
	FakeLiveStateReader aws;

	@Test
	void aReviewerSeesWhatTheRevisionWouldChangeInAws() {
		RoleSpec everything = TestSpecs.dataScientistEverything();
		RoleSpec older = everything.toBuilder()
			.tags(List.of(new RoleSpec.Tag("team", "b"), new RoleSpec.Tag("cost-center", "1234")))
			.maxSessionDurationSeconds(3600)
			.permissionsBoundaryArn(null)
			.bedrock(new RoleSpec.ModelAccess(RoleSpec.AccessMode.ALLOW_LISTED,
					List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "meta.llama3-70b-instruct-v1:0"), List.of(),
					null))
			.build();
		LiveRole live = FakeLiveStateReader.pushed(older, this.generator.generate(older));
		this.aws.reset();
		this.aws.role(TestSpecs.ACCOUNT, everything.roleName(), LiveRead.found(live));
		this.aws.domain(TestSpecs.ACCOUNT, "d-abc123def456", LiveRead.found(new LiveDomain(TestSpecs.ACCOUNT,
				"us-east-1", "d-abc123def456", "arn:aws:sagemaker:us-east-1:111122223333:domain/d-abc123def456",
				"ml-platform", "InService", live.arn(),
				"{\"TimeSeriesForecastingSettings\":{\"Status\":\"DISABLED\"},\"DirectDeploySettings\":{\"Status\":\"DISABLED\"}}")));
		this.aws.bucketCors(TestSpecs.ACCOUNT, "ml-eval-bucket",
				LiveRead.found(new LiveBucketCors(TestSpecs.ACCOUNT, "us-east-1", "ml-eval-bucket", "[]", 0)));

		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
		Draft draft = this.drafts.start("Data scientists, update", "admin");
		DraftContent content = new DraftContent(everything, RoleMode.UPDATE_EXISTING,
				new CanvasTargets("d-abc123def456", true, List.of()));
		for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS, WizardStep.CANVAS,
				WizardStep.COLLABORATION)) {
			draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
		}
		this.reviews.submit(draft.id(), "Team A needs Titan for summaries", draft.version(), "admin");
		SecurityContextHolder.clearContext();

		signIn("reviewer", "reviewer-pass");
		this.page.navigate(url("/reviews/" + draft.id()));
		assertThat(this.page.getAttribute("#live-role", "data-outcome")).isEqualTo("UPDATES");
		// The push's plan: its steps with their verbs, in its own words.
		assertThat(this.page.locator("#live .plan-step[data-operation=UpdateRole] .step-verb").innerText())
			.isEqualTo("update");
		assertThat(this.page.locator("#live .plan-step[data-operation=TagRole] .step-note").innerText())
			.isEqualTo("set 1 tag");
		String guardrails = "#change-policy-ModelAccessGuardrails";
		assertThat(this.page.getAttribute(guardrails, "data-status")).isEqualTo("CHANGED");
		assertThat(this.page.locator(guardrails + " .statement-changed").first().innerText())
			.contains("+ arn:aws:bedrock:*::foundation-model/amazon.titan-text-express-v1");
		// Both documents side by side, behind a disclosure.
		assertThat(this.page.locator(guardrails + " .side-after").isVisible()).isFalse();
		this.page.click(guardrails + " summary");
		assertThat(this.page.locator(guardrails + " .side-after").isVisible()).isTrue();
		this.page.click(guardrails + " summary");
		assertThat(this.page.locator("#live .canvas-target").first().innerText()).contains("(this role)",
				"/DirectDeploySettings/Status");

		this.page.locator("#live")
			.evaluate("(e) => e.scrollIntoView({ block: 'start', behavior: 'instant' })");
		this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("review-live-diff.png")));
	}

}
