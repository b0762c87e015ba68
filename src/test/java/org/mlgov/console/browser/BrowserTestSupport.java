package org.mlgov.console.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Browser tests in a real Chromium: Debian's {@code chromium} package (installed by {@code .ci/run}), driven by
 * Playwright for Java, which never downloads a browser here. Skipped, with the reason, where
 * {@code /usr/bin/chromium} is missing. Screenshots go to {@code target/screenshots/}; the README's are copied from
 * there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestSupport {

	static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeAll
	static void launch() {
		assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (.ci/run installs Debian's chromium)");
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	/** What the browser reported as refused by the Content-Security-Policy (issue 13): must stay empty. */
	final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeEach
	void openPage() {
		this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
		this.page = this.context.newPage();
		// Generous: the tests share two cores with other builds, and a page can take seconds to answer there.
		this.page.setDefaultTimeout(60_000);
		this.page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")) {
				this.cspViolations.add(this.page.url() + ": " + message.text());
			}
		});
	}

	/**
	 * Runs {@code work} as {@code user} with {@code roles} (the services check who calls them): to prepare drafts and
	 * revisions without the UI.
	 */
	<T> T as(String user, java.util.function.Supplier<T> work, String... roles) {
		org.springframework.security.core.context.SecurityContext before = org.springframework.security.core.context.SecurityContextHolder
			.getContext();
		org.springframework.security.core.context.SecurityContext context = org.springframework.security.core.context.SecurityContextHolder
			.createEmptyContext();
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				user, null, org.springframework.security.core.authority.AuthorityUtils.createAuthorityList(
						java.util.Arrays.stream(roles).map((r) -> "ROLE_" + r).toArray(String[]::new))));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(before);
		}
	}

	/** A fresh browser context (no cookies) with a viewport of this size. */
	BrowserContext newContext(int width, int height) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
	}

	@AfterEach
	void closePage() {
		if (this.context != null) {
			this.context.close();
		}
		org.assertj.core.api.Assertions.assertThat(this.cspViolations).as("Content-Security-Policy violations").isEmpty();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void signIn(String user, String password) {
		this.page.navigate(url("/login"));
		axe();
		this.page.fill("#username", user);
		this.page.fill("#password", password);
		this.page.click("button[type=submit]");
		this.page.waitForURL(url("/"));
		axe();
	}

	void signOut() {
		this.page.click("#signed-in-user button[type=submit]");
		this.page.waitForURL("**/login?logout");
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
		// Every page worth a screenshot is checked for accessibility as well.
		axe();
	}

	/** The impacts of axe-core's violations that fail a test. */
	static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

	/**
	 * Checks the page as it is now with axe-core (WCAG 2.1 A and AA rules and axe's best practices) and fails on any
	 * serious or critical violation, listing each with the elements it was found on.
	 */
	void axe() {
		AxeResults results = new AxeBuilder(this.page).analyze();
		List<String> failing = new java.util.ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (FAILING_IMPACTS.contains(rule.getImpact())) {
				failing.add(rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") on "
						+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(5).toList());
			}
		}
		org.assertj.core.api.Assertions.assertThat(failing).as("axe-core on " + this.page.url()).isEmpty();
	}

	/**
	 * Lets the live preview catch up with what was typed: leaves the field being typed in (a text field reports its
	 * change when it loses the focus), then waits until the step form's {@code data-preview} is {@code idle} again,
	 * that is, until the preview of the latest values has been swapped in (see console.js).
	 */
	void previewSettled() {
		this.page.evaluate("() => document.activeElement && document.activeElement.blur()");
		this.page.waitForFunction("() => { const f = document.getElementById('step-form');"
				+ " return !f || f.dataset.preview === undefined || f.dataset.preview === 'idle'; }");
	}

}
