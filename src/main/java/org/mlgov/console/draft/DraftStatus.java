package org.mlgov.console.draft;

/**
 * Where a draft is in its life: {@code DRAFT → SUBMITTED → APPROVED | REJECTED}, and {@code REJECTED → DRAFT} when
 * the author reworks it. Transitions are methods of {@link Draft} with guard clauses.
 */
public enum DraftStatus {

	/** Being edited by its author. */
	DRAFT,
	/** Frozen as a revision and waiting for the security review. */
	SUBMITTED,
	/** Approved by the required number of reviewers, none of them its author. */
	APPROVED,
	/** Sent back to the author with a reason. */
	REJECTED

}
