package org.mlgov.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit trail's search must do on every database the console supports; run on H2 and on a real
 * PostgreSQL 16 with the same Flyway migrations. Each test runs in a rolled-back transaction on a set of events in
 * May 2031, far from the events other tests write. ({@code @DataJdbcTest}'s own {@code @Transactional} covers only
 * the methods declared in the annotated class, not these inherited ones.)
 */
@Transactional
abstract class AuditEventRepositoryContract {

	private static final LocalDate MAY_1 = LocalDate.parse("2031-05-01");

	private static final LocalDate MAY_2 = LocalDate.parse("2031-05-02");

	private static final LocalDate MAY_3 = LocalDate.parse("2031-05-03");

	@Autowired
	AuditEventRepository auditEvents;

	private AuditEvent beforeMay;

	private AuditEvent aliceSignsIn;

	private AuditEvent aliceCreates7;

	private AuditEvent aliceCreates9;

	private AuditEvent bobSaves7;

	private AuditEvent carolSignsOut;

	private AuditEvent aliciaSaves8;

	private AuditEvent aliceSaves8;

	private AuditEvent upperAliceDeletes7;

	private AuditEvent aliceCreates7Later;

	private List<AuditEvent> all;

	@BeforeEach
	void insertEvents() {
		this.beforeMay = insert("2031-04-30T23:59:59.999999Z", "bob", AuditAction.SIGN_IN_FAILED, null, null);
		this.aliceSignsIn = insert("2031-05-01T00:00:00Z", "alice", AuditAction.SIGN_IN, null, null);
		this.aliceCreates7 = insert("2031-05-01T09:30:00Z", "alice", AuditAction.DRAFT_CREATED, 7L, 0L);
		this.aliceCreates9 = insert("2031-05-01T23:59:59.999999Z", "Alice", AuditAction.DRAFT_CREATED, 9L, 0L);
		this.bobSaves7 = insert("2031-05-02T00:00:00Z", "bob", AuditAction.DRAFT_SAVED, 7L, 1L);
		this.carolSignsOut = insert("2031-05-02T00:00:00Z", "carol", AuditAction.SIGN_OUT, null, null);
		this.aliciaSaves8 = insert("2031-05-02T08:00:00Z", "alicia", AuditAction.DRAFT_SAVED, 8L, 1L);
		this.aliceSaves8 = insert("2031-05-02T12:00:00Z", "alice", AuditAction.DRAFT_SAVED, 8L, 2L);
		this.upperAliceDeletes7 = insert("2031-05-03T00:00:00Z", "ALICE", AuditAction.DRAFT_DELETED, 7L, 1L);
		this.aliceCreates7Later = insert("2031-05-05T10:00:00Z", "alice", AuditAction.DRAFT_CREATED, 7L, 0L);
		this.all = List.of(this.aliceCreates7Later, this.upperAliceDeletes7, this.aliceSaves8, this.aliciaSaves8,
				this.carolSignsOut, this.bobSaves7, this.aliceCreates9, this.aliceCreates7, this.aliceSignsIn,
				this.beforeMay);
	}

	@Test
	void withoutFiltersEveryEventComesNewestFirstWithTiesByNewestId() {
		List<AuditEvent> found = this.auditEvents.search(AuditQuery.ALL, 0, 10_000);
		assertThat(found).containsSubsequence(this.all);
		assertThat(found.indexOf(this.carolSignsOut)).isEqualTo(found.indexOf(this.bobSaves7) - 1);
		assertThat(this.auditEvents.count(AuditQuery.ALL)).isEqualTo(found.size());
	}

	@Test
	void theActorIsMatchedExactlyButIgnoringCase() {
		assertThat(search(new AuditQuery("aLiCe", null, null, null, null))).containsExactly(this.aliceCreates7Later,
				this.upperAliceDeletes7, this.aliceSaves8, this.aliceCreates9, this.aliceCreates7,
				this.aliceSignsIn);
		assertThat(search(new AuditQuery(" alicia ", null, null, null, null))).containsExactly(this.aliciaSaves8);
		assertThat(search(new AuditQuery("ali", null, null, null, null))).isEmpty();
		assertThat(search(new AuditQuery("ali%", null, null, null, null))).isEmpty();
	}

