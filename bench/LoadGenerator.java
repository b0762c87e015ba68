import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's load generator (issue 13): a separate process, plain JDK, run as a single source file:
 *
 * <pre>
 * java bench/LoadGenerator.java --base http://127.0.0.1:8080 --user admin:admin-pass --clients 32 --seconds 60
 * </pre>
 *
 * Each client signs in with the form (its own session), starts a draft of its own (saving its first step with
 * "next", so that the activities step can be opened), and then, until the time is up,
 * picks an operation: a step save (the basics step, a new role name each time: 40%), a step page (25%), My drafts
 * (15%) or the preview API with its session and CSRF token (20%). It reports requests per second, p50/p95/p99 per
 * operation and overall, and errors (any other answer than the expected one, and transport failures). Then it
 * checks for lost writes: each confirmed save (302) raised its draft's version by one, so every draft's version must
 * be its first version plus its confirmed saves. Exit code 0 only with 0 errors and 0 lost writes.
 *
 * <p>
 * With {@code --flood N} it runs the sign-in flood experiment instead ({@link #flood}): Home's latency for a
 * signed-in user alone, then while N connections send wrong Basic credentials.
 */
public final class LoadGenerator {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

	private static final Pattern DRAFT = Pattern.compile("/drafts/(\\d+)/steps/basics");

	private static final String SPEC = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Load","persona":"data-scientist",
			 "activities":[{"id":"s3-bucket-access","parameters":{"S3Buckets":["ml-data"]}},
			               {"id":"manage-jobs","parameters":{"PassRoles":["arn:aws:iam::111122223333:role/Compute"]}}],
			 "bedrock":{"mode":"DENY_LISTED","denied":["ai21.j2-mid-v1"],"denyFineTuning":false},
			 "jumpStart":{"mode":"DENY_ALL"}}
			""";

	enum Operation {

		STEP_SAVE(40), STEP_PAGE(25), MY_DRAFTS(15), PREVIEW_API(20),

		/** Home, for the flood experiment only. */
		HOME(0);

		final int weight;

		Operation(int weight) {
			this.weight = weight;
		}

	}

	private final String base;

	private final Map<Operation, List<Long>> latencies = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	private final Map<Long, long[]> drafts = new ConcurrentHashMap<>();

	private LoadGenerator(String base) {
		this.base = base;
		for (Operation operation : Operation.values()) {
			this.latencies.put(operation, Collections.synchronizedList(new ArrayList<>()));
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--user",
				"admin:admin-pass", "--clients", "32", "--seconds", "60", "--warmup", "10"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		LoadGenerator generator = new LoadGenerator(options.get("--base"));
		String[] user = options.get("--user").split(":", 2);
		if (options.containsKey("--flood")) {
			System.exit(generator.flood(user[0], user[1], Integer.parseInt(options.get("--flood")),
					Integer.parseInt(options.getOrDefault("--seconds", "30"))));
		}
		int clients = Integer.parseInt(options.get("--clients"));
		int seconds = Integer.parseInt(options.get("--seconds"));
		int warmup = Integer.parseInt(options.get("--warmup"));
		System.exit(generator.run(user[0], user[1], clients, warmup, seconds));
	}

	private int run(String username, String password, int clients, int warmupSeconds, int seconds) throws Exception {
		List<Client> all = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Client client = new Client(i);
			client.signIn(username, password);
			client.startDraft();
			all.add(client);
		}
		System.out.printf("%d clients signed in, each with a draft of its own; warm-up %d s, measuring %d s%n", clients,
				warmupSeconds, seconds);
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (Client client : all) {
			Thread thread = new Thread(() -> {
				try {
					client.work(warmupEnd, end);
				}
				finally {
					done.countDown();
				}
			}, "client-" + client.number);
			thread.start();
		}
		done.await();
		return report(all, seconds);
	}

	/**
	 * The flood experiment of issue 13, item 3: a signed-in user opens Home for {@code seconds} alone, then as long
	 * again while {@code threads} connections send wrong HTTP Basic credentials to the API as fast as they are
	 * answered. Prints Home's p50/p95 in both phases and what the flood got; exit 0 when Home answered every time.
	 */
	private int flood(String username, String password, int threads, int seconds) throws Exception {
		Client user = new Client(0);
		user.signIn(username, password);
		List<Long> quiet = user.home(seconds);
		java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
		Map<Integer, AtomicLong> floodStatuses = new ConcurrentHashMap<>();
		List<Thread> flooders = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int number = i;
			Thread thread = new Thread(() -> {
				HttpClient http = HttpClient.newHttpClient();
				String credentials = java.util.Base64.getEncoder()
					.encodeToString((username + ":wrong-" + number).getBytes(StandardCharsets.UTF_8));
				while (!stop.get()) {
					try {
						HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/role-preview"))
							.timeout(Duration.ofSeconds(60))
							.header("Authorization", "Basic " + credentials)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(SPEC))
							.build(), HttpResponse.BodyHandlers.discarding());
						floodStatuses.computeIfAbsent(response.statusCode(), (k) -> new AtomicLong()).incrementAndGet();
					}
					catch (Exception ex) {
						floodStatuses.computeIfAbsent(-1, (k) -> new AtomicLong()).incrementAndGet();
					}
				}
			}, "flood-" + i);
			thread.start();
			flooders.add(thread);
		}
		Thread.sleep(2000);
		List<Long> flooded = user.home(seconds);
		stop.set(true);
		for (Thread thread : flooders) {
			thread.join();
		}
		System.out.printf("%n%-24s %9s %9s %9s%n", "Home (GET /)", "requests", "p50 ms", "p95 ms");
		Collections.sort(quiet);
		Collections.sort(flooded);
		System.out.printf("%-24s %9d %9.2f %9.2f%n", "alone", quiet.size(), percentile(quiet, 50),
				percentile(quiet, 95));
		System.out.printf("%-24s %9d %9.2f %9.2f%n", "during the flood", flooded.size(), percentile(flooded, 50),
				percentile(flooded, 95));
		System.out.printf("%nflood: %d connections of wrong Basic credentials; answers by status: %s%n", threads,
				floodStatuses);
		long errorCount = this.errors.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf("errors of the signed-in user: %d %s%n", errorCount, this.errors);
		return (errorCount == 0) ? 0 : 1;
	}

	private int report(List<Client> clients, int seconds) throws Exception {
		List<Long> overall = new ArrayList<>();
		System.out.printf("%n%-12s %9s %9s %9s %9s %9s%n", "operation", "requests", "req/s", "p50 ms", "p95 ms",
				"p99 ms");
		for (Operation operation : Operation.values()) {
			if (operation.weight == 0) {
				continue;
			}
			List<Long> times = new ArrayList<>(this.latencies.get(operation));
			overall.addAll(times);
			line(operation.name(), times, seconds);
		}
		line("ALL", overall, seconds);
		long errorCount = this.errors.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf("%nerrors: %d %s%n", errorCount, this.errors);
		long lost = 0;
		long confirmed = 0;
		for (Client client : clients) {
			long[] draft = this.drafts.get(client.draftId);
			long expected = draft[0] + draft[1];
			long stored = client.version();
			confirmed += draft[1];
			if (stored < expected) {
				lost += expected - stored;
				System.out.printf("draft %d: version %d, expected %d (%d confirmed saves)%n", client.draftId, stored,
						expected, draft[1]);
			}
		}
		System.out.printf("confirmed saves: %d, lost writes: %d%n", confirmed, lost);
		return (errorCount == 0 && lost == 0) ? 0 : 1;
	}

	private static void line(String name, List<Long> nanos, int seconds) {
		Collections.sort(nanos);
		System.out.printf("%-12s %9d %9.1f %9.2f %9.2f %9.2f%n", name, nanos.size(), nanos.size() / (double) seconds,
				percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99));
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1_000_000.0;
	}

	private void error(String what) {
		this.errors.computeIfAbsent(what, (k) -> new AtomicLong()).incrementAndGet();
	}

	private final class Client {

		private final int number;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final Random random;

		private String csrf;

		private long draftId;

		private long version;

		private long saves;

		Client(int number) {
			this.number = number;
			this.random = new Random(number);
		}

		void signIn(String username, String password) throws Exception {
			for (int attempt = 0; attempt < 30; attempt++) {
				get("/login");
				HttpResponse<String> login = post("/login", Map.of("username", username, "password", password));
				String location = login.headers().firstValue("Location").orElse("");
				if (login.statusCode() == 302 && !location.contains("?")) {
					get("/drafts");
					return;
				}
				if (!location.contains("busy")) {
					throw new IllegalStateException("Sign-in refused: " + login.statusCode() + " " + location);
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("Sign-in still busy after 30 attempts");
		}

		/** Opens Home for the given time, one request after the other; the latencies of the answers that were 200. */
		List<Long> home(int seconds) throws Exception {
			List<Long> times = new ArrayList<>();
			long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
			while (System.nanoTime() < end) {
				long start = System.nanoTime();
				HttpResponse<String> response = get("/");
				if (expect(Operation.HOME, response, 200)) {
					times.add(System.nanoTime() - start);
				}
			}
			return times;
		}

		void startDraft() throws Exception {
			HttpResponse<String> created = post("/drafts", Map.of("name", "load " + this.number));
			Matcher id = DRAFT.matcher(created.headers().firstValue("Location").orElse(""));
			if (!id.find()) {
				throw new IllegalStateException("Draft not created: " + created.statusCode());
			}
			this.draftId = Long.parseLong(id.group(1));
			// one save with "next", so that the activities step (the step page of the mix) is reached
			HttpResponse<String> first = post("/drafts/" + this.draftId + "/steps/basics", basics(version(), "next"));
			if (first.statusCode() != 302) {
				throw new IllegalStateException("First save of draft " + this.draftId + ": " + first.statusCode());
			}
			this.version = version();
			LoadGenerator.this.drafts.put(this.draftId, new long[] { this.version, 0 });
		}

		private Map<String, String> basics(long version, String action) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("version", String.valueOf(version));
			form.put("accountId", "111122223333");
			form.put("region", "us-east-1");
			form.put("partition", "aws");
			form.put("roleName", "SageMaker-Load-" + this.number + "-" + (this.saves + 1));
			form.put("persona", "data-scientist");
			form.put("_action", action);
			return form;
		}

		long version() throws Exception {
			Matcher version = VERSION.matcher(get("/drafts/" + this.draftId + "/steps/basics").body());
			if (!version.find()) {
				throw new IllegalStateException("No version on draft " + this.draftId);
			}
			return Long.parseLong(version.group(1));
		}

		void work(long warmupEnd, long end) {
			while (System.nanoTime() < end) {
				Operation operation = pick();
				long start = System.nanoTime();
				boolean ok;
				try {
					ok = perform(operation);
				}
				catch (Exception ex) {
					ok = false;
					error(operation + " " + ex.getClass().getSimpleName());
				}
				long took = System.nanoTime() - start;
				if (start >= warmupEnd && ok) {
					LoadGenerator.this.latencies.get(operation).add(took);
				}
			}
		}

		private Operation pick() {
			int roll = this.random.nextInt(100);
			for (Operation operation : Operation.values()) {
				roll -= operation.weight;
				if (roll < 0) {
					return operation;
				}
			}
			return Operation.MY_DRAFTS;
		}

		private boolean perform(Operation operation) throws Exception {
			switch (operation) {
				case STEP_SAVE -> {
					HttpResponse<String> saved = post("/drafts/" + this.draftId + "/steps/basics",
							basics(this.version, "save"));
					if (saved.statusCode() != 302) {
						error("STEP_SAVE " + saved.statusCode());
						return false;
					}
					this.saves++;
					this.version++;
					LoadGenerator.this.drafts.get(this.draftId)[1] = this.saves;
					return true;
				}
				case STEP_PAGE -> {
					return expect(operation, get("/drafts/" + this.draftId + "/steps/activities"), 200);
				}
				case MY_DRAFTS -> {
					return expect(operation, get("/drafts"), 200);
				}
				default -> {
					HttpResponse<String> preview = this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/role-preview"))
						.timeout(Duration.ofSeconds(60))
						.header("Content-Type", "application/json")
						.header("X-CSRF-TOKEN", this.csrf)
						.POST(HttpRequest.BodyPublishers.ofString(SPEC))
						.build(), HttpResponse.BodyHandlers.ofString());
					return expect(operation, preview, 200);
				}
			}
		}

		private boolean expect(Operation operation, HttpResponse<String> response, int status) {
			if (response.statusCode() != status) {
				error(operation + " " + response.statusCode());
				return false;
			}
			return true;
		}

		private HttpResponse<String> get(String path) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return response;
		}

		private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", this.csrf);
			String form = all.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
