package org.mlgov.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser over real HTTP (its own cookies, the CSRF token of the last page it read), for tests against
 * a {@link ConsoleProcess} and for the load generator.
 */
public final class ConsoleBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	public ConsoleBrowser(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Signs in with the form.
	 * @param username the user name
	 * @param password the password
	 * @return this browser
	 * @throws Exception if the sign-in is refused
	 */
	public ConsoleBrowser signIn(String username, String password) throws Exception {
		get("/login");
		HttpResponse<String> login = post("/login", Map.of("username", username, "password", password));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in refused: " + login.statusCode() + " " + location);
		}
		get("/drafts");
		return this;
	}

	/**
	 * A GET; the CSRF token of the page is kept for the next POST.
	 * @param path the path
	 * @return the response
	 * @throws IOException on a transport failure
	 * @throws InterruptedException if interrupted
	 */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	/**
	 * A form POST with the kept CSRF token.
	 * @param path the path
	 * @param fields the form fields
	 * @return the response
	 * @throws IOException on a transport failure
	 * @throws InterruptedException if interrupted
	 */
	public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.put("_csrf", this.csrf);
		}
		String form = all.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A JSON POST with the kept CSRF token in its header.
	 * @param path the path
	 * @param json the body
	 * @return the response
	 * @throws IOException on a transport failure
	 * @throws InterruptedException if interrupted
	 */
	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (this.csrf != null) {
			request.header("X-CSRF-TOKEN", this.csrf);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Starts a draft.
	 * @param name its name
	 * @return its id
	 * @throws Exception if it was not created
	 */
	public long startDraft(String name) throws Exception {
		HttpResponse<String> created = post("/drafts", Map.of("name", name));
		String location = created.headers().firstValue("Location").orElse("");
		Matcher id = Pattern.compile("/drafts/(\\d+)/steps/basics").matcher(location);
		if (created.statusCode() != 302 || !id.find()) {
			throw new IllegalStateException("Draft not created: " + created.statusCode() + " " + location);
		}
		return Long.parseLong(id.group(1));
	}

	/**
	 * The version a step page of a draft shows, as its form sends it.
	 * @param draftId the draft
	 * @return the version
	 * @throws Exception if the page has none
	 */
	public long version(long draftId) throws Exception {
		String page = get("/drafts/" + draftId + "/steps/basics").body();
		Matcher version = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"").matcher(page);
		if (!version.find()) {
			version = Pattern.compile("value=\"(\\d+)\"[^>]*name=\"version\"").matcher(page);
			if (!version.find()) {
				throw new IllegalStateException("No version on the basics step of draft " + draftId);
			}
		}
		return Long.parseLong(version.group(1));
	}

}
