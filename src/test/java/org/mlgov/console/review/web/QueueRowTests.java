package org.mlgov.console.review.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.web.Times;

import static org.assertj.core.api.Assertions.assertThat;

/** What a line of the review queue shows, worked out in Java once per row. */
class QueueRowTests {

	@Test
	void aWaitingDraftHasItsTimesApprovalsAndLinkUnderTheContextPath() {
		ReviewService.QueueEntry entry = new ReviewService.QueueEntry(42, "Fraud team", "admin", 2,
				Instant.parse("2032-01-10T08:00:00Z"), "Needs Bedrock", 1, 2);
		QueueRow row = QueueRow.of(entry, new Times(), Instant.parse("2032-01-10T11:30:00Z"), "/console");
		assertThat(row.draftId()).isEqualTo(42);
		assertThat(row.name()).isEqualTo("Fraud team");
		assertThat(row.author()).isEqualTo("admin");
		assertThat(row.revision()).isEqualTo(2);
		assertThat(row.submitted()).isEqualTo("2032-01-10 08:00 UTC");
		assertThat(row.waiting()).isEqualTo("3 h");
		assertThat(row.approvals()).isEqualTo("1 of 2");
		assertThat(row.justification()).isEqualTo("Needs Bedrock");
		assertThat(row.href()).isEqualTo("/console/reviews/42");
	}

}
