package org.mlgov.console.draft.web;

import java.util.Objects;

import org.springframework.lang.Nullable;

/**
 * What one row of a drafts list shows: the view of the {@code drafts/list :: row} fragment, which the page renders
 * through {@code #rendered} (once per distinct value, see {@code web.RenderedFragments}), so everything the row reads
 * is here.
 *
 * @param row the draft's line
 * @param withAuthor whether the list has an author column (all drafts)
 * @param renameProblem why a rename of this draft was just refused, shown next to its field; null otherwise
 * @param typedRename the name that was refused, kept in the field; null when nothing was refused
 */
public record DraftRowView(DraftRow row, boolean withAuthor, @Nullable String renameProblem,
		@Nullable String typedRename) {

	/**
	 * The row as a list shows it when nothing was refused.
	 * @param row the draft's line
	 * @param withAuthor whether the list has an author column
	 * @return its view
	 */
	static DraftRowView of(DraftRow row, boolean withAuthor) {
		return new DraftRowView(row, withAuthor, null, null);
	}

	// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof DraftRowView that
				&& Objects.equals(this.row, that.row)
				&& this.withAuthor == that.withAuthor
				&& Objects.equals(this.renameProblem, that.renameProblem)
				&& Objects.equals(this.typedRename, that.typedRename));
	}

	@Override
	public int hashCode() {
		int h = Objects.hashCode(this.row);
		h = 31 * h + Boolean.hashCode(this.withAuthor);
		h = 31 * h + Objects.hashCode(this.renameProblem);
		h = 31 * h + Objects.hashCode(this.typedRename);
		return h;
	}

}
