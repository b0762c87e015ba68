package org.mlgov.console.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.security.oidc.OidcTestProvider;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People in production, in a real browser: a console administrator adds a reviewer, who must replace the temporary
 * password at the first sign-in; a person signs in through the OpenID Connect provider (mock-oauth2-server, in this
 * JVM) with the redirect flow, and one without a mapped group is refused with a page that says so.
 */
class UsersBrowserTests extends BrowserTestSupport {

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		OidcTestProvider.register(registry);
	}

	/** The redirect flow crosses two servers in this JVM: give a busy machine more time than the default. */
	@org.junit.jupiter.api.BeforeEach
	void patience() {
		this.page.setDefaultTimeout(60_000);
		this.page.setDefaultNavigationTimeout(60_000);
	}

	@Test
	void aConsoleAdministratorAddsAReviewerWhoChoosesTheirOwnPassword() {
		signIn("useradmin", "useradmin-pass");
		this.page.click("#nav-items >> text=Users");
		this.page.waitForURL(url("/admin/users"));
		this.page.click("#new-user");
		this.page.fill("#username", "x");
		this.page.check("input[name=roles][value=REVIEWER]");
		this.page.check("input[name=roles][value=USER_ADMIN]");
		this.page.fill("#temporaryPassword", "short");
		this.page.click("#new-user-form button[type=submit]");
		assertThat(this.page.textContent("#username-errors")).isEqualTo("Use 3 to 64 letters, digits or . _ @ -.");
		screenshot("20-users-new-refused");

		this.page.fill("#username", "valeria");
		this.page.fill("#displayName", "Valeria Vance");
		this.page.uncheck("input[name=roles][value=USER_ADMIN]");
		this.page.fill("#temporaryPassword", "temporary-secret-7");
		this.page.click("#new-user-form button[type=submit]");
		this.page.waitForURL("**/admin/users/*");
		assertThat(this.page.textContent("#message")).startsWith("Created valeria.");
		assertThat(this.page.isVisible("#user-temporary")).isTrue();
		screenshot("21-users-created");
		signOut();

		this.page.navigate(url("/login"));
		this.page.fill("#username", "valeria");
		this.page.fill("#password", "temporary-secret-7");
		this.page.click("#login-form button[type=submit]");
		this.page.waitForURL(url("/account/password"));
		assertThat(this.page.isVisible("#temporary-password")).isTrue();
		this.page.fill("#currentPassword", "temporary-secret-7");
		this.page.fill("#newPassword", "own-passphrase-no-7");
		this.page.fill("#confirmation", "own-passphrase-no-7");
		screenshot("22-account-password-temporary");
		this.page.click("#password-form button[type=submit]");
		this.page.waitForURL(url("/"));
		assertThat(this.page.textContent("#message")).isEqualTo("Your password has been changed.");
		this.page.click("#nav-items >> text=Review queue");
		this.page.waitForURL(url("/reviews"));
	}

	@Test
	void aPersonSignsInThroughTheProviderAndOneWithoutAGroupIsRefused() {
		OidcTestProvider.next("sub-browser-1", "wanda", "Wanda Weiss", List.of("ml-reviewers"));
		this.page.navigate(url("/login"));
		screenshot("23-login-with-oidc");
		this.page.click("#oidc-login");
		this.page.waitForURL(url("/"));
		assertThat(this.page.textContent("#signed-in-user .navbar-text")).isEqualTo("Wanda Weiss");
		assertThat(this.page.locator("#signed-in-user .badge").allTextContents()).containsExactly("Security reviewer");
		assertThat(this.page.locator("#account-password").count()).isZero();
		this.page.click("#nav-items >> text=Review queue");
		this.page.waitForURL(url("/reviews"));
		this.page.click("#signed-in-user button[type=submit]");
		this.page.waitForURL("**/login?logout");

		OidcTestProvider.next("sub-browser-2", "xavier", "Xavier Xu", List.of("finance"));
		this.page.click("#oidc-login");
		this.page.waitForURL("**/login/refused?reason=no-role");
		assertThat(this.page.innerText("#refusal")).contains("none of your groups gives a role in this console");
		screenshot("24-oidc-refused");

		signIn("useradmin", "useradmin-pass");
		this.page.navigate(url("/admin/users"));
		assertThat(this.page.textContent("#users tr[data-username=wanda]")).contains("OpenID Connect")
			.contains("Security reviewer");
		assertThat(this.page.locator("#users tr[data-username=xavier]").count()).isZero();
		screenshot("25-users-list");
	}

}
