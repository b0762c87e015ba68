package org.mlgov.console.review.web;

import java.time.Instant;
import java.util.Objects;

import org.mlgov.console.review.ReviewService;
import org.mlgov.console.web.Times;

/**
 * One line of the review queue, with what the template shows already worked out in Java (the page renders 50 rows;
 * the row template only reads these components: compiled SpEL, no bean calls, no link builder per row). A page's
 * rows are one {@code web.RowList}, rendered through {@code #rendered} once per distinct list.
 *
 * @param draftId the draft
 * @param name its name
 * @param author who wrote it
 * @param revision the submitted revision's number
 * @param submitted when it was submitted, as {@link Times#format} shows it
 * @param waiting how long it has waited, as {@link Times#age} shows it ("3 h")
 * @param approvals "0 of 1": the approvals it has of those it needs
 * @param justification why the author asks for the role
 * @param href its review page (context path included)
 */
public record QueueRow(long draftId, String name, String author, int revision, String submitted, String waiting,
		String approvals, String justification, String href) {

	/**
	 * The row of a waiting draft.
	 * @param entry the queue entry
	 * @param times to show times
	 * @param now the time of the request, for the waiting time
	 * @param contextPath the request's context path ("" at the root), that links start with
	 * @return the row
	 */
	static QueueRow of(ReviewService.QueueEntry entry, Times times, Instant now, String contextPath) {
		return new QueueRow(entry.draftId(), entry.name(), entry.author(), entry.revision(),
				times.format(entry.submittedAt()), times.age(entry.submittedAt(), now),
				entry.approvals() + " of " + entry.requiredApprovals(), entry.justification(),
				contextPath + "/reviews/" + entry.draftId());
	}

	// equals and hashCode written out: the page's rows are one view of #rendered, compared on every page (see
	// web.RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof QueueRow that
				&& this.draftId == that.draftId
				&& this.revision == that.revision
				&& Objects.equals(this.name, that.name)
				&& Objects.equals(this.author, that.author)
				&& Objects.equals(this.submitted, that.submitted)
				&& Objects.equals(this.waiting, that.waiting)
				&& Objects.equals(this.approvals, that.approvals)
				&& Objects.equals(this.justification, that.justification)
				&& Objects.equals(this.href, that.href));
	}

	@Override
	public int hashCode() {
		int h = Long.hashCode(this.draftId);
		h = 31 * h + this.revision;
		h = 31 * h + Objects.hashCode(this.name);
		h = 31 * h + Objects.hashCode(this.author);
		h = 31 * h + Objects.hashCode(this.submitted);
		h = 31 * h + Objects.hashCode(this.waiting);
		h = 31 * h + Objects.hashCode(this.approvals);
		h = 31 * h + Objects.hashCode(this.justification);
		h = 31 * h + Objects.hashCode(this.href);
		return h;
	}

}
