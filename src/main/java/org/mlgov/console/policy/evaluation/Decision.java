package org.mlgov.console.policy.evaluation;

import java.util.List;

/**
 * The evaluator's answer for one request.
 *
 * @param outcome allowed, explicitly denied, implicitly denied (not granted) or undecided
 * @param policy the policy whose statement decides: the denying statement, the allowing identity statement, or the
 * statement (or unavailable policy) that leaves the answer open; null for an implicit deny, which no statement
 * decides
 * @param sid the Sid of that statement; null for an implicit deny and for a statement without Sid
 * @param reason one or two sentences saying why, naming the statements
 * @param notes how each statement that covers the action fared (see {@link StatementNote})
 */
public record Decision(Outcome outcome, String policy, String sid, String reason, List<StatementNote> notes) {

	public Decision {
		notes = List.copyOf(notes);
	}

	public boolean allowed() {
		return this.outcome == Outcome.ALLOWED;
	}

	/** The notes of statements that can never match the requested action (unsupported condition keys). */
	public List<StatementNote> neverMatching() {
		return this.notes.stream().filter((note) -> note.match() == StatementNote.Match.NEVER_MATCHES).toList();
	}

}
