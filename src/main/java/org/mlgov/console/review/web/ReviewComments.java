package org.mlgov.console.review.web;

import java.util.List;

import org.mlgov.console.review.DraftComment;

/**
 * Everything the comments section of the review page shows (fragment {@code comments} of {@code reviews/review}):
 * the key under which {@code #rendered.page} keeps its markup (see {@code web.RenderedFragments}). The comments are
 * read on every showing, so a new one shows at once (as a new key); what is kept is the rendering. A page that shows
 * a refused comment with what was typed is rendered as it is.
 *
 * @param draftId the draft, whose comment form the section holds
 * @param comments the comments, oldest first
 * @param canComment whether the viewer may comment (the author or a security reviewer)
 * @param contextPath the context path the form's action starts with
 */
public record ReviewComments(long draftId, List<DraftComment> comments, boolean canComment, String contextPath) {

	// equals and hashCode written out: the memo of #rendered compares keys on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ReviewComments that
				&& this.draftId == that.draftId
				&& this.canComment == that.canComment
				&& this.contextPath.equals(that.contextPath)
				&& this.comments.equals(that.comments));
	}

	@Override
	public int hashCode() {
		int h = Long.hashCode(this.draftId);
		h = 31 * h + Boolean.hashCode(this.canComment);
		h = 31 * h + this.contextPath.hashCode();
		return 31 * h + this.comments.hashCode();
	}

}