	@Test
	void valuesAreParametersNotSql() {
		assertThat(search(new AuditQuery("x' or '1'='1", null, null, null, null))).isEmpty();
		assertThat(this.auditEvents.count(new AuditQuery("alice' --", null, null, null, null))).isZero();
		assertThat(this.auditEvents.count(AuditQuery.ALL)).isGreaterThanOrEqualTo(this.all.size());
	}

	@Test
	void theDraftFilterFindsTheEventsOfOneDraftWithTheirVersions() {
		assertThat(search(new AuditQuery(null, 7L, null, null, null))).containsExactly(this.aliceCreates7Later,
				this.upperAliceDeletes7, this.bobSaves7, this.aliceCreates7);
		assertThat(search(new AuditQuery(null, 8L, null, null, null))).extracting(AuditEvent::draftVersion)
			.containsExactly(2L, 1L);
		assertThat(search(new AuditQuery(null, 424242L, null, null, null))).isEmpty();
	}

	@Test
	void theActionFilterFindsOneAction() {
		assertThat(search(new AuditQuery(null, null, AuditAction.DRAFT_SAVED, null, null)))
			.containsExactly(this.aliceSaves8, this.aliciaSaves8, this.bobSaves7);
		assertThat(search(new AuditQuery(null, null, AuditAction.DRAFT_RENAMED, null, null))).isEmpty();
	}

	@Test
	void datesAreWholeUtcDaysIncludingBothEnds() {
		assertThat(search(new AuditQuery(null, null, null, MAY_1, MAY_1))).containsExactly(this.aliceCreates9,
				this.aliceCreates7, this.aliceSignsIn);
		assertThat(search(new AuditQuery(null, null, null, MAY_2, MAY_3))).containsExactly(this.upperAliceDeletes7,
				this.aliceSaves8, this.aliciaSaves8, this.carolSignsOut, this.bobSaves7);
		assertThat(search(new AuditQuery(null, null, null, MAY_3, null))).containsExactly(this.aliceCreates7Later,
				this.upperAliceDeletes7);
		assertThat(search(new AuditQuery(null, null, null, null, LocalDate.parse("2031-04-30"))))
			.containsExactly(this.beforeMay);
	}

	@Test
	void allFiltersTogether() {
		assertThat(search(new AuditQuery("alice", 7L, AuditAction.DRAFT_CREATED, MAY_1, MAY_2)))
			.containsExactly(this.aliceCreates7);
		assertThat(search(new AuditQuery("alice", 7L, AuditAction.DRAFT_CREATED, MAY_1, null)))
			.containsExactly(this.aliceCreates7Later, this.aliceCreates7);
	}

	/**
	 * Each of the 32 combinations of the five filters finds exactly the events of the unfiltered search that meet
	 * every filter of the combination, in the same order, and counts as many.
	 */
	@Test
	void everyCombinationOfFiltersMatchesWhatEachFilterAllows() {
		List<AuditEvent> unfiltered = this.auditEvents.search(AuditQuery.ALL, 0, 10_000);
		for (int mask = 0; mask < 32; mask++) {
			AuditQuery query = new AuditQuery(((mask & 1) != 0) ? "ALICE" : null, ((mask & 2) != 0) ? 7L : null,
					((mask & 4) != 0) ? AuditAction.DRAFT_CREATED : null, ((mask & 8) != 0) ? MAY_1 : null,
					((mask & 16) != 0) ? MAY_2 : null);
			List<AuditEvent> expected = unfiltered.stream().filter(meets(query)).toList();
			assertThat(this.auditEvents.search(query, 0, 10_000)).as(query.toString()).isEqualTo(expected);
			assertThat(this.auditEvents.count(query)).as(query.toString()).isEqualTo(expected.size());
			assertThat(expected).as(query.toString()).containsAnyElementsOf(this.all);
		}
	}

