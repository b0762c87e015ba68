package org.mlgov.console.review;

import java.time.Instant;

/** A comment on a draft, by its author or a reviewer. */
public record DraftComment(Long id, long draftId, String author, String body, Instant createdAt) {

	public static final int BODY_LENGTH = 4000;

}
