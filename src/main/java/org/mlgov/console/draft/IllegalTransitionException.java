package org.mlgov.console.draft;

/** A status change the draft's life does not allow (for instance approving a draft that is not submitted). */
public class IllegalTransitionException extends RuntimeException {

	public IllegalTransitionException(String message) {
		super(message);
	}

}
