package org.mlgov.console.draft;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the draft repository must do on every database the console supports; run on H2 and on a real PostgreSQL 16
 * with the same Flyway migrations.
 */
abstract class DraftRepositoryContract {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

	@Autowired
	DraftRepository drafts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void savesAndLoadsTheWholeDraft() {
		Draft draft = Draft.start("Fraud team", "alice", T0);
		Draft saved = this.drafts.save(draft);
		assertThat(saved.id()).isNotNull();
		DraftContent content = new DraftContent(TestSpecs.dataScientistEverything(), RoleMode.UPDATE_EXISTING,
				new CanvasTargets("d-abc123def456", true, List.of("alice")));
		saved.saveStep(WizardStep.BASICS, content, true, "alice", saved.version(), T0.plusSeconds(1));
		this.drafts.save(saved);

		Draft loaded = this.drafts.findById(saved.id()).orElseThrow();
		assertThat(loaded.name()).isEqualTo("Fraud team");
		assertThat(loaded.author()).isEqualTo("alice");
		assertThat(loaded.status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(loaded.stepReached()).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(loaded.createdAt()).isEqualTo(T0);
		assertThat(loaded.updatedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(loaded.version()).isEqualTo(1);
		assertThat(loaded.content()).isEqualTo(content);
		assertThat(this.jdbc.sql("select step_reached from draft where id = ?").param(saved.id()).query(String.class).single())
			.isEqualTo("ACTIVITIES");
	}

	@Test
	void aConcurrentSaveOfAnOlderCopyIsRefusedByTheVersionColumn() {
		Draft saved = this.drafts.save(Draft.start("Concurrent", "alice", T0));
		Draft first = this.drafts.findById(saved.id()).orElseThrow();
		Draft second = this.drafts.findById(saved.id()).orElseThrow();
		first.saveStep(WizardStep.BASICS, first.content(), true, "alice", first.version(), T0.plusSeconds(1));
		this.drafts.save(first);
		second.saveStep(WizardStep.BASICS, DraftContent.empty(), true, "alice", second.version(), T0.plusSeconds(2));
		assertThatThrownBy(() -> this.drafts.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(this.drafts.findById(saved.id()).orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(1));
	}

	@Test
	void decisionsAreStoredWithTheDraft() {
		Draft saved = this.drafts.save(Draft.start("Reviewed", "alice", T0));
		Draft atReview = new Draft(saved.id(), saved.name(), "alice", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(saved.content()), T0, T0, "alice", saved.version());
		atReview.submit("alice", 1, 2, T0.plusSeconds(1));
		atReview = this.drafts.save(atReview);
		atReview.approve("rita", 1, "fine", T0.plusSeconds(2));
		this.drafts.save(atReview);
		Draft loaded = this.drafts.findById(saved.id()).orElseThrow();
		assertThat(loaded.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(loaded.requiredApprovals()).isEqualTo(2);
		assertThat(loaded.currentRevision()).isEqualTo(1);
		assertThat(loaded.approvals()).containsExactly(
				new Decision(1, "rita", Decision.Verdict.APPROVED, "fine", T0.plusSeconds(2)));
		loaded.approve("sam", 1, null, T0.plusSeconds(3));
		this.drafts.save(loaded);
		assertThat(this.drafts.findById(saved.id()).orElseThrow().status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(this.drafts.findByStatusOrderByUpdatedAtAsc(DraftStatus.APPROVED)).extracting(Draft::id)
			.contains(saved.id());
	}

	/**
	 * Pages read a draft with {@link DraftReads#read(long)} (two fixed queries) rather than {@code findById}: both give
	 * the same aggregate, field by field, for a draft just started (no persona), one with a specification, and one
	 * under review with decisions (one without a comment).
	 */
	@Test
	void aDraftReadForAPageIsTheAggregateFindByIdReads() {
		Draft started = this.drafts.save(Draft.start("Just started", "gina", T0));
		Draft specified = this.drafts.save(Draft.start("Specified", "gina", T0));
		specified.saveStep(WizardStep.BASICS, new DraftContent(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE,
				null), true, "gina", specified.version(), T0.plusSeconds(1));
		specified = this.drafts.save(specified);
		Draft reviewed = this.drafts.save(Draft.start("Reviewed", "gina", T0));
		reviewed = new Draft(reviewed.id(), reviewed.name(), "gina", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(specified.content()), T0, T0, "gina", reviewed.version());
		reviewed.submit("gina", 1, 2, T0.plusSeconds(1));
		reviewed = this.drafts.save(reviewed);
		reviewed.approve("rita", 1, "fine", T0.plusSeconds(2));
		reviewed.approve("sam", 1, null, T0.plusSeconds(3));
		reviewed = this.drafts.save(reviewed);

		for (Draft draft : List.of(started, specified, reviewed)) {
			Draft read = this.drafts.read(draft.id()).orElseThrow();
			assertThat(read).usingRecursiveComparison().isEqualTo(this.drafts.findById(draft.id()).orElseThrow());
		}
		assertThat(this.drafts.read(specified.id()).orElseThrow().persona())
			.isEqualTo(TestSpecs.dataScientistEverything().persona());
		assertThat(this.drafts.read(reviewed.id()).orElseThrow().decisions()).extracting(Decision::reviewer, Decision::comment)
			.containsExactlyInAnyOrder(tuple("rita", "fine"),
					tuple("sam", null));
		assertThat(this.drafts.read(started.id()).orElseThrow().persona()).isNull();
		assertThat(this.drafts.read(-1)).isEmpty();
	}

	/**
	 * The drafts lists' summary query ({@link DraftSummaries}): 50 a page newest first, with the number of matching
	 * drafts (counted when the first page is full, else its rows), a page past the last shown as the last, and the
	 * decisions of a submitted draft (reworked after a rejection) while the others read none.
	 */
	@Test
	void summariesComePageByPageWithTheirCountAndTheDecisionsOfSubmittedDrafts() {
		DraftSummaries summaries = new DraftSummaries(this.jdbc);
		for (int i = 1; i <= 52; i++) {
			this.drafts.save(Draft.start("Hana %02d".formatted(i), "hana", T0.plusSeconds(i)));
		}
		this.drafts.save(Draft.start("Ivan alone", "ivan", T0.plusSeconds(100)));
		this.drafts.save(Draft.start("Ivan's 100%_done \\ role", "ivan", T0.plusSeconds(101)));
		// The oldest one is submitted, rejected and reworked last, so it comes first.
		Draft reworked = this.drafts.findByAuthorOrderByUpdatedAtDesc("hana").get(51);
		reworked = new Draft(reworked.id(), "Hana 01", "hana", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(reworked.content()), T0, T0.plusSeconds(1), "hana", reworked.version());
		reworked.submit("hana", 1, 1, T0.plusSeconds(1));
		reworked = this.drafts.save(reworked);
		reworked.reject("rita", 1, "too broad", T0.plusSeconds(2));
		reworked = this.drafts.save(reworked);
		reworked.rework("hana", T0.plusSeconds(200));
		this.drafts.save(reworked);

		Page<DraftSummary> first = summaries.find("hana", "", 1);
		assertThat(first.getTotalElements()).isEqualTo(52);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(first.getContent()).hasSize(50);
		assertThat(first.getContent().get(0).name()).isEqualTo("Hana 01");
		assertThat(first.getContent().get(0).lastRejection()).map(Decision::comment).contains("too broad");
		assertThat(first.getContent().subList(1, 50)).extracting(DraftSummary::name)
			.startsWith("Hana 52", "Hana 51")
			.endsWith("Hana 04")
			.allSatisfy((name) -> assertThat(name).startsWith("Hana "));
		assertThat(first.getContent()).filteredOn((d) -> d.id() != first.getContent().get(0).id())
			.allSatisfy((d) -> assertThat(d.decisions()).isEmpty());

		Page<DraftSummary> second = summaries.find("hana", "", 2);
		assertThat(second.getNumber()).isEqualTo(1);
		assertThat(second.getTotalElements()).isEqualTo(52);
		assertThat(second.getContent()).extracting(DraftSummary::name).containsExactly("Hana 03", "Hana 02");
		Page<DraftSummary> pastTheLast = summaries.find("hana", "", 9);
		assertThat(pastTheLast.getNumber()).isEqualTo(1);
		assertThat(pastTheLast.getTotalElements()).isEqualTo(52);
		assertThat(pastTheLast.getContent()).extracting(DraftSummary::name).containsExactly("Hana 03", "Hana 02");

		Page<DraftSummary> searched = summaries.find("hana", "ana 5", 1);
		assertThat(searched.getTotalElements()).isEqualTo(3);
		assertThat(searched.getContent()).extracting(DraftSummary::name).containsExactly("Hana 52", "Hana 51", "Hana 50");
		Page<DraftSummary> none = summaries.find("hana", "nothing like it", 3);
		assertThat(none.getTotalElements()).isZero();
		assertThat(none.getNumber()).isZero();
		assertThat(none.getContent()).isEmpty();
		assertThat(summaries.find(null, "ivan alone", 1).getContent()).extracting(DraftSummary::author)
			.containsExactly("ivan");
		// What was typed is matched as it is: LIKE's wildcards, its escape character and quotes are plain text.
		assertThat(summaries.find(null, "  IVAN'S 100%_DONE \\ ", 1).getContent()).extracting(DraftSummary::name)
			.containsExactly("Ivan's 100%_done \\ role");
		assertThat(summaries.find(null, "%", 1).getContent()).extracting(DraftSummary::name)
			.containsExactly("Ivan's 100%_done \\ role");
		assertThat(summaries.find(null, "a_a", 1).getContent()).isEmpty();
		assertThat(summaries.find(null, "n%a", 1).getContent()).isEmpty();
		assertThat(summaries.find(null, "\\", 1).getContent()).extracting(DraftSummary::name)
			.containsExactly("Ivan's 100%_done \\ role");
	}

	/**
	 * {@link DraftSummaries} keeps the summaries it read and lists a page as ids and versions: a page nothing changed
	 * on comes back as the same objects; a draft renamed, decided on or deleted since (each a save of the aggregate,
	 * which increments the version) is shown as it is now, while the others stay the objects kept.
	 */
	@Test
	void keptSummariesAreReadAgainOnlyForDraftsThatChanged() {
		DraftSummaries summaries = new DraftSummaries(this.jdbc);
		Draft submitted = this.drafts.save(Draft.start("Kept 1", "kim", T0));
		submitted = new Draft(submitted.id(), "Kept 1", "kim", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(submitted.content()), T0, T0, "kim", submitted.version());
		submitted.submit("kim", 1, 1, T0.plusSeconds(1));
		submitted = this.drafts.save(submitted);
		Draft renamed = this.drafts.save(Draft.start("Kept 2", "kim", T0.plusSeconds(2)));
		Draft deleted = this.drafts.save(Draft.start("Kept 3", "kim", T0.plusSeconds(3)));
		Draft untouched = this.drafts.save(Draft.start("Kept 4", "kim", T0.plusSeconds(4)));

		List<DraftSummary> first = summaries.find("kim", "", 1).getContent();
		assertThat(first).extracting(DraftSummary::name).containsExactly("Kept 4", "Kept 3", "Kept 2", "Kept 1");
		List<DraftSummary> again = summaries.find("kim", "", 1).getContent();
		for (int i = 0; i < first.size(); i++) {
			assertThat(again.get(i)).isSameAs(first.get(i));
		}

		// Changed at their old time, so that the order stays and only the content tells.
		renamed.rename("Kept 2, renamed", "kim", renamed.version(), T0.plusSeconds(2));
		this.drafts.save(renamed);
		submitted.approve("rita", 1, "fine", T0.plusSeconds(1));
		this.drafts.save(submitted);
		this.drafts.deleteById(deleted.id());

		Page<DraftSummary> after = summaries.find("kim", "", 1);
		assertThat(after.getTotalElements()).isEqualTo(3);
		assertThat(after.getContent()).extracting(DraftSummary::name)
			.containsExactly("Kept 4", "Kept 2, renamed", "Kept 1");
		assertThat(after.getContent().get(0)).isSameAs(first.get(0));
		assertThat(after.getContent().get(0).id()).isEqualTo(untouched.id());
		assertThat(after.getContent().get(1).version()).isGreaterThan(first.get(2).version());
		assertThat(after.getContent().get(2).status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(after.getContent().get(2).approvals()).extracting(Decision::reviewer).containsExactly("rita");
		assertThat(first.get(3).approvals()).isEmpty();
	}

	/**
	 * Past the most summaries it keeps, {@link DraftSummaries} drops those it kept before keeping the ones just read;
	 * the page that went past the limit is still whole, and a dropped summary is read again.
	 */
	@Test
	void summariesPastTheMostKeptAreDroppedAndReadAgain() {
		DraftSummaries summaries = new DraftSummaries(this.jdbc, 3);
		for (int i = 1; i <= 5; i++) {
			this.drafts.save(Draft.start("Many " + i, "mia", T0.plusSeconds(i)));
		}
		DraftSummary one = summaries.find("mia", "Many 1", 1).getContent().get(0);
		DraftSummary two = summaries.find("mia", "Many 2", 1).getContent().get(0);
		assertThat(summaries.find("mia", "Many 1", 1).getContent().get(0)).isSameAs(one);

		List<DraftSummary> five = summaries.find("mia", "", 1).getContent();
		assertThat(five).extracting(DraftSummary::name).containsExactly("Many 5", "Many 4", "Many 3", "Many 2", "Many 1");
		assertThat(five.get(3)).isSameAs(two);
		assertThat(five.get(4)).isSameAs(one);
		assertThat(summaries.find("mia", "Many 5", 1).getContent().get(0)).isSameAs(five.get(0));
		DraftSummary oneAgain = summaries.find("mia", "Many 1", 1).getContent().get(0);
		assertThat(oneAgain).isNotSameAs(one).isEqualTo(one);
	}

	@Test
	void listsByAuthorNewestFirst() {
		this.drafts.save(Draft.start("Old", "carol", T0));
		this.drafts.save(Draft.start("New", "carol", T0.plusSeconds(60)));
		this.drafts.save(Draft.start("Other author", "dave", T0.plusSeconds(30)));
		assertThat(this.drafts.findByAuthorOrderByUpdatedAtDesc("carol")).extracting(Draft::name)
			.containsExactly("New", "Old");
		assertThat(this.drafts.findAllByOrderByUpdatedAtDesc()).extracting(Draft::name)
			.containsSubsequence("New", "Other author", "Old");
	}

	/**
	 * A draft that has review records (a revision, a decision or a comment) cannot be deleted: the database refuses
	 * it ({@code on delete restrict}, V7) instead of deleting the records with the draft.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "draft_revision", "draft_decision", "draft_comment" })
	void theDatabaseKeepsTheReviewRecordsOfADraft(String table) {
		Draft saved = this.drafts.save(Draft.start("Reviewed once", "frank", T0));
		String insert = switch (table) {
			case "draft_revision" -> "insert into draft_revision (draft_id, number, account_id, role_name, content, "
					+ "documents, documents_sha256, catalog_version, justification, submitted_by, submitted_at) "
					+ "values (:id, 1, '111122223333', 'Role', '{}', '{}', 'sha', 'v1', 'why', 'frank', :at)";
			case "draft_decision" -> "insert into draft_decision (draft_id, revision_number, reviewer, decision, "
					+ "comment, decided_at) values (:id, 1, 'rita', 'REJECTED', 'no', :at)";
			default -> "insert into draft_comment (draft_id, author, body, created_at) values (:id, 'rita', 'why?', :at)";
		};
		this.jdbc.sql(insert).param("id", saved.id()).param("at", OffsetDateTime.parse("2026-11-23T10:00:00Z")).update();

		assertThatThrownBy(() -> this.jdbc.sql("delete from draft where id = ?").param(saved.id()).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDatabaseRefusesUnknownStatusesAndSteps() {
		Draft saved = this.drafts.save(Draft.start("Checked", "erin", T0));
		assertThatThrownBy(() -> this.jdbc.sql("update draft set status = 'ARCHIVED' where id = ?").param(saved.id()).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		for (String pushStatus : java.util.List.of("PUSHING", "PUSHED", "PUSH_FAILED")) {
			assertThat(this.jdbc.sql("update draft set status = ? where id = ?").param(pushStatus).param(saved.id())
				.update()).as("V11 accepts %s", pushStatus).isEqualTo(1);
		}
		assertThatThrownBy(() -> this.jdbc.sql("update draft set step_reached = 'NOWHERE' where id = ?").param(saved.id()).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
