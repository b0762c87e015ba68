package org.mlgov.console.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.LiveComparison.Outcome;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live comparison reads AWS side by side and answers within {@code console.review.live-read-deadline}, however
 * slow the reads are.
 */
class LiveComparisonServiceTests {

	private static final PolicyGenerator GENERATOR = new PolicyGenerator(CatalogLoader.loadDefault());

	private static final String DOMAIN = "d-abc123def456";

	/** The push plan is not what these tests are about: an empty one. */
	private static final PushPreview NO_PLAN = (revision, live) -> new PushPreview.Preview(List.of(), null);

	private LiveComparisonService service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.destroy();
		}
	}

	/** A revision with a role, Canvas settings for the domain default and two profiles, and a bucket's CORS rules. */
	static DraftRevision revision() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		CanvasTargets targets = new CanvasTargets(DOMAIN, true, List.of("alice", "bob"));
		DraftContent content = new DraftContent(spec, RoleMode.UPDATE_EXISTING, targets);
		return DraftRevision.of(1L, 1, content, FrozenDocuments.of(GENERATOR.generate(spec), RoleMode.UPDATE_EXISTING,
				targets), "why", "alice", Instant.parse("2026-11-23T10:00:00Z"));
	}

	/** A reader whose every read takes {@code delay}, counting the reads that run at the same time. */
	static class SlowReader extends FakeLiveStateReader {

		final Duration delay;

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger interrupted = new AtomicInteger();

		SlowReader(Duration delay) {
			this.delay = delay;
		}

		<T> LiveRead<T> slowly(LiveRead<T> answer) {
			this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				this.interrupted.incrementAndGet();
				Thread.currentThread().interrupt();
			}
			finally {
				this.running.decrementAndGet();
			}
			return answer;
		}

		@Override
		public LiveRead<LiveRole> readRole(String accountId, String roleName) {
			return slowly(super.readRole(accountId, roleName));
		}

		@Override
		public LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId) {
			return slowly(super.readDomain(accountId, region, domainId));
		}

		@Override
		public LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
				String userProfileName) {
			return slowly(super.readUserProfile(accountId, region, domainId, userProfileName));
		}

		@Override
		public LiveRead<LiveBucketCors> readBucketCors(String accountId, String region, String bucket) {
			return slowly(super.readBucketCors(accountId, region, bucket));
		}

	}

	@Test
	void theIndependentReadsRunSideBySide() {
		SlowReader reader = new SlowReader(Duration.ofMillis(600));
		this.service = new LiveComparisonService(reader, NO_PLAN, CatalogLoader.loadDefault(),
				new ReviewProperties(1, Duration.ofSeconds(10)));

		DraftRevision revision = revision();
		long started = System.nanoTime();
		LiveComparison comparison = this.service.compare(revision);
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		// Six reads of 600 ms each: one after another they would take 3.6 s; four threads take two rounds.
		assertThat(tookMillis).isLessThan(2400);
		assertThat(reader.mostAtOnce.get()).isEqualTo(LiveComparisonService.THREADS);
		assertThat(comparison.role().outcome()).isEqualTo(Outcome.MISSING);
		assertThat(comparison.canvasTargets()).extracting(LiveComparison.TargetCheck::target)
			.containsExactly("default user settings of domain " + DOMAIN, "user profile alice of domain " + DOMAIN,
					"user profile bob of domain " + DOMAIN);
		assertThat(comparison.buckets()).extracting(LiveComparison.BucketCheck::bucket)
			.containsExactly("sagemaker-us-east-1-111122223333", "ml-eval-bucket");
	}

	@Test
	void readsStillRunningAtTheDeadlineAreAbandonedAndSaySo() throws Exception {
		SlowReader reader = new SlowReader(Duration.ofSeconds(30));
		this.service = new LiveComparisonService(reader, NO_PLAN, CatalogLoader.loadDefault(),
				new ReviewProperties(1, Duration.ofMillis(500)));

		DraftRevision revision = revision();
		long started = System.nanoTime();
		LiveComparison comparison = this.service.compare(revision);
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(tookMillis).isBetween(450L, 2000L);
		assertThat(comparison.role().outcome()).isEqualTo(Outcome.UNREADABLE);
		assertThat(comparison.role().message()).isEqualTo("IAM GetRole did not answer in time while reading role "
				+ "SageMaker-DataScientist in account 111122223333: the review page waits at most 500 ms for AWS "
				+ "(console.review.live-read-deadline); reload it to try again.");
		assertThat(comparison.canvasTargets()).extracting(LiveComparison.TargetCheck::problem)
			.allSatisfy((problem) -> assertThat(problem).contains("did not answer in time"));
		assertThat(comparison.buckets()).extracting(LiveComparison.BucketCheck::problem)
			.containsExactly("S3 GetBucketCors did not answer in time while reading bucket "
					+ "sagemaker-us-east-1-111122223333 in account 111122223333: the review page waits at most 500 ms "
					+ "for AWS (console.review.live-read-deadline); reload it to try again.",
					"S3 GetBucketCors did not answer in time while reading bucket ml-eval-bucket in account "
							+ "111122223333: the review page waits at most 500 ms for AWS "
							+ "(console.review.live-read-deadline); reload it to try again.");
		// The abandoned reads are interrupted, so that they give their threads back.
		for (int i = 0; i < 50 && reader.running.get() > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(reader.running.get()).isZero();
		assertThat(reader.interrupted.get()).isEqualTo(LiveComparisonService.THREADS);
	}

	@Test
	void aProblemOfTheReaderIsPassedOnAsItIs() {
		FakeLiveStateReader reader = new FakeLiveStateReader();
		reader.role(TestSpecs.ACCOUNT, "SageMaker-DataScientist", FakeLiveStateReader.problem(Kind.ACCESS_DENIED, "IAM",
				"GetRole", "IAM GetRole was refused (AccessDenied)."));
		this.service = new LiveComparisonService(reader, NO_PLAN, CatalogLoader.loadDefault(),
				new ReviewProperties(1));

		LiveComparison comparison = this.service.compare(revision());

		assertThat(comparison.role().message()).isEqualTo("IAM GetRole was refused (AccessDenied).");
	}

}
