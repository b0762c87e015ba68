package org.mlgov.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.access.AccessFixtures;
import org.mlgov.console.live.FakeLiveStateReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Page;

/**
 * The help desk answers "which Bedrock models can alice use, and which statement denies Claude?" in Chromium,
 * against a fake AWS: from the menu to the domain, the profile, and its model matrix.
 */
@Import(FakeLiveStateReader.Installed.class)
class AccessBrowserTests extends BrowserTestSupport {

	@Autowired
	FakeLiveStateReader aws;

	@Test
	void theHelpDeskOpensAProfileAndReadsWhichModelsItMayUseAndWhatDeniesClaude() {
		this.aws.reset();
		AccessFixtures.install(this.aws);

		signIn("helpdesk", "helpdesk-pass");
		this.page.click("#nav-items a:text('Profiles')");
		this.page.fill("#accountId", AccessFixtures.ACCOUNT);
		this.page.fill("#region", AccessFixtures.REGION);
		this.page.click("#access-account button[type=submit]");
		this.page.click("#domains .domain-link:text('analytics')");
		assertThat(this.page.locator("#profiles .profile-link").allInnerTexts()).containsExactly("alice", "bob");
		this.page.fill("#q", "ali");
		this.page.click("#profile-search button[type=submit]");
		assertThat(this.page.locator("#profiles .profile-link").allInnerTexts()).containsExactly("alice");
		this.page.click("#profiles .profile-link:text('alice')");

		assertThat(this.page.locator("#effective-role").innerText()).isEqualTo(AccessFixtures.ROLE_ARN);
		@SuppressWarnings("unchecked")
		List<String> allowed = (List<String>) this.page.locator("#model-matrix .model-cell[data-outcome=ALLOWED]")
			.evaluateAll("(cells) => cells.map((c) => c.dataset.modelId)");
		assertThat(allowed).isNotEmpty().allMatch((id) -> id.startsWith("anthropic."))
			.doesNotContain(AccessFixtures.OPUS);
		String opus = "#denied-models li[data-model-id='" + AccessFixtures.OPUS + "']";
		assertThat(this.page.locator(opus + " .deny-policy").innerText()).isEqualTo("ModelGuardrails");
		assertThat(this.page.locator(opus + " .deny-sid").innerText()).isEqualTo("DenyClaudeOpus");
		// The reason is one hover away on the matrix, and the JSON one click away.
		assertThat(this.page.getAttribute("#model-matrix .model-cell[data-model-id='" + AccessFixtures.OPUS + "']",
				"title")).contains("DenyClaudeOpus");
		assertThat(this.page.getAttribute("#capabilities-json", "href")).contains("/access/role.json");

		this.page.locator("#capabilities")
			.evaluate("(e) => e.scrollIntoView({ block: 'start', behavior: 'instant' })");
		this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("access-profile-matrix.png")));
	}

}
