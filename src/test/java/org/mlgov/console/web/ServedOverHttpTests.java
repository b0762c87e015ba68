package org.mlgov.console.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 5 and 6, against the real server (Tomcat writes the {@code Location} and {@code Set-Cookie}
 * headers, which MockMvc does not), configured as behind a TLS-terminating proxy
 * ({@code server.forward-headers-strategy=native}, as the postgres profile; the test client is on loopback, one of
 * the trusted proxy addresses):
 * <ul>
 * <li>a forged {@code Host} or {@code X-Forwarded-Host} never reaches a redirect: the sign-in redirect, the return to
 * the page asked for after sign-in, a failed sign-in and the sign-out all answer a path;</li>
 * <li>every answer carries the Content-Security-Policy (no inline scripts), Referrer-Policy and
 * Permissions-Policy;</li>
 * <li>over HTTPS (here: {@code X-Forwarded-Proto: https} from the proxy) the session cookie is {@code Secure} and
 * HSTS is sent; over plain HTTP neither;</li>
 * <li>no template holds an inline script, an event-handler attribute or a {@code javascript:} URL.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
class ServedOverHttpTests {

	private static final Map<String, String> EVIL_HOST = Map.of("Host", "evil.example");

	@LocalServerPort
	int port;

	private static String form(String... namesAndValues) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			pairs.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return String.join("&", pairs);
	}

	private static void assertPathOnly(RawHttp.Response response, String expected) {
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo(expected).doesNotContain("evil");
	}

	@Test
	void aForgedHostNeverReachesARedirect() throws IOException {
		RawHttp browser = new RawHttp(this.port);
		assertPathOnly(new RawHttp(this.port).get("/audit", Map.of("X-Forwarded-Host", "evil.example")), "/login");
		assertPathOnly(browser.get("/drafts?mine=1", EVIL_HOST), "/login");
		browser.get("/login", EVIL_HOST);
		assertPathOnly(browser.post("/login", EVIL_HOST,
				form("username", "admin", "password", "wrong", "_csrf", browser.csrf())), "/login?error");
		browser.get("/login", EVIL_HOST);
		assertPathOnly(browser.post("/login", EVIL_HOST,
				form("username", "admin", "password", "admin-pass", "_csrf", browser.csrf())), "/drafts?mine=1");
		assertThat(browser.get("/drafts", EVIL_HOST).status()).isEqualTo(200);
		assertPathOnly(browser.post("/logout", Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example"),
				form("_csrf", browser.csrf())), "/login?logout");
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() throws IOException {
		RawHttp browser = new RawHttp(this.port);
		for (String path : List.of("/login", "/drafts", "/api/role-preview", "/css/console.css")) {
			RawHttp.Response response = browser.get(path, Map.of());
			String csp = response.header("Content-Security-Policy");
			assertThat(csp).as("CSP of %s", path).contains("script-src 'self'", "object-src 'none'",
					"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'");
			Matcher scripts = Pattern.compile("script-src ([^;]*)").matcher(csp);
			assertThat(scripts.find()).isTrue();
			assertThat(scripts.group(1)).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
			assertThat(response.header("Referrer-Policy")).as("Referrer-Policy of %s", path).isEqualTo("same-origin");
			assertThat(response.header("Permissions-Policy")).as("Permissions-Policy of %s", path)
				.contains("camera=()", "microphone=()", "geolocation=()");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
		}
	}

	@Test
	void overPlainHttpTheSessionCookieIsNotSecureAndHasNoHsts() throws IOException {
		RawHttp.Response login = new RawHttp(this.port).get("/login", Map.of());
		String cookie = sessionCookie(login);
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
		Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.20");
		RawHttp browser = new RawHttp(this.port);
		RawHttp.Response login = browser.get("/login", https);
		assertThat(sessionCookie(login)).contains("Secure", "HttpOnly");
		assertThat(login.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		RawHttp.Response signedIn = browser.post("/login", https,
				form("username", "reviewer", "password", "reviewer-pass", "_csrf", browser.csrf()));
		assertThat(signedIn.header("Location")).isEqualTo("/");
		assertThat(sessionCookie(signedIn)).contains("Secure");
		assertThat(browser.get("/api/anything", https).header("Strict-Transport-Security")).isNotNull();
	}

	private static String sessionCookie(RawHttp.Response response) {
		return response.headers("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headerLines().size()
					+ " headers"));
	}

	@Test
	void noTemplateHasAnInlineScriptAnEventHandlerOrAJavascriptUrl() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
		Pattern handler = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
		Pattern javascriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template);
				for (Pattern pattern : List.of(inlineScript, handler, javascriptUrl)) {
					Matcher matcher = pattern.matcher(html);
					while (matcher.find()) {
						found.add(template + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
