package org.mlgov.console.draft;

import java.time.Instant;

/**
 * A decision about a revision that is no longer the draft's current one: the reviewer decided on the revision their
 * page showed, and the author has submitted another one since. Nothing is decided; the reviewer reads the current
 * revision first. Carries who submitted the current revision and when, once the review knows it.
 */
public class StaleRevisionException extends RuntimeException {

	private final long draftId;

	private final int shownRevision;

	private final int currentRevision;

	private final String submittedBy;

	private final Instant submittedAt;

	public StaleRevisionException(long draftId, int shownRevision, int currentRevision) {
		this(draftId, shownRevision, currentRevision, null, null);
	}

	private StaleRevisionException(long draftId, int shownRevision, int currentRevision, String submittedBy,
			Instant submittedAt) {
		super("Decision on revision " + shownRevision + " of draft " + draftId + " refused: revision "
				+ currentRevision + " is the current one.");
		this.draftId = draftId;
		this.shownRevision = shownRevision;
		this.currentRevision = currentRevision;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
	}

	/**
	 * The same refusal, saying who submitted the current revision and when.
	 * @param by who submitted the current revision
	 * @param at when
	 * @return a new exception
	 */
	public StaleRevisionException withSubmission(String by, Instant at) {
		return new StaleRevisionException(this.draftId, this.shownRevision, this.currentRevision, by, at);
	}

	public long draftId() {
		return this.draftId;
	}

	/** The revision the reviewer decided on: the one their page showed. */
	public int shownRevision() {
		return this.shownRevision;
	}

	/** The draft's current revision. */
	public int currentRevision() {
		return this.currentRevision;
	}

	/** Who submitted the current revision, or {@code null} if not known. */
	public String submittedBy() {
		return this.submittedBy;
	}

	/** When the current revision was submitted, or {@code null} if not known. */
	public Instant submittedAt() {
		return this.submittedAt;
	}

}
