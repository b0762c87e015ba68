package org.mlgov.console.draft;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (status, operation) pair of the draft's life, each done by the person allowed to do it: either the operation
 * is legal and leads to the expected status, or it is refused with the expected exception and changes nothing.
 */
class DraftTransitionTableTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	/**
	 * What each operation does, done by whoever may do it (the author alice, the reviewer rita, or adam, another
	 * administrator, who pushes: the approval is the gate).
	 */
	enum Operation {

		SUBMIT((d) -> d.submit("alice", 2, 1, T0.plusSeconds(1))),
		APPROVE((d) -> d.approve("rita", 1, "fine", T0.plusSeconds(1))),
		REJECT((d) -> d.reject("rita", 1, "too wide", T0.plusSeconds(1))),
		REWORK((d) -> d.rework("alice", T0.plusSeconds(1))),
		SAVE_STEP((d) -> d.saveStep(WizardStep.BASICS, d.content(), true, "alice", 4, T0.plusSeconds(1))),
		RENAME((d) -> d.rename("Renamed", "alice", 4, T0.plusSeconds(1))),
		DELETE((d) -> d.requireDeletableBy("alice")),
		START_PUSH((d) -> d.startPush("adam", T0.plusSeconds(1))),
		PUSH_SUCCEEDED((d) -> d.finishPush("adam", true, T0.plusSeconds(1))),
		PUSH_FAILED((d) -> d.finishPush("adam", false, T0.plusSeconds(1)));

		private final Consumer<Draft> action;

		Operation(Consumer<Draft> action) {
			this.action = action;
		}

	}

	/** The legal pairs and the status each leads to; every other pair is refused. */
	private static final Map<DraftStatus, Map<Operation, DraftStatus>> LEGAL = Map.of(
			DraftStatus.DRAFT, Map.of(Operation.SUBMIT, DraftStatus.SUBMITTED, Operation.SAVE_STEP, DraftStatus.DRAFT,
					Operation.RENAME, DraftStatus.DRAFT),
			DraftStatus.SUBMITTED, Map.of(Operation.APPROVE, DraftStatus.APPROVED, Operation.REJECT, DraftStatus.REJECTED),
			DraftStatus.APPROVED, Map.of(Operation.START_PUSH, DraftStatus.PUSHING),
			DraftStatus.REJECTED, Map.of(Operation.REWORK, DraftStatus.DRAFT),
			DraftStatus.PUSHING, Map.of(Operation.PUSH_SUCCEEDED, DraftStatus.PUSHED, Operation.PUSH_FAILED,
					DraftStatus.PUSH_FAILED),
			DraftStatus.PUSHED, Map.of(Operation.START_PUSH, DraftStatus.PUSHING),
			DraftStatus.PUSH_FAILED, Map.of(Operation.START_PUSH, DraftStatus.PUSHING));

	/** Editing a frozen draft is refused as access (403); a status change out of turn as a transition (409). */
	private static final Set<Operation> EDITS = Set.of(Operation.SAVE_STEP, Operation.RENAME);

	/**
	 * A draft at the review step with revision 1 (a DRAFT that is being reworked after a rejection has one too, and
	 * therefore cannot be deleted).
	 */
	private static Draft draft(DraftStatus status) {
		Draft fresh = Draft.start("Team A", "alice", T0);
		return new Draft(9L, fresh.name(), "alice", status, WizardStep.SUMMARY, DraftContentJson.write(fresh.content()),
				null, T0, T0, "alice", 4L, 1, 1, Set.of());
	}

	static Stream<Arguments> everyPair() {
		return Arrays.stream(DraftStatus.values())
			.flatMap((status) -> Arrays.stream(Operation.values()).map((op) -> Arguments.of(status, op)));
	}

	@ParameterizedTest(name = "{1} on a {0} draft")
	@MethodSource("everyPair")
	void eachPairIsLegalOrRefused(DraftStatus status, Operation operation) {
		Draft draft = draft(status);
		DraftStatus leadsTo = LEGAL.get(status).get(operation);
		if (leadsTo != null) {
			operation.action.accept(draft);
			assertThat(draft.status()).isEqualTo(leadsTo);
			assertThat(draft.updatedAt()).isEqualTo(T0.plusSeconds(1));
		}
		else {
			Class<? extends Exception> refusal = EDITS.contains(operation) ? DraftAccessDeniedException.class
					: IllegalTransitionException.class;
			assertThatThrownBy(() -> operation.action.accept(draft)).isInstanceOf(refusal);
			assertThat(draft.status()).isEqualTo(status);
			assertThat(draft.updatedAt()).isEqualTo(T0);
			assertThat(draft.decisions()).isEmpty();
			assertThat(draft.currentRevision()).isEqualTo(1);
		}
	}

	@Test
	void onlyADraftThatWasNeverSubmittedIsDeletedAndOnlyByItsAuthor() {
		Draft fresh = Draft.start("Team A", "alice", T0);
		Draft never = new Draft(9L, fresh.name(), "alice", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(fresh.content()), null, T0, T0, "alice", 4L, null, 1, Set.of());
		never.requireDeletableBy("alice");
		assertThat(never.isDeletableBy("alice")).isTrue();
		assertThatThrownBy(() -> never.requireDeletableBy("bob")).isInstanceOf(DraftAccessDeniedException.class);
		assertThat(never.isDeletableBy("bob")).isFalse();

		Draft reworked = draft(DraftStatus.DRAFT);
		assertThat(reworked.isDeletableBy("alice")).isFalse();
		assertThatThrownBy(() -> reworked.requireDeletableBy("alice")).isInstanceOf(IllegalTransitionException.class)
			.hasMessage("\u201cTeam A\u201d was submitted for review (revision 1), so it is kept with its revisions, "
					+ "decisions and comments as the record of that review: it cannot be deleted. Clone it to start "
					+ "again from its content.");
		assertThatThrownBy(() -> reworked.requireDeletableBy("bob")).isInstanceOf(DraftAccessDeniedException.class);
	}

	@ParameterizedTest
	@EnumSource(DraftStatus.class)
	void onlyApprovedRevisionsCountAsApproved(DraftStatus status) {
		assertThat(status.approved()).isEqualTo(Set.of(DraftStatus.APPROVED, DraftStatus.PUSHING, DraftStatus.PUSHED,
				DraftStatus.PUSH_FAILED).contains(status));
	}

	@Test
	void theTableCoversEveryStatus() {
		assertThat(LEGAL).containsOnlyKeys(DraftStatus.values());
	}

	@ParameterizedTest
	@EnumSource(value = DraftStatus.class, names = { "APPROVED", "REJECTED", "PUSHING", "PUSHED", "PUSH_FAILED" })
	void aDecidedDraftCannotBeSubmittedAgain(DraftStatus status) {
		Draft draft = draft(status);
		assertThatThrownBy(() -> draft.submit("alice", 2, 1, T0)).isInstanceOf(IllegalTransitionException.class)
			.hasMessage("Cannot submit a draft that is " + status + " (it must be DRAFT).");
		assertThat(draft.currentRevision()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void aSubmissionNeedsAtLeastOneApproval(int approvals) {
		Draft draft = draft(DraftStatus.DRAFT);
		assertThatIllegalArgumentException().isThrownBy(() -> draft.submit("alice", 2, approvals, T0))
			.withMessage("At least one approval is required.");
		assertThat(draft.status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(draft.currentRevision()).isEqualTo(1);
	}

}
