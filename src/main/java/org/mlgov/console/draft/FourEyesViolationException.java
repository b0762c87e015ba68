package org.mlgov.console.draft;

/**
 * Somebody tried to decide on their own draft, or to approve the same revision twice. Besides the message for the
 * log, it carries the reason the refusal page shows to the person refused.
 */
public class FourEyesViolationException extends DraftAccessDeniedException {

	private final String reason;

	public FourEyesViolationException(String message, String reason) {
		super(message);
		this.reason = reason;
	}

	/** What the refused person reads: why they cannot decide, and who can. */
	public String reason() {
		return this.reason;
	}

}
