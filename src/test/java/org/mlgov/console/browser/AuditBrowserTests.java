package org.mlgov.console.browser;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Download;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reviewer finds their own sign-in in the audit trail, filters it, and downloads it, in a real browser. */
class AuditBrowserTests extends BrowserTestSupport {

	@Test
	void aReviewerFindsTheirSignInFiltersAndDownloadsTheCsv() throws Exception {
		signIn("reviewer", "reviewer-pass");
		this.page.click("#nav-items >> text=Audit");
		this.page.fill("#user", "reviewer");
		this.page.selectOption("#action", "SIGN_IN");
		this.page.click("#audit-filters button[type=submit]");
		this.page.waitForURL("**/audit?user=reviewer&draft=&action=SIGN_IN&from=&to=&role=&account=&profile=");
		assertThat(this.page.locator("#audit-events tbody tr").count()).isGreaterThanOrEqualTo(1);
		assertThat(this.page.textContent("#audit-events tbody tr >> nth=0")).contains("reviewer").contains("Sign-in");
		assertThat(this.page.textContent("#audit-events tbody tr >> nth=0 >> .audit-remote")).isNotBlank();
		screenshot("06-audit-filtered");

		Download download = this.page.waitForDownload(() -> this.page.click("#csv-link"));
		assertThat(download.suggestedFilename()).matches("audit-\\d{8}-\\d{4}\\.csv");
		String csv = new String(download.createReadStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("occurred_at,actor,action,").contains(",reviewer,SIGN_IN,");

		this.page.fill("#draft", "abc");
		this.page.click("#audit-filters button[type=submit]");
		this.page.waitForURL("**/audit?user=reviewer&draft=abc&action=SIGN_IN&from=&to=&role=&account=&profile=");
		assertThat(this.page.textContent("#draft-error")).isEqualTo("Enter a draft number, such as 42.");
		assertThat(this.page.locator("#audit-events tbody tr").count()).isGreaterThanOrEqualTo(1);
		screenshot("07-audit-invalid-draft");
	}

}
