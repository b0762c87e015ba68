package org.mlgov.console.draft;

import java.time.Instant;

/**
 * A save based on an older version of the draft than the one stored: someone saved in between. Nothing of the
 * refused save is stored; what the other save stored stays.
 */
public class DraftConflictException extends RuntimeException {

	private final long draftId;

	private final String changedBy;

	private final Instant changedAt;

	public DraftConflictException(long draftId, String changedBy, Instant changedAt) {
		super("Draft " + draftId + " was changed by " + changedBy + " at " + changedAt);
		this.draftId = draftId;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	public long draftId() {
		return this.draftId;
	}

	public String changedBy() {
		return this.changedBy;
	}

	public Instant changedAt() {
		return this.changedAt;
	}

}
