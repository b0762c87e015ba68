package org.mlgov.console.review;

/**
 * The stored documents of a revision no longer hash to the SHA-256 recorded when it was submitted: somebody changed
 * them outside the console. Such a revision is never approved; nothing is changed.
 */
public class RevisionTamperedException extends RuntimeException {

	private final long draftId;

	private final int revisionNumber;

	public RevisionTamperedException(long draftId, int revisionNumber) {
		super("The stored documents of revision " + revisionNumber + " of draft " + draftId
				+ " no longer match the SHA-256 recorded when it was submitted.");
		this.draftId = draftId;
		this.revisionNumber = revisionNumber;
	}

	public long draftId() {
		return this.draftId;
	}

	public int revisionNumber() {
		return this.revisionNumber;
	}

}
