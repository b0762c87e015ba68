package org.mlgov.console.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.review.DraftRevision;

/**
 * Everything the top of the review page shows (fragment {@code top} of {@code reviews/review}: the draft's name,
 * status and author, the revision's facts and links to the other revisions, the decision forms or why there are
 * none, the rework and push sections, the decisions): the key under which {@code #rendered.page} keeps its markup
 * (see {@code web.RenderedFragments}). The same key means the same markup: the draft's values the top shows (its
 * version as well, so any save is a new key, and the values themselves, so a row changed by hand shows too), the
 * revision's, whether its stored documents still match their hash and would be refused by AWS, who is reading and
 * with which of the roles the page asks about, and the context path of the links. What the page's model adds besides
 * ({@code canDecide}, {@code isAuthor}, {@code noDecision}) is worked out from these alone.
 * <p>
 * A page that shows what was just done on it (a message, a refused decision with what was typed: flash attributes)
 * is rendered as it is, not through the memo. equals and hashCode are written out (see {@code RenderedFragments});
 * the hash leaves out the texts and lists, which equals compares once everything cheaper agreed.
 *
 * @param draftId the draft's id
 * @param version the draft's version
 * @param name the draft's name
 * @param author the draft's author
 * @param status the draft's status
 * @param currentRevision the draft's current revision, or null
 * @param requiredApprovals how many approvals the draft needs
 * @param decisions every decision on the draft, oldest first
 * @param number the revision shown
 * @param submittedAt when it was submitted
 * @param catalogVersion the catalogue it was generated from
 * @param documentsSha256 the SHA-256 recorded for its documents
 * @param justification why the author asks for the role
 * @param intact whether the stored documents still match the recorded SHA-256
 * @param blocked whether the documents have findings AWS would refuse
 * @param revisionNumbers the numbers of every revision of the draft
 * @param viewer who reads the page
 * @param reviewer whether the viewer is a security reviewer
 * @param admin whether the viewer is an ML administrator
 * @param contextPath the context path links start with
 */
public record ReviewTop(long draftId, long version, String name, String author, DraftStatus status,
		Integer currentRevision, int requiredApprovals, List<Decision> decisions, int number, Instant submittedAt,
		String catalogVersion, String documentsSha256, String justification, boolean intact, boolean blocked,
		List<Integer> revisionNumbers, String viewer, boolean reviewer, boolean admin, String contextPath) {

	static ReviewTop of(Draft draft, DraftRevision revision, boolean intact, boolean blocked,
			List<DraftRevision> revisions, String viewer, boolean reviewer, boolean admin, String contextPath) {
		return new ReviewTop(draft.id(), draft.version(), draft.name(), draft.author(), draft.status(),
				draft.currentRevision(), draft.requiredApprovals(), draft.decisions(), revision.number(),
				revision.submittedAt(), revision.catalogVersion(), revision.documentsSha256(),
				revision.justification(), intact, blocked, revisions.stream().map(DraftRevision::number).toList(),
				viewer, reviewer, admin, contextPath);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ReviewTop that
				&& this.draftId == that.draftId
				&& this.version == that.version
				&& this.number == that.number
				&& this.requiredApprovals == that.requiredApprovals
				&& this.intact == that.intact
				&& this.blocked == that.blocked
				&& this.reviewer == that.reviewer
				&& this.admin == that.admin
				&& this.status == that.status
				&& Objects.equals(this.currentRevision, that.currentRevision)
				&& this.viewer.equals(that.viewer)
				&& this.contextPath.equals(that.contextPath)
				&& this.name.equals(that.name)
				&& this.author.equals(that.author)
				&& Objects.equals(this.submittedAt, that.submittedAt)
				&& Objects.equals(this.catalogVersion, that.catalogVersion)
				&& Objects.equals(this.documentsSha256, that.documentsSha256)
				&& Objects.equals(this.justification, that.justification)
				&& this.revisionNumbers.equals(that.revisionNumbers)
				&& this.decisions.equals(that.decisions));
	}

	@Override
	public int hashCode() {
		int h = Long.hashCode(this.draftId);
		h = 31 * h + Long.hashCode(this.version);
		h = 31 * h + this.number;
		h = 31 * h + this.requiredApprovals;
		h = 31 * h + Boolean.hashCode(this.intact);
		h = 31 * h + Boolean.hashCode(this.blocked);
		h = 31 * h + Boolean.hashCode(this.reviewer);
		h = 31 * h + Boolean.hashCode(this.admin);
		h = 31 * h + this.status.hashCode();
		h = 31 * h + Objects.hashCode(this.currentRevision);
		h = 31 * h + this.viewer.hashCode();
		return 31 * h + this.contextPath.hashCode();
	}

}
