package org.mlgov.console.browser;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 6: what pages did inline before the Content-Security-Policy forbade it still works from
 * {@code console.js}: deleting a draft asks first (dismissed: the draft stays; accepted: it goes), and the error
 * pages' Go back button goes back. {@link BrowserTestSupport} fails any test during which the browser reports a
 * CSP violation.
 */
class InlineScriptFreeBrowserTests extends BrowserTestSupport {

	@Test
	void deletingADraftAsksFirstAndTheErrorPagesGoBack() {
		signIn("admin", "admin-pass");
		this.page.navigate(url("/drafts"));
		this.page.fill("#new-draft input[name=name]", "Delete me, maybe");
		this.page.click("#new-draft button[type=submit]");
		this.page.waitForURL("**/steps/basics");
		this.page.navigate(url("/drafts"));
		String row = "tr:has-text('Delete me, maybe')";
		assertThat(this.page.locator(row).count()).isEqualTo(1);

		this.page.onceDialog((dialog) -> {
			assertThat(dialog.message()).isEqualTo("Delete this draft? This cannot be undone.");
			dialog.dismiss();
		});
		this.page.click(row + " .delete-form button");
		this.page.waitForTimeout(500);
		this.page.navigate(url("/drafts"));
		assertThat(this.page.locator(row).count()).as("after a dismissed confirmation").isEqualTo(1);

		this.page.onceDialog((dialog) -> dialog.accept());
		this.page.click(row + " .delete-form button");
		PlaywrightAssertions.assertThat(this.page.locator(row)).hasCount(0);

		this.page.navigate(url("/drafts/999999999"));
		assertThat(this.page.locator("[data-history-back]").count()).isEqualTo(1);
		this.page.click("[data-history-back]");
		this.page.waitForURL(url("/drafts"));
	}

}
