package org.mlgov.console.draft;

/**
 * Where a draft is in its life: {@code DRAFT → SUBMITTED → APPROVED | REJECTED}, and {@code REJECTED → DRAFT} when
 * the author reworks it; an approved revision is pushed to AWS: {@code APPROVED → PUSHING → PUSHED | PUSH_FAILED},
 * and a pushed or failed one can be pushed again ({@code PUSHED | PUSH_FAILED → PUSHING}).
 * Transitions are methods of {@link Draft} with guard clauses.
 */
public enum DraftStatus {

	/** Being edited by its author. */
	DRAFT,
	/** Frozen as a revision and waiting for the security review. */
	SUBMITTED,
	/** Approved by the required number of reviewers, none of them its author. */
	APPROVED,
	/** Sent back to the author with a reason. */
	REJECTED,
	/** The approved revision is being pushed to AWS. */
	PUSHING,
	/** The approved revision was pushed to AWS; it still counts as approved. */
	PUSHED,
	/** A push of the approved revision failed part-way; pushing again continues from what is live. */
	PUSH_FAILED;

	/**
	 * Whether the draft's current revision is approved: approved, being pushed, pushed or failed to push.
	 * @return {@code true} for {@link #APPROVED}, {@link #PUSHING}, {@link #PUSHED} and {@link #PUSH_FAILED}
	 */
	public boolean approved() {
		return this == APPROVED || this == PUSHING || this == PUSHED || this == PUSH_FAILED;
	}

}
