package org.mlgov.console.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error pages as a browser gets them from a running server, where Spring Boot's error handling (not MockMvc)
 * renders {@code templates/error/*.html}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorPagesTests.FailingController.class)
class ErrorPagesTests {

	private static final String SECRET = "jdbc password is hunter2";

	@LocalServerPort
	private int port;

	@Test
	void unknownUrlShowsThe404PageWithTheLayout() throws Exception {
		Browser browser = signedIn("helpdesk", "helpdesk-pass");
		HttpResponse<String> response = browser.get("/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Page not found");
		assertThat(page.select("#error-page code").text()).isEqualTo("/no-such-page");
		assertThat(page.select("#signed-in-user").text()).contains("Lee Novak");
		assertThat(page.select("#error-page a[href=/]").text()).isEqualTo("Go to the home page");
	}

	@Test
	void forbiddenPageShowsThe403PageThroughSpringBootsErrorHandling() throws Exception {
		Browser browser = signedIn("helpdesk", "helpdesk-pass");
		HttpResponse<String> response = browser.get("/test-errors/admin-only");
		assertThat(response.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(response.body());
		// The rule (the page's role), the person's own roles, and what they can do instead; no word of form tokens.
		assertThat(page.select("h1").text()).isEqualTo("This page is for the ML administrator role");
		assertThat(page.select("#your-roles").text()).contains("Help desk (read-only)");
		assertThat(page.select("#instead-list a").eachText()).containsExactly("Audit", "Catalogue");
		assertThat(page.select("#error-page").text()).doesNotContain("token").doesNotContain("ask an ML administrator");
		assertThat(page.select("#signed-in-user").text()).contains("Lee Novak");

		assertThat(signedIn("admin", "admin-pass").get("/test-errors/admin-only").statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentModificationShowsThe409Page() throws Exception {
		HttpResponse<String> response = signedIn("admin", "admin-pass").get("/test-errors/conflict");
		assertThat(response.statusCode()).isEqualTo(409);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Someone else changed this record");
		assertThat(page.text()).contains("your change was not saved").doesNotContain("Draft 7");
	}

	@Test
	void unexpectedExceptionShowsThe500PageWithAReferenceAndNoInternals() throws Exception {
		HttpResponse<String> response = signedIn("admin", "admin-pass").get("/test-errors/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Something went wrong on our side");
		assertThat(page.select("#error-reference").text()).matches("[0-9a-f]{8}");
		assertThat(response.body()).doesNotContain(SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("at org.");
	}

	@Test
	void otherServerErrorsShowThe5xxPage() throws Exception {
		HttpResponse<String> response = signedIn("admin", "admin-pass").get("/test-errors/unavailable");
		assertThat(response.statusCode()).isEqualTo(503);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("The console cannot handle your request right now");
		assertThat(page.select("#error-page").text()).contains("503").contains("Service Unavailable");
	}

	@Test
	void aPathIdThatIsNotANumberNamesNothing() throws Exception {
		Browser admin = signedIn("admin", "admin-pass");
		for (String path : new String[] { "/drafts/abc", "/reviews/abc", "/drafts/99999999999999999999",
				"/drafts/abc/steps/basics", "/drafts/1.5/steps/review", "/drafts/-/documents/trust-policy" }) {
			HttpResponse<String> response = admin.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("h1").text()).as(path).isEqualTo("Page not found");
			assertThat(page.select("#error-page code").text()).as(path).isEqualTo(path);
			assertThat(response.body()).as(path).doesNotContain("MethodArgumentTypeMismatchException")
				.doesNotContain("NumberFormatException");
		}
		assertThat(signedIn("reviewer", "reviewer-pass").get("/reviews/abc").statusCode()).isEqualTo(404);
	}

	@Test
	void aRequestParameterThatCannotBeReadIsABadRequestThatSaysWhich() throws Exception {
		Browser reviewer = signedIn("reviewer", "reviewer-pass");
		HttpResponse<String> response = reviewer.get("/reviews/1?revision=abc");
		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("The request could not be processed");
		assertThat(page.select("#error-detail").text())
			.isEqualTo("The value of revision has the wrong format: reload the page and try again.");

		Browser admin = signedIn("admin", "admin-pass");
		HttpResponse<String> rename = admin.post("/drafts/1/rename",
				"name=x&version=abc&_csrf=" + encode(admin.csrfToken("/drafts")));
		assertThat(rename.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(rename.body()).select("#error-detail").text())
			.isEqualTo("The value of version has the wrong format: reload the page and try again.");
	}

	@Test
	void aWrongMethodIsAClientErrorNotAServerError() throws Exception {
		Browser browser = signedIn("admin", "admin-pass");
		HttpResponse<String> response = browser.post("/", "_csrf=" + browser.csrfToken("/"));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("The request could not be processed");
	}

	@Test
	void apiErrorsAreProblemDetailsNotPages() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin-pass".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> conflict = client.send(HttpRequest.newBuilder(url("/api/test-errors/conflict"))
			.header("Authorization", basic)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(conflict.statusCode()).isEqualTo(409);
		assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(conflict.body()).contains("\"status\":409").contains("changed by someone else");

		HttpResponse<String> boom = client.send(
				HttpRequest.newBuilder(url("/api/test-errors/boom")).header("Authorization", basic).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(boom.statusCode()).isEqualTo(500);
		assertThat(boom.body()).contains("\"status\":500").contains("\"reference\":").doesNotContain(SECRET);
	}

	private Browser signedIn(String username, String password) throws Exception {
		Browser browser = new Browser();
		String token = browser.csrfToken("/login");
		HttpResponse<String> response = browser.post("/login", "username=" + encode(username) + "&password="
				+ encode(password) + "&_csrf=" + encode(token));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/").doesNotContain("error"));
		return browser;
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A cookie-keeping HTTP client that does not follow redirects, like a browser session. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(url(path))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrfToken(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).isEqualTo(200);
			String token = Jsoup.parse(response.body()).select("meta[name=_csrf]").attr("content");
			assertThat(token).isNotBlank();
			return token;
		}

	}

	@Controller
	static class FailingController {

		@GetMapping("/test-errors/admin-only")
		@PreAuthorize("hasRole('ADMIN')")
		String adminOnly() {
			return "home";
		}

		@GetMapping({ "/test-errors/conflict", "/api/test-errors/conflict" })
		String conflict() {
			throw new OptimisticLockingFailureException("Draft 7 was updated concurrently");
		}

		@GetMapping({ "/test-errors/boom", "/api/test-errors/boom" })
		String boom() {
			throw new IllegalStateException(SECRET);
		}

		@GetMapping("/test-errors/unavailable")
		String unavailable() {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Bedrock endpoint unreachable");
		}

	}

}
