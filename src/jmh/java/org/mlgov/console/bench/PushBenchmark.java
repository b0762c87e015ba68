package org.mlgov.console.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.mlgov.console.MotoServer;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.live.aws.AwsLiveStateReader;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.push.LiveState;
import org.mlgov.console.push.PlannedStep;
import org.mlgov.console.push.PushPlanner;
import org.mlgov.console.push.PushService;
import org.mlgov.console.push.aws.AwsPushWriter;
import org.mlgov.console.review.FrozenDocuments;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The push of the largest realistic revision ({@link GeneratorBenchmark#largestRealisticSpec}, without SageMaker
 * targets: moto has no UpdateDomain) into moto, with the console's reader, planner and SDK writer: the time of a
 * first push into an empty account and of a second push that finds everything live, and the HTTP requests each made
 * (counted in moto's request log) against the fewest the revision needs. A plain main, not a test:
 * {@code ./mvnw -Pbenchmark test-compile exec:exec@run-push}.
 */
public final class PushBenchmark {

	static final String ACCOUNT = "111122223333";

	private PushBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path results = Path.of((args.length > 0) ? args[0] : "target/benchmark-results.txt");
		Catalog catalog = CatalogLoader.loadDefault();
		RoleSpec spec = GeneratorBenchmark.largestRealisticSpec(catalog);
		GenerationResult result = new PolicyGenerator(catalog).generate(spec);
		FrozenDocuments docs = FrozenDocuments.of(result, RoleMode.NEW_ROLE, CanvasTargets.none());
		PushPlanner.Target target = new PushPlanner.Target(ACCOUNT, "us-east-1", "aws", docs);
		MotoServer moto = new MotoServer(ACCOUNT);
		moto.start();
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create("testing", "testing"));
		URI endpoint = moto.endpoint();
		AwsProperties properties = new AwsProperties(true, "us-east-1", null, 3, true, Map.of(),
				new AwsProperties.Endpoints(endpoint, endpoint, endpoint, endpoint), Duration.ofSeconds(60),
				Duration.ofSeconds(30));
		StringBuilder report = new StringBuilder("\nPush benchmark (moto ").append(endpoint).append(")\n");
		try (AwsClients clients = new AwsClients(properties, credentials);
				S3Client s3 = S3Client.builder()
					.region(software.amazon.awssdk.regions.Region.US_EAST_1)
					.endpointOverride(endpoint)
					.forcePathStyle(true)
					.credentialsProvider(credentials)
					.build()) {
			for (FrozenDocuments.Cors cors : docs.cors()) {
				s3.createBucket((r) -> r.bucket(cors.bucket()));
			}
			AwsLiveStateReader reader = new AwsLiveStateReader(properties, clients);
			AwsPushWriter writer = new AwsPushWriter(properties, clients, 8, Duration.ofSeconds(1));
			// warm-up: the first calls of a fresh moto load its AWS managed policies
			reader.readRole(ACCOUNT, "warm-up");

			int managed = target.customerManaged().size();
			int buckets = docs.cors().size();
			int inline = target.inline().size();
			// Into an empty account: GetRole for each role, GetPolicy for each customer managed policy, the buckets.
			int fewestFirst = 1 + (target.createsBedrockRole() ? 1 : 0) + managed + buckets;
			// To confirm that everything is live: each role (GetRole, ListRolePolicies, GetRolePolicy per inline
			// policy, ListAttachedRolePolicies, ListRoleTags), each customer managed policy's default version
			// (GetPolicy, GetPolicyVersion), the buckets.
			int fewestAgain = (4 + inline) + (target.createsBedrockRole() ? 4 : 0) + 2 * managed + buckets;
			report.append("Revision: ").append(docs.policies().size()).append(" policies (").append(managed)
				.append(" customer managed), ").append(docs.awsManagedPolicyArns().size()).append(" AWS managed, ")
				.append(buckets).append(" CORS buckets, Bedrock role ").append(target.createsBedrockRole())
				.append('\n');
			for (String run : List.of("first push (empty account)", "second push (already live)")) {
				int fewestReads = run.startsWith("first") ? fewestFirst : fewestAgain;
				long before = requests(moto);
				long start = System.nanoTime();
				LiveState live = PushService.readLive(target, reader, writer, Set.of());
				List<PlannedStep> steps = PushPlanner.plan(target, live);
				int writes = 0;
				for (PlannedStep step : steps) {
					if (step.changes()) {
						step.write().run(writer);
						writes++;
					}
				}
				long millis = (System.nanoTime() - start) / 1_000_000;
				long calls = requests(moto) - before;
				long fewestWrites = steps.stream().filter(PlannedStep::changes).count();
				report.append(String.format("%-28s %6d ms, %3d steps, %3d write calls, %4d HTTP requests in all; fewest "
						+ "the revision needs: %d writes + %d reads = %d%n", run, millis, steps.size(), writes, calls,
						fewestWrites, fewestReads, fewestWrites + fewestReads));
			}
		}
		finally {
			moto.stop();
		}
		System.out.print(report);
		Files.createDirectories(results.toAbsolutePath().getParent());
		Files.writeString(results, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/** The requests moto has logged so far (one line per request in its log). */
	private static long requests(MotoServer moto) throws IOException {
		Path log = Path.of("target", "moto-server-" + moto.endpoint().getPort() + ".log");
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains("\" 200 ") || line.matches(".*\" [1-5]\\d\\d .*")).count();
		}
	}

}
