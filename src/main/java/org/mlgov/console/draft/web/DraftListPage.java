package org.mlgov.console.draft.web;

import java.util.Objects;

import org.mlgov.console.web.RowList;

/**
 * Everything a drafts list shows when nothing was just done on it (no message, no refused name or rename): the key
 * under which {@code #rendered.page} keeps the list's markup (see {@code web.RenderedFragments}). The page's rows, which
 * page of how many, the search, whether it is every administrator's list, and the context path of the links.
 *
 * @param rows the page's rows
 * @param number the page's number, from 0
 * @param size the rows a page holds
 * @param total how many drafts match
 * @param q the search
 * @param all whether it is every administrator's list
 * @param contextPath the context path links start with
 */
record DraftListPage(RowList<DraftRowView> rows, int number, int size, long total, String q, boolean all,
		String contextPath) {

	// equals and hashCode written out: the memo of #rendered compares keys on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof DraftListPage that
				&& this.number == that.number
				&& this.size == that.size
				&& this.total == that.total
				&& this.all == that.all
				&& this.q.equals(that.q)
				&& this.contextPath.equals(that.contextPath)
				&& this.rows.equals(that.rows));
	}

	@Override
	public int hashCode() {
		int h = this.rows.hashCode();
		h = 31 * h + this.number;
		h = 31 * h + this.size;
		h = 31 * h + Long.hashCode(this.total);
		h = 31 * h + this.q.hashCode();
		h = 31 * h + Boolean.hashCode(this.all);
		return 31 * h + Objects.hashCode(this.contextPath);
	}

}
