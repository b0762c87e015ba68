package org.mlgov.console.push;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.review.ReviewFixtures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console stopped in the middle of a push: the application context is closed while a step's call is in flight.
 * After a new start on the same database the push is FAILED with its finished steps kept (the step in flight failed,
 * the draft PUSH_FAILED), and pushing again completes with nothing applied twice.
 */
class PushRestartTests {

	@Test
	void aPushInterruptedByAStopIsFailedAtStartUpAndPushingAgainCompletesWithoutApplyingAnythingTwice()
			throws Exception {
		// A database file that outlives the first console, as the default H2 database does. (An in-memory H2 does
		// not survive the interrupt of the thread that was using it when its console stopped.)
		String url = "jdbc:h2:file:./target/push-restart/" + UUID.randomUUID()
				+ "/console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		ConsoleInstances.freshAccount();
		FakeAws aws = ConsoleInstances.AWS;
		try (ConsoleInstances consoles = new ConsoleInstances(Map.of("spring.datasource.url", url))) {
			ConfigurableApplicationContext first = consoles.start();
			Draft draft = ConsoleInstances.approvedDraft(first, "Stopped half-way");
			CountDownLatch inFlight = new CountDownLatch(1);
			AtomicInteger calls = new AtomicInteger();
			aws.beforeWrite(() -> {
				if (calls.incrementAndGet() == 4) {
					inFlight.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("the console stopped during the call");
					}
				}
			});
			Push push = ReviewFixtures.as("admin", () -> first.getBean(PushService.class).start(draft.id(), "admin"),
					"ADMIN");
			assertThat(inFlight.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			first.close();
			aws.beforeWrite(() -> {
			});
			List<String> beforeRestart = List.copyOf(aws.writes);
			assertThat(beforeRestart).hasSize(3);
			Thread.sleep(2500);

			ConfigurableApplicationContext second = consoles.start();
			PushService pushes = second.getBean(PushService.class);
			Push failed = ReviewFixtures.as("admin", () -> pushes.find(push.id()).orElseThrow(), "ADMIN");
			assertThat(failed.status()).isEqualTo(PushStatus.FAILED);
			assertThat(failed.message()).contains("stopped");
			List<PushStep> steps = ReviewFixtures.as("admin", () -> pushes.steps(push.id()), "ADMIN");
			assertThat(steps).extracting(PushStep::outcome)
				.containsExactly(StepOutcome.CHANGED, StepOutcome.CHANGED, StepOutcome.CHANGED, StepOutcome.FAILED);
			assertThat(steps.get(3).message()).contains("stopped while this call was in flight");
			DraftService drafts = second.getBean(DraftService.class);
			assertThat(ReviewFixtures.as("admin", () -> drafts.getForReading(draft.id()).status(), "ADMIN"))
				.isEqualTo(DraftStatus.PUSH_FAILED);
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select action from audit_event where subject_kind = 'PUSH' and subject_id = ? "
					+ "order by id", String.class, Long.toString(push.id()))).endsWith("PUSH_STEP", "PUSH_FAILED");

			Push again = ReviewFixtures.as("admin", () -> pushes.start(draft.id(), "admin"), "ADMIN");
			ConsoleInstances.await("the second push ended", Duration.ofSeconds(60), () -> ReviewFixtures
				.as("admin", () -> pushes.find(again.id()).orElseThrow().finished(), "ADMIN"));
			Push resumed = ReviewFixtures.as("admin", () -> pushes.find(again.id()).orElseThrow(), "ADMIN");
			assertThat(resumed.status()).isEqualTo(PushStatus.SUCCEEDED);
			assertThat(aws.writes).startsWith(beforeRestart.toArray(String[]::new));
			assertThat(new HashSet<>(aws.writes)).as("nothing applied twice").hasSameSizeAs(aws.writes);
			assertThat(resumed.writeCalls()).isEqualTo(aws.writes.size() - 3);
			assertThat(ReviewFixtures.as("admin", () -> drafts.getForReading(draft.id()).status(), "ADMIN"))
				.isEqualTo(DraftStatus.PUSHED);
		}
	}

}
