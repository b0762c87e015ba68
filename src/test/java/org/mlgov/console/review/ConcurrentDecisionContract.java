package org.mlgov.console.review;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftConflictException;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.IllegalTransitionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: two reviewers deciding the same revision at the same moment (one approves, one rejects; or both
 * approve where one approval is enough) make exactly one decision: one succeeds, the other is refused as a conflict
 * or an illegal transition, the revision has one decision row, the draft the winner's status and the audit trail one
 * decision event. Run on H2 ({@code ConcurrentDecisionH2Tests}) and on embedded PostgreSQL
 * ({@code ConcurrentDecisionPostgresTests}).
 */
abstract class ConcurrentDecisionContract {

	private static final int ROUNDS = 8;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anApprovalAndARejectionAtOnceMakeExactlyOneDecision() throws Exception {
		decideAtOnce("approve-reject", (id) -> ReviewFixtures.as("reviewer", () -> this.reviews.approve(id, 1, "fine",
				"reviewer"), "REVIEWER"), (id) -> ReviewFixtures.as("reviewer2", () -> this.reviews.reject(id, 1,
						"too wide", "reviewer2"), "REVIEWER"));
	}

	@Test
	void twoApprovalsAtOnceWhereOneIsEnoughMakeExactlyOneDecision() throws Exception {
		decideAtOnce("approve-approve", (id) -> ReviewFixtures.as("reviewer", () -> this.reviews.approve(id, 1, "fine",
				"reviewer"), "REVIEWER"), (id) -> ReviewFixtures.as("reviewer2", () -> this.reviews.approve(id, 1,
						"fine too", "reviewer2"), "REVIEWER"));
	}

	interface Decision {

		Draft decide(long draftId);

	}

	private void decideAtOnce(String name, Decision first, Decision second) throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Draft draft = fixtures.submitted("admin", "Concurrent " + name + " " + round + " " + System.nanoTime());
				long id = draft.id();
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Draft>> outcomes = new ArrayList<>();
				for (Decision decision : List.of(first, second)) {
					Callable<Draft> task = () -> {
						together.await(30, TimeUnit.SECONDS);
						return decision.decide(id);
					};
					outcomes.add(executor.submit(task));
				}
				List<Draft> decided = new ArrayList<>();
				List<Throwable> refused = new ArrayList<>();
				for (Future<Draft> outcome : outcomes) {
					try {
						decided.add(outcome.get(2, TimeUnit.MINUTES));
					}
					catch (java.util.concurrent.ExecutionException ex) {
						refused.add(ex.getCause());
					}
				}
				assertThat(decided).as("round %d: decisions that succeeded", round).hasSize(1);
				assertThat(refused).as("round %d: the other one", round)
					.singleElement()
					.isInstanceOfAny(OptimisticLockingFailureException.class, DraftConflictException.class,
							IllegalTransitionException.class);
				Integer rows = this.jdbc.queryForObject(
						"select count(*) from draft_decision where draft_id = ? and revision_number = 1", Integer.class,
						id);
				assertThat(rows).as("round %d: decision rows", round).isEqualTo(1);
				String status = this.jdbc.queryForObject("select status from draft where id = ?", String.class, id);
				assertThat(status).isEqualTo(decided.get(0).status().name()).isIn(DraftStatus.APPROVED.name(),
						DraftStatus.REJECTED.name());
				Integer events = this.jdbc.queryForObject("select count(*) from audit_event where draft_id = ? and "
						+ "action in ('DRAFT_APPROVED', 'DRAFT_APPROVAL_RECORDED', 'DRAFT_REJECTED')", Integer.class, id);
				assertThat(events).as("round %d: decision events", round).isEqualTo(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
