package org.mlgov.console.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlgov.console.ConsoleApplication;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.review.ReviewService;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.FileSystemUtils;

/**
 * Page latency under load: starts the console as it runs in production (Thymeleaf's template cache on, AWS reads
 * off, an H2 file database of its own under {@code target/page-latency}), fills it with drafts of the largest
 * realistic specification ({@link GeneratorBenchmark#largestRealisticSpec}: every data-scientist activity with VPC
 * and KMS, 100 Bedrock models, 200 JumpStart ids, all of Canvas; half of them submitted), signs in through the real login form (CSRF token and session cookie) and
 * then, page after page, lets {@code clients} concurrent HTTP clients request the page as fast as it answers: 5 s
 * of warm-up, then {@code seconds} measured. Every answer must be 200 with the page's marker text, or it counts as
 * an error. Prints and appends to the results file, per page: requests, throughput, and the p50/p90/p99/max
 * latency.
 * <p>
 * Server and clients share this JVM and the machine's cores, as a console and its users' browsers never would:
 * the numbers are an upper bound on what the server itself needs. Arguments: the results file, the number of
 * clients (default 8), the measured seconds per page (default 15).
 */
public final class PageLatencyBenchmark {

	private static final Duration WARMUP = Duration.ofSeconds(5);

	private static final int DRAFTS = 20;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private PageLatencyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path results = Path.of(args.length > 0 ? args[0] : "target/benchmark-results.txt");
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		Duration measured = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);
		Path dir = Path.of("target/page-latency");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("console")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		ConfigurableApplicationContext context = SpringApplication.run(ConsoleApplication.class, "--server.port=0",
				"--spring.datasource.url=" + url, "--spring.thymeleaf.cache=true", "--console.aws.enabled=false",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			long[] ids = seed(context);
			String base = "http://localhost:" + port;
			List<Page> pages = List.of(new Page("admin", "/", "Sign out"),
					new Page("admin", "/drafts", "Bench draft 20"),
					new Page("admin", "/drafts/" + ids[0] + "/steps/activities", "ML activities"),
					new Page("admin", "/drafts/" + ids[0] + "/steps/review", "ModelAccessGuardrails"),
					new Page("admin", "/catalog", "Data Scientist"),
					new Page("admin", "/catalog/models", "anthropic."),
					new Page("reviewer", "/reviews", "Bench draft"),
					new Page("reviewer", "/reviews/" + ids[DRAFTS - 1], "ModelAccessGuardrails"),
					new Page("helpdesk", "/audit", "Draft step saved"));
			List<String> lines = new ArrayList<>();
			lines.add("");
			lines.add(String.format(Locale.ROOT, "Page latency: %d concurrent clients, %d s measured per page after "
					+ "%d s warm-up, %d cores", clients, measured.toSeconds(), WARMUP.toSeconds(),
					Runtime.getRuntime().availableProcessors()));
			lines.add(String.format(Locale.ROOT, "%-34s %8s %8s %8s %8s %8s %8s %6s", "page", "requests", "req/s",
					"p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
			for (Page page : pages) {
				List<HttpClient> signedIn = new ArrayList<>();
				for (int i = 0; i < clients; i++) {
					signedIn.add(signIn(base, page.user()));
				}
				load(signedIn, base, page, WARMUP);
				Result result = load(signedIn, base, page, measured);
				String line = result.format(page.path().replaceAll("/\\d+/", "/{id}/").replaceAll("/\\d+$", "/{id}"));
				System.out.println(line);
				lines.add(line);
			}
			Files.write(results, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			lines.forEach(System.out::println);
		}
		finally {
			context.close();
		}
	}

	/** Drafts of the largest realistic specification, all steps saved; the second half submitted for review. */
	private static long[] seed(ConfigurableApplicationContext context) {
		DraftService drafts = context.getBean(DraftService.class);
		ReviewService reviews = context.getBean(ReviewService.class);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			long[] ids = new long[DRAFTS];
			DraftContent content = new DraftContent(
					GeneratorBenchmark.largestRealisticSpec(context.getBean(Catalog.class)), RoleMode.NEW_ROLE,
					new CanvasTargets("d-abc123def456", true, List.of()));
			for (int i = 0; i < DRAFTS; i++) {
				Draft draft = drafts.start("Bench draft " + (i + 1), "admin");
				for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS,
						WizardStep.CANVAS, WizardStep.COLLABORATION)) {
					draft = drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
				}
				if (i >= DRAFTS / 2) {
					reviews.submit(draft.id(), "Benchmark submission " + (i + 1), draft.version(), "admin");
				}
				ids[i] = draft.id();
			}
			return ids;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A client with its own cookie jar, signed in through the login form with the demo user's password. */
	private static HttpClient signIn(String base, String user) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = CSRF.matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		String form = "username=" + user + "&password=" + user + "-pass&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in of " + user + " failed: " + answer.statusCode() + " " + location);
		}
		return client;
	}

	private static Result load(List<HttpClient> clients, String base, Page page, Duration duration)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + page.path()))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(30))
			.build();
		long end = System.nanoTime() + duration.toNanos();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			for (HttpClient client : clients) {
				futures.add(pool.submit(() -> {
					long[] samples = new long[1024];
					int n = 0;
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - start;
						if (answer.statusCode() != 200 || !answer.body().contains(page.marker())) {
							errors.incrementAndGet();
						}
						if (n == samples.length) {
							samples = Arrays.copyOf(samples, n * 2);
						}
						samples[n++] = took;
					}
					return Arrays.copyOf(samples, n);
				}));
			}
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> future : futures) {
				all.add(future.get());
			}
			long[] samples = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return new Result(samples, duration, errors.get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private record Page(String user, String path, String marker) {
	}

	private record Result(long[] sortedNanos, Duration duration, int errors) {

		String format(String name) {
			return String.format(Locale.ROOT, "%-34s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %6d", name, this.sortedNanos.length,
					this.sortedNanos.length / (this.duration.toMillis() / 1000.0), millis(0.50), millis(0.90),
					millis(0.99), millis(1.0), this.errors);
		}

		private double millis(double quantile) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.sortedNanos.length - 1, Math.ceil(quantile * this.sortedNanos.length) - 1);
			return this.sortedNanos[Math.max(0, index)] / 1_000_000.0;
		}

	}

}
