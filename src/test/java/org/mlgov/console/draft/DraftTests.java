package org.mlgov.console.draft;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Draft aggregate's rules, without Spring. */
class DraftTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private static Draft persisted(String author) {
		Draft fresh = Draft.start("Team A", author, T0);
		// As loaded from the database: an id and version 3.
		return new Draft(7L, fresh.name(), fresh.author(), fresh.status(), fresh.stepReached(), DraftContentJson.write(fresh.content()),
				fresh.createdAt(), fresh.updatedAt(), fresh.updatedBy(), 3L);
	}

	@Test
	void startsEmptyAtTheFirstStep() {
		Draft draft = Draft.start("  Team A  ", "alice", T0);
		assertThat(draft.name()).isEqualTo("Team A");
		assertThat(draft.stepReached()).isEqualTo(WizardStep.BASICS);
		assertThat(draft.status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(draft.content().spec().persona()).isNull();
		assertThat(draft.content().roleMode()).isEqualTo(RoleMode.NEW_ROLE);
	}

	@Test
	void aNameIsRequiredAndBounded() {
		assertThatThrownBy(() -> Draft.start(" ", "alice", T0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Draft.start("x".repeat(201), "alice", T0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void savingAStepAdvancesTheStepReachedButGoingBackDoesNotLowerIt() {
		Draft draft = persisted("alice");
		draft.saveStep(WizardStep.BASICS, draft.content(), true, "alice", 3, T0.plusSeconds(60));
		assertThat(draft.stepReached()).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(draft.updatedAt()).isEqualTo(T0.plusSeconds(60));
		Draft later = new Draft(7L, draft.name(), "alice", DraftStatus.DRAFT, WizardStep.CANVAS,
				DraftContentJson.write(draft.content()), T0, T0, "alice", 5L);
		later.saveStep(WizardStep.BASICS, later.content(), true, "alice", 5, T0.plusSeconds(120));
		assertThat(later.stepReached()).isEqualTo(WizardStep.CANVAS);
	}

	@Test
	void aStepAfterTheStepReachedCannotBeSaved() {
		Draft draft = persisted("alice");
		String before = DraftContentJson.write(draft.content());
		assertThatThrownBy(() -> draft.saveStep(WizardStep.ACTIVITIES, DraftContent.empty(), true, "alice", 3, T0))
			.isInstanceOfSatisfying(StepNotReachedException.class, (ex) -> {
				assertThat(ex.draftId()).isEqualTo(7L);
				assertThat(ex.stepReached()).isEqualTo(WizardStep.BASICS);
			});
		assertThat(DraftContentJson.write(draft.content())).isEqualTo(before);
		assertThat(draft.stepReached()).isEqualTo(WizardStep.BASICS);
		assertThat(draft.updatedAt()).isEqualTo(T0);
	}

	@Test
	void aStaleVersionIsAConflictThatNamesWhoChangedItAndChangesNothing() {
		Draft draft = persisted("alice");
		String before = DraftContentJson.write(draft.content());
		assertThatThrownBy(() -> draft.saveStep(WizardStep.BASICS, DraftContent.empty(), true, "alice", 2, T0))
			.isInstanceOfSatisfying(DraftConflictException.class, (ex) -> {
				assertThat(ex.changedBy()).isEqualTo("alice");
				assertThat(ex.changedAt()).isEqualTo(T0);
				assertThat(ex.draftId()).isEqualTo(7L);
			});
		assertThat(DraftContentJson.write(draft.content())).isEqualTo(before);
		assertThat(draft.stepReached()).isEqualTo(WizardStep.BASICS);
	}

	@Test
	void onlyTheAuthorChangesADraft() {
		Draft draft = persisted("alice");
		assertThat(draft.isEditableBy("bob")).isFalse();
		assertThatThrownBy(() -> draft.saveStep(WizardStep.BASICS, draft.content(), true, "bob", 3, T0))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("alice");
		assertThatThrownBy(() -> draft.rename("Mine now", "bob", 3, T0)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theReviewStepSavesNothing() {
		Draft draft = persisted("alice");
		assertThatThrownBy(() -> draft.saveStep(WizardStep.SUMMARY, draft.content(), true, "alice", 3, T0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCloneIsANewDraftOfTheCloningUserWithTheSameContent() {
		Draft draft = persisted("alice");
		Draft copy = draft.cloneFor("alice", T0.plusSeconds(5));
		assertThat(copy.id()).isNull();
		assertThat(copy.name()).isEqualTo("Copy of Team A");
		assertThat(copy.author()).isEqualTo("alice");
		assertThat(copy.version()).isZero();
		assertThat(DraftContentJson.write(copy.content())).isEqualTo(DraftContentJson.write(draft.content()));
	}

	@Test
	void contentSurvivesItsJsonForm() {
		DraftContent content = new DraftContent(TestSpecs.dataScientistEverything(),
				RoleMode.UPDATE_EXISTING, new CanvasTargets("d-abc123", true, List.of("alice", "bob")));
		assertThat(DraftContentJson.read(DraftContentJson.write(content))).isEqualTo(content);
	}

}
