package org.mlgov.console.draft;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition of a draft's life, legal and illegal, on the aggregate. */
class DraftWorkflowTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private static Draft atReview(DraftStatus status, int approvalsRequired, Integer revision) {
		Draft fresh = Draft.start("Team A", "alice", T0);
		return new Draft(9L, fresh.name(), "alice", status, WizardStep.SUMMARY, DraftContentJson.write(fresh.content()),
				null, T0, T0, "alice", 4L, revision, approvalsRequired, Set.of());
	}

	@Test
	void theAuthorSubmitsADraftThatReachedTheReview() {
		Draft draft = atReview(DraftStatus.DRAFT, 1, null);
		draft.submit("alice", 1, 1, T0.plusSeconds(1));
		assertThat(draft.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(draft.currentRevision()).isEqualTo(1);
		assertThat(draft.isEditableBy("alice")).isFalse();
	}

	@Test
	void submissionIsRefusedBeforeTheReviewStepByOthersAndTwice() {
		Draft early = new Draft(9L, "x", "alice", DraftStatus.DRAFT, WizardStep.CANVAS,
				DraftContentJson.write(DraftContent.empty()), T0, T0, "alice", 4L);
		assertThatThrownBy(() -> early.submit("alice", 1, 1, T0)).isInstanceOf(IllegalTransitionException.class);
		Draft draft = atReview(DraftStatus.DRAFT, 1, null);
		assertThatThrownBy(() -> draft.submit("bob", 1, 1, T0)).isInstanceOf(DraftAccessDeniedException.class);
		draft.submit("alice", 1, 1, T0);
		assertThatThrownBy(() -> draft.submit("alice", 2, 1, T0)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aReviewerApprovesAndTheDraftIsApproved() {
		Draft draft = atReview(DraftStatus.SUBMITTED, 1, 1);
		draft.approve("rita", 1, "looks right", T0.plusSeconds(5));
		assertThat(draft.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(draft.approvals()).singleElement().satisfies((d) -> {
			assertThat(d.reviewer()).isEqualTo("rita");
			assertThat(d.comment()).isEqualTo("looks right");
			assertThat(d.revisionNumber()).isEqualTo(1);
		});
	}

	@Test
	void nobodyApprovesOrRejectsTheirOwnDraft() {
		Draft draft = atReview(DraftStatus.SUBMITTED, 1, 1);
		assertThatThrownBy(() -> draft.approve("alice", 1, null, T0)).isInstanceOf(FourEyesViolationException.class)
			.hasMessageContaining("own draft");
		assertThatThrownBy(() -> draft.reject("alice", 1, "no", T0)).isInstanceOf(FourEyesViolationException.class);
		assertThat(draft.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(draft.isDecidableBy("alice")).isFalse();
		assertThat(draft.isDecidableBy("rita")).isTrue();
	}

	@Test
	void withTwoApprovalsTheSecondMustComeFromAnotherReviewer() {
		Draft draft = atReview(DraftStatus.SUBMITTED, 2, 1);
		draft.approve("rita", 1, null, T0.plusSeconds(1));
		assertThat(draft.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThatThrownBy(() -> draft.approve("rita", 1, null, T0.plusSeconds(2)))
			.isInstanceOf(FourEyesViolationException.class)
			.hasMessageContaining("already approved");
		assertThat(draft.isDecidableBy("rita")).isFalse();
		draft.approve("sam", 1, null, T0.plusSeconds(3));
		assertThat(draft.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(draft.approvals()).extracting(Decision::reviewer).containsExactly("rita", "sam");
	}

	@Test
	void rejectionNeedsAReasonAndGoesBackToTheAuthor() {
		Draft draft = atReview(DraftStatus.SUBMITTED, 1, 1);
		assertThatThrownBy(() -> draft.reject("rita", 1, "  ", T0)).isInstanceOf(IllegalArgumentException.class);
		assertThat(draft.status()).isEqualTo(DraftStatus.SUBMITTED);
		draft.reject("rita", 1, "PassRole on *", T0.plusSeconds(1));
		assertThat(draft.status()).isEqualTo(DraftStatus.REJECTED);
		assertThat(draft.lastRejection()).get().extracting(Decision::comment).isEqualTo("PassRole on *");
		assertThatThrownBy(() -> draft.rework("bob", T0)).isInstanceOf(DraftAccessDeniedException.class);
		draft.rework("alice", T0.plusSeconds(2));
		assertThat(draft.status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(draft.isEditableBy("alice")).isTrue();
	}

	@Test
	void decisionsNeedASubmittedDraft() {
		for (DraftStatus status : new DraftStatus[] { DraftStatus.DRAFT, DraftStatus.APPROVED, DraftStatus.REJECTED }) {
			Draft draft = atReview(status, 1, 1);
			assertThatThrownBy(() -> draft.approve("rita", 1, null, T0)).as(status.name())
				.isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> draft.reject("rita", 1, "why", T0)).as(status.name())
				.isInstanceOf(IllegalTransitionException.class);
		}
	}

	@Test
	void onlyARejectedDraftIsReworked() {
		for (DraftStatus status : new DraftStatus[] { DraftStatus.DRAFT, DraftStatus.SUBMITTED, DraftStatus.APPROVED }) {
			Draft draft = atReview(status, 1, 1);
			assertThatThrownBy(() -> draft.rework("alice", T0)).as(status.name())
				.isInstanceOf(IllegalTransitionException.class);
		}
	}

	@Test
	void submittedAndApprovedDraftsAreFrozen() {
		for (DraftStatus status : new DraftStatus[] { DraftStatus.SUBMITTED, DraftStatus.APPROVED, DraftStatus.REJECTED }) {
			Draft draft = atReview(status, 1, 1);
			assertThatThrownBy(() -> draft.saveStep(WizardStep.BASICS, draft.content(), true, "alice", 4, T0))
				.as(status.name())
				.isInstanceOf(DraftAccessDeniedException.class);
			assertThatThrownBy(() -> draft.rename("New", "alice", 4, T0)).isInstanceOf(DraftAccessDeniedException.class);
		}
	}

	@Test
	void aDecisionsTextHasAtMostTwoThousandCharactersWithLineBreaksCountedOnce() {
		Draft draft = atReview(DraftStatus.SUBMITTED, 2, 1);
		assertThatThrownBy(() -> draft.approve("rita", 1, "c".repeat(2001), T0.plusSeconds(1)))
			.isInstanceOf(InvalidTextException.class)
			.hasMessage("A comment has at most 2,000 characters; this one has 2,001.")
			.extracting((ex) -> ((InvalidTextException) ex).field())
			.isEqualTo("comment");
		assertThatThrownBy(() -> draft.reject("rita", 1, "r".repeat(2001), T0.plusSeconds(1)))
			.isInstanceOf(InvalidTextException.class)
			.hasMessage("A reason has at most 2,000 characters; this one has 2,001.");
		assertThatThrownBy(() -> draft.reject("rita", 1, " \r\n ", T0.plusSeconds(1)))
			.isInstanceOf(InvalidTextException.class)
			.hasMessage("Give the author a reason for the rejection.");
		assertThat(draft.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(draft.decisions()).isEmpty();
		assertThat(draft.updatedAt()).isEqualTo(T0);

		String typed = "a".repeat(998) + "\r\n" + "b".repeat(999) + "\r\n";
		draft.approve("rita", 1, typed, T0.plusSeconds(2));
		assertThat(draft.approvals()).singleElement()
			.extracting(Decision::comment)
			.isEqualTo("a".repeat(998) + "\n" + "b".repeat(999));
	}

	@Test
	void commentsOpenWithTheFirstSubmissionForTheAuthorAndReviewers() {
		Draft never = atReview(DraftStatus.DRAFT, 1, null);
		assertThatThrownBy(() -> never.requireCommentableBy("alice", false))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessage("Comments are about a submitted revision, and this draft has not been submitted yet.");
		assertThatThrownBy(() -> never.requireCommentableBy("rita", true)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> never.requireCommentableBy("bob", false)).isInstanceOf(DraftAccessDeniedException.class);
		for (DraftStatus status : DraftStatus.values()) {
			// A DRAFT with a revision is one its author reworks after a rejection: the conversation goes on.
			Draft submittedOnce = atReview(status, 1, 1);
			submittedOnce.requireCommentableBy("alice", false);
			submittedOnce.requireCommentableBy("rita", true);
			assertThatThrownBy(() -> submittedOnce.requireCommentableBy("bob", false)).as(status.name())
				.isInstanceOf(DraftAccessDeniedException.class);
		}
	}

}