	@Test
	void pagesAreSlicesOfTheSameOrder() {
		AuditQuery may = new AuditQuery(null, null, null, MAY_1, LocalDate.parse("2031-05-05"));
		assertThat(this.auditEvents.count(may)).isEqualTo(9);
		assertThat(this.auditEvents.search(may, 0, 4)).containsExactly(this.aliceCreates7Later,
				this.upperAliceDeletes7, this.aliceSaves8, this.aliciaSaves8);
		assertThat(this.auditEvents.search(may, 4, 4)).containsExactly(this.carolSignsOut, this.bobSaves7,
				this.aliceCreates9, this.aliceCreates7);
		assertThat(this.auditEvents.search(may, 8, 4)).containsExactly(this.aliceSignsIn);
		assertThat(this.auditEvents.search(may, 12, 4)).isEmpty();
	}

	@Test
	void streamingPassesTheMatchingEventsNewestFirstUpToTheLimit() {
		List<AuditEvent> received = new ArrayList<>();
		int passed = this.auditEvents.search(new AuditQuery("alice", null, null, null, null), 4, received::add);
		assertThat(passed).isEqualTo(4);
		assertThat(received).containsExactly(this.aliceCreates7Later, this.upperAliceDeletes7, this.aliceSaves8,
				this.aliceCreates9);
		received.clear();
		assertThat(this.auditEvents.search(new AuditQuery(null, 8L, null, null, null), 100, received::add))
			.isEqualTo(2);
		assertThat(received).containsExactly(this.aliceSaves8, this.aliciaSaves8);
	}

	@Test
	void draftColumnsRoundTripAndStayEmptyForOtherEvents() {
		AuditEvent draftEvent = this.auditEvents
			.insert(AuditEvent.nowOnDraft("dana", "DRAFT_RENAMED", 31L, 4L, "from: Old", "192.0.2.7"));
		assertThat(this.auditEvents.findById(draftEvent.id())).hasValueSatisfying((found) -> {
			assertThat(found).isEqualTo(draftEvent);
			assertThat(found.target()).isEqualTo("draft 31 (version 4)");
			assertThat(found.draftId()).isEqualTo(31L);
			assertThat(found.draftVersion()).isEqualTo(4L);
		});
		assertThat(draftEvent.draftRevision()).isNull();
		AuditEvent reviewEvent = this.auditEvents
			.insert(AuditEvent.nowOnDraft("rita", "DRAFT_APPROVED", 31L, 6L, 2, "revision 2", "192.0.2.8"));
		assertThat(this.auditEvents.findById(reviewEvent.id())).hasValueSatisfying((found) -> {
			assertThat(found).isEqualTo(reviewEvent);
			assertThat(found.draftVersion()).isEqualTo(6L);
			assertThat(found.draftRevision()).isEqualTo(2);
		});
		AuditEvent signIn = this.auditEvents.insert(AuditEvent.now("dana", "SIGN_IN", null, null, "192.0.2.7"));
		assertThat(this.auditEvents.findById(signIn.id())).hasValueSatisfying((found) -> {
			assertThat(found.draftId()).isNull();
			assertThat(found.draftVersion()).isNull();
			assertThat(found.draftRevision()).isNull();
		});
	}

