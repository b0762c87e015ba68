package org.mlgov.console.review;

import java.util.List;

/** A submission refused, with the reasons shown to the author. Nothing is frozen or changed. */
public class SubmissionRefusedException extends RuntimeException {

	private final List<String> reasons;

	public SubmissionRefusedException(List<String> reasons) {
		super("Submission refused: " + reasons);
		this.reasons = List.copyOf(reasons);
	}

	public List<String> reasons() {
		return this.reasons;
	}

}
