package org.mlgov.console.policy.evaluation;

/**
 * How one statement fared against a request, for the detail view. Notes are kept for every statement whose
 * {@code Action} (or {@code NotAction}) covers the requested action, and for policies whose document is not available
 * ({@code statementIndex} -1).
 *
 * @param policy the policy name
 * @param boundary true for a statement of the permissions boundary
 * @param statementIndex position of the statement in its document, from 0; -1 for a note about the whole policy
 * @param sid the statement's Sid, or null
 * @param effect {@code Allow} or {@code Deny} as written, or null
 * @param match how the statement applies to the request
 * @param detail a sentence part saying why (resource, each condition)
 */
public record StatementNote(String policy, boolean boundary, int statementIndex, String sid, String effect,
		Match match, String detail) {

	/** How a statement applies to a request. */
	public enum Match {

		/** Action, resource and every condition match. */
		MATCHES,
		/** The resource or a condition does not match this request. */
		DOES_NOT_MATCH,
		/**
		 * It conditions on a key the action does not support (per the service authorization reference): the key is
		 * never in such a request and the condition fails, so the statement cannot match this action whatever the
		 * request.
		 */
		NEVER_MATCHES,
		/** Whether it matches cannot be told offline. */
		UNDECIDED

	}

	/** The Sid, or {@code #n} (1-based position) for a statement without one. */
	public String label() {
		if (this.sid != null) {
			return this.sid;
		}
		return (this.statementIndex >= 0) ? "#" + (this.statementIndex + 1) : "(whole policy)";
	}

}
