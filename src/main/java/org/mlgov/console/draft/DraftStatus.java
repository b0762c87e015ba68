package org.mlgov.console.draft;

/** Where a draft is in its life. The review workflow adds the statuses after DRAFT. */
public enum DraftStatus {

	/** Being edited by its author. */
	DRAFT

}
