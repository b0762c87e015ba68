package org.mlgov.console.draft;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A reviewer's decision on one revision of a draft. */
@Table("draft_decision")
public record Decision(int revisionNumber, String reviewer, Verdict decision, String comment, Instant decidedAt) {

	/** The most characters of a comment or reason ({@code draft_decision.comment}), line breaks counted as one. */
	public static final int COMMENT_LENGTH = 2000;

	/** Approve or reject. */
	public enum Verdict {

		APPROVED, REJECTED

	}

}