	@Test
	void roleAccountAndUserProfileFindTheEventsAboutThem() {
		AuditEvent canvas = this.auditEvents.insert(AuditEvent.now("dana", AuditAction.DRAFT_SUBMITTED,
				AuditSubject.draft(41, 3, 1, "SageMaker-Canvas", "111122223333"), "revision 1", "192.0.2.7"));
		AuditEvent otherRole = this.auditEvents.insert(AuditEvent.now("dana", AuditAction.DRAFT_SUBMITTED,
				AuditSubject.draft(43, 3, 1, "SageMaker-Other", "111122223333"), "revision 1", "192.0.2.7"));
		AuditEvent otherAccount = this.auditEvents.insert(AuditEvent.now("rita", AuditAction.DRAFT_APPROVED,
				AuditSubject.draft(42, 4, 1, "SageMaker-Canvas", "444455556666"), "revision 1", "192.0.2.8"));
		AuditEvent alice = this.auditEvents.insert(AuditEvent.now("lee", AuditAction.SIGN_IN,
				AuditSubject.of(AuditSubject.Kind.USER_PROFILE, "d-abc123/alice", null, "111122223333"), null,
				"192.0.2.9"));
		this.auditEvents.insert(AuditEvent.now("lee", AuditAction.SIGN_IN,
				AuditSubject.of(AuditSubject.Kind.USER_PROFILE, "d-abc123/malice", null, "111122223333"), null,
				"192.0.2.9"));

		assertThat(search(AuditQuery.forRole("111122223333", "SageMaker-Canvas"))).containsExactly(canvas);
		assertThat(search(new AuditQuery(null, null, null, null, null, "SageMaker-Canvas", null, null, List.of())))
			.containsExactly(otherAccount, canvas);
		assertThat(search(new AuditQuery(null, null, null, null, null, null, "444455556666", null, List.of())))
			.containsExactly(otherAccount);
		AuditQuery profile = new AuditQuery(null, null, null, null, null, null, null, "alice", List.of());
		assertThat(search(profile)).containsExactly(alice);
		assertThat(search(profile.withProfileRoles(List.of("SageMaker-Other")))).containsExactly(alice, otherRole);
		assertThat(search(new AuditQuery(null, null, null, null, null, null, "111122223333", "alice",
				List.of("SageMaker-Canvas", "SageMaker-Other")))).containsExactly(alice, otherRole, canvas);
		assertThat(search(new AuditQuery(null, null, null, null, null, "x' or '1'='1", null, "%", List.of())))
			.isEmpty();
	}

	private List<AuditEvent> search(AuditQuery query) {
		List<AuditEvent> found = this.auditEvents.search(query, 0, 10_000);
		assertThat(this.auditEvents.count(query)).as("count of " + query).isEqualTo(found.size());
		return found;
	}

	@Test
	void countingStopsAtTheLimitGiven() {
		AuditQuery may = new AuditQuery(null, null, null, MAY_1, LocalDate.parse("2031-05-05"));
		assertThat(this.auditEvents.count(may)).isEqualTo(9);
		assertThat(this.auditEvents.countUpTo(may, 100)).isEqualTo(9);
		assertThat(this.auditEvents.countUpTo(may, 10)).isEqualTo(9);
		assertThat(this.auditEvents.countUpTo(may, 9)).isEqualTo(9);
		assertThat(this.auditEvents.countUpTo(may, 8)).isEqualTo(8);
		assertThat(this.auditEvents.countUpTo(may, 1)).isEqualTo(1);
		AuditQuery alice = new AuditQuery("ALICE", null, null, MAY_1, LocalDate.parse("2031-05-05"));
		long alices = this.all.stream().filter(meets(alice)).count();
		assertThat(alices).isEqualTo(6);
		assertThat(this.auditEvents.countUpTo(alice, 100)).isEqualTo(alices);
		assertThat(this.auditEvents.countUpTo(alice, 3)).isEqualTo(3);
	}

	private AuditEvent insert(String when, String actor, AuditAction action, Long draftId, Long draftVersion) {
		String target = (draftId != null) ? "draft " + draftId + " (version " + draftVersion + ")" : null;
		return this.auditEvents.insert(new AuditEvent(null, Instant.parse(when), actor, action.name(), target, null,
				"192.0.2.1", draftId, draftVersion));
	}

	private static Predicate<AuditEvent> meets(AuditQuery query) {
		return (event) -> (query.actor() == null || event.actor().equalsIgnoreCase(query.actor()))
				&& (query.draftId() == null || query.draftId().equals(event.draftId()))
				&& (query.action() == null || query.action().name().equals(event.action()))
				&& (query.from() == null
						|| !event.occurredAt().isBefore(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()))
				&& (query.to() == null
						|| event.occurredAt().isBefore(query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

}
