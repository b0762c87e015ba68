package org.mlgov.console.draft;

import org.springframework.security.access.AccessDeniedException;

/** A change of a draft by someone who may not change it (not its author, or not a draft any more). */
public class DraftAccessDeniedException extends AccessDeniedException {

	public DraftAccessDeniedException(String message) {
		super(message);
	}

}
