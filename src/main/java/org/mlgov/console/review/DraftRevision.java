package org.mlgov.console.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftContentJson;

/**
 * An immutable revision of a draft: what was submitted (content), what was generated from it (documents, as JSON)
 * with its SHA-256, and the catalogue version. Reviewers decide on a revision; the push uses it.
 */
public record DraftRevision(Long id, long draftId, int number, String content, String documents,
		String documentsSha256, String catalogVersion, String justification, String submittedBy, Instant submittedAt) {

	/** The most characters of a justification ({@code draft_revision.justification}), line breaks counted as one. */
	public static final int JUSTIFICATION_LENGTH = 2000;

	/**
	 * A new revision of what was submitted; only the submitted part of the content is kept
	 * ({@link DraftContent#asSubmitted()}).
	 */
	public static DraftRevision of(long draftId, int number, DraftContent content, FrozenDocuments documents,
			String justification, String submittedBy, Instant submittedAt) {
		String json = RevisionJson.write(documents);
		return new DraftRevision(null, draftId, number, DraftContentJson.write(content.asSubmitted()), json,
				sha256(json), documents.catalogVersion(), justification, submittedBy, submittedAt);
	}

	public DraftContent draftContent() {
		return DraftContentJson.read(this.content);
	}

	public FrozenDocuments frozenDocuments() {
		return RevisionJson.read(this.documents);
	}

	/**
	 * The format version of the stored documents (1: stored before formats had a version). It is part of the hashed
	 * text.
	 */
	public int documentsFormatVersion() {
		return RevisionJson.formatVersion(this.documents);
	}

	/**
	 * True if the stored documents still hash to the recorded value (nothing changed them). The hash is of the stored
	 * text itself, never of the documents written again, so that a revision of any format stays verifiable.
	 */
	public boolean intact() {
		return sha256(this.documents).equals(this.documentsSha256);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
