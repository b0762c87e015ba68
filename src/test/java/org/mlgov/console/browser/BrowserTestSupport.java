package org.mlgov.console.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

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
		this.page.setDefaultTimeout(15_000);
		this.page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")) {
				this.cspViolations.add(this.page.url() + ": " + message.text());
			}
		});
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
		this.page.fill("#username", user);
		this.page.fill("#password", password);
		this.page.click("button[type=submit]");
		this.page.waitForURL(url("/"));
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
	}

}
