package org.mlgov.console.review;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.RequestFrom;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the review's use cases write to the audit trail: each event names the revision it is about (the draft's
 * current revision) besides the draft's version after it; the wizard's own events name no revision.
 */
@ConsoleTest
class ReviewAuditTests {

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	AuditEventRepository audit;

	@Test
	void everyReviewEventRecordsTheRevisionItIsAbout() {
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		Draft draft = fixtures.reworked("admin", "Audited review", "reviewer");
		ReviewFixtures.as("admin", () -> {
			RequestFrom.address("192.0.2.50", () -> this.reviews.comment(draft.id(), "Narrowed the buckets.", "admin", false));
			return RequestFrom.address("192.0.2.50", () -> this.reviews.submit(draft.id(), "second try", draft.version(), "admin"));
		}, "ADMIN");
		ReviewFixtures.as("reviewer", () -> RequestFrom.address("192.0.2.51", () -> this.reviews.approve(draft.id(), 2, "fine now", "reviewer")),
				"REVIEWER");

		List<AuditEvent> events = this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 50);
		assertThat(events).extracting(AuditEvent::action, AuditEvent::draftRevision)
			.containsExactly(tuple("DRAFT_APPROVED", 2), tuple("DRAFT_SUBMITTED", 2), tuple("DRAFT_COMMENTED", 1),
					tuple("DRAFT_REWORKED", 1), tuple("DRAFT_REJECTED", 1), tuple("DRAFT_SUBMITTED", 1),
					tuple("DRAFT_SAVED", null), tuple("DRAFT_SAVED", null), tuple("DRAFT_SAVED", null),
					tuple("DRAFT_SAVED", null), tuple("DRAFT_SAVED", null), tuple("DRAFT_CREATED", null));
		// The version is the draft's optimistic-lock counter, a different number from the revision.
		assertThat(events.get(0).draftVersion()).isGreaterThan(2L);
		assertThat(events.get(0).detail()).isEqualTo("revision 2: fine now");
	}

}
