package org.mlgov.console.web;

import java.util.List;

/**
 * The rows of a table as one view for {@code #rendered} ({@link RenderedFragments}): a fragment that writes every row
 * is kept once per distinct list, so that a list shown as before costs one look-up rather than one per row. Equal
 * when the rows are equal, in order; the hash is worked out once, as the memo asks for it on every page.
 *
 * @param <T> the rows' view type (immutable, with value equality)
 */
public final class RowList<T> {

	private final List<T> rows;

	private final int hash;

	public RowList(List<T> rows) {
		this.rows = List.copyOf(rows);
		this.hash = this.rows.hashCode();
	}

	public List<T> rows() {
		return this.rows;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof RowList<?> that && this.hash == that.hash && this.rows.equals(that.rows));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "RowList" + this.rows;
	}

}
