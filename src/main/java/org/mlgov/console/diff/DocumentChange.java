package org.mlgov.console.diff;

import java.util.List;

/**
 * How one document (a trust or permission policy, Canvas settings, a bucket's CORS rules) differs between an earlier
 * state (what is live in AWS, or an earlier revision) and a later one (the revision under review).
 *
 * @param id a stable name of the document, unique within a comparison (used as an HTML id)
 * @param title what the document is, for the reviewer
 * @param status whether the document is new, gone, changed or the same
 * @param policy the statement-level difference, for IAM policy documents; null for other JSON
 * @param json the structural JSON difference (RFC 6902 operations), for documents that are not IAM policies; empty
 * for policies
 * @param before the earlier document, pretty-printed like the later one ({@link JsonFormat}); null when there was
 * none
 * @param after the later document, pretty-printed the same way; null when there is none
 */
public record DocumentChange(String id, String title, Status status, PolicyDifference policy, List<JsonChange> json,
		String before, String after) {

	/** What happened to a document from the earlier to the later state. */
	public enum Status {

		/** Only in the later state: it would be created. */
		ADDED,

		/** Only in the earlier state. */
		REMOVED,

		/** In both, and they differ. */
		CHANGED,

		/** In both, and they mean the same. */
		UNCHANGED

	}

	public DocumentChange {
		json = (json == null) ? List.of() : List.copyOf(json);
	}

	/**
	 * Compares two IAM policy documents statement by statement.
	 * @param id the document's stable name
	 * @param title what the document is
	 * @param before the earlier policy, or null
	 * @param after the later policy, or null
	 * @return the change
	 */
	public static DocumentChange ofPolicy(String id, String title, String before, String after) {
		PolicyDifference difference = PolicyDiff.compare(before, after);
		return new DocumentChange(id, title, status(before, after, difference.isEmpty()), difference, List.of(),
				JsonFormat.pretty(before), JsonFormat.pretty(after));
	}

	/**
	 * Compares two JSON documents structurally (object members and scalar arrays in any order).
	 * @param id the document's stable name
	 * @param title what the document is
	 * @param before the earlier document, or null
	 * @param after the later document, or null
	 * @return the change
	 */
	public static DocumentChange ofJson(String id, String title, String before, String after) {
		List<JsonChange> changes = JsonDiff.compare(before, after);
		return new DocumentChange(id, title, status(before, after, changes.isEmpty()), null, changes,
				JsonFormat.pretty(before), JsonFormat.pretty(after));
	}

	private static Status status(String before, String after, boolean same) {
		if (isBlank(before)) {
			return isBlank(after) ? Status.UNCHANGED : Status.ADDED;
		}
		if (isBlank(after)) {
			return Status.REMOVED;
		}
		return same ? Status.UNCHANGED : Status.CHANGED;
	}

	private static boolean isBlank(String document) {
		return document == null || document.isBlank();
	}

	/**
	 * Whether this is an IAM policy (shown statement by statement) rather than other JSON.
	 * @return {@code true} when {@link #policy()} is set
	 */
	public boolean isPolicy() {
		return this.policy != null;
	}

	/**
	 * Whether the document differs at all.
	 * @return {@code false} for {@link Status#UNCHANGED}
	 */
	public boolean changed() {
		return this.status != Status.UNCHANGED;
	}

}
