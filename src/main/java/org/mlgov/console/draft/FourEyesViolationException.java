package org.mlgov.console.draft;

/** Somebody tried to decide on their own draft, or to approve the same revision twice. */
public class FourEyesViolationException extends DraftAccessDeniedException {

	public FourEyesViolationException(String message) {
		super(message);
	}

}
