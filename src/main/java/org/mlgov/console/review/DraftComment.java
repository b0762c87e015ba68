package org.mlgov.console.review;

import java.time.Instant;

import org.mlgov.console.draft.FreeText;
import org.mlgov.console.draft.InvalidTextException;

/** A comment on a draft, by its author or a reviewer. */
public record DraftComment(Long id, long draftId, String author, String body, Instant createdAt) {

	/** The most characters of a comment ({@code draft_comment.body}), line breaks counted as one. */
	public static final int BODY_LENGTH = 4000;

	/**
	 * A new comment, its line breaks normalised.
	 * @param draftId the draft commented on
	 * @param author who writes it
	 * @param body the text as typed
	 * @param createdAt when
	 * @return the comment, not inserted yet
	 * @throws InvalidTextException if the text is blank or longer than {@link #BODY_LENGTH}
	 */
	public static DraftComment of(long draftId, String author, String body, Instant createdAt) {
		return new DraftComment(null, draftId, author,
				FreeText.required("body", body, BODY_LENGTH, "A comment", "Write a comment before sending it."),
				createdAt);
	}

}
