package org.mlgov.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
 * A browser without a browser, for tests against a running console (and an identity provider): a real HTTP client
 * with a cookie jar, which follows redirects only when asked, and sends the CSRF token of the last console page it
 * read with every form.
 */
public final class ConsoleHttp {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String csrf;

	/**
	 * A client without cookies for a console.
	 * @param base the console's address, such as {@code http://localhost:8080}
	 */
	public ConsoleHttp(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** An answer: status, {@code Location} header and body. */
	public record Answer(int status, String location, String body, URI uri) {

		/**
		 * The path of the location (without scheme, host and port), for redirects within the console.
		 * @return the path and query
		 */
		public String locationPath() {
			if (this.location == null) {
				return null;
			}
			URI target = this.uri.resolve(this.location);
			return target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
		}

	}

	/**
	 * GET a console path or an absolute URL, without following redirects.
	 * @param pathOrUrl the path or URL
	 * @return the answer
	 */
	public Answer get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().header("Accept", "text/html").build());
	}

	/**
	 * GET and follow redirects (across hosts: the identity provider too) until an answer is not a redirect.
	 * @param pathOrUrl where to start
	 * @return the last answer
	 */
	public Answer follow(String pathOrUrl) {
		Answer answer = get(pathOrUrl);
		for (int i = 0; i < 10 && answer.status() / 100 == 3 && answer.location() != null; i++) {
			answer = get(answer.uri().resolve(answer.location()).toString());
		}
		return answer;
	}

	/**
	 * POST a form to the console with the CSRF token of the last page read, without following redirects.
	 * @param path the console path
	 * @param fields the form fields (repeat a name with a list value separated by {@code \n})
	 * @return the answer
	 */
	public Answer post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String body = all.entrySet()
			.stream()
			.flatMap((field) -> java.util.Arrays.stream(field.getValue().split("\n", -1))
				.map((value) -> encode(field.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		if (this.csrf != null) {
			body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(this.csrf);
		}
		return send(HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.build());
	}

	/**
	 * Signs in with the console's form (reading the sign-in page first for its CSRF token).
	 * @param username the user name
	 * @param password the password
	 * @return the answer to the POST (a redirect)
	 */
	public Answer signIn(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			if (request.uri().toString().startsWith(this.base)) {
				Matcher meta = CSRF.matcher(body);
				Matcher input = CSRF_INPUT.matcher(body);
				if (meta.find()) {
					this.csrf = meta.group(1);
				}
				else if (input.find()) {
					this.csrf = input.group(1);
				}
			}
			return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null), body,
					request.uri());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
