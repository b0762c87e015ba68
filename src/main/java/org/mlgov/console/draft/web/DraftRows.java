package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.web.RowList;
import org.mlgov.console.web.Times;

/**
 * Builds the rows of a drafts list from a page of summaries, and gives back the rows it built last for the same
 * user, list and context path when the page holds the very same summaries (the same objects, in the same order).
 * {@code DraftSummaries} hands out the summary it kept for a draft until the draft's version changes, so a list
 * nobody changed is the same list of objects, and its rows need neither building (a {@link DraftRow} per draft:
 * persona name, decision text, time, links) nor comparing field by field with the kept page's
 * ({@link DraftListPage}, {@link RowList}): the same {@link RowList} is equal at once. A row depends on nothing but
 * its summary, the catalogue's persona names and the time format, none of which change while the console runs.
 * <p>
 * One list is kept per user, list (own or all) and context path; past {@value #LISTS_AT_MOST} of them all are dropped.
 */
class DraftRows {

	static final int LISTS_AT_MOST = 1_000;

	private final Catalog catalog;

	private final Times times;

	private final Map<ListOf, Built> last = new ConcurrentHashMap<>();

	DraftRows(Catalog catalog, Times times) {
		this.catalog = catalog;
		this.times = times;
	}

	/**
	 * The rows of a list with nothing refused on it.
	 * @param summaries the page's drafts
	 * @param user the signed-in user's name
	 * @param all whether it is every administrator's list (with an author column)
	 * @param contextPath the context path links start with
	 * @return its rows: the list built last for this user, list and context path if the summaries are the same
	 */
	RowList<DraftRowView> of(List<DraftSummary> summaries, String user, boolean all, String contextPath) {
		ListOf list = new ListOf(user, all, contextPath);
		Built built = this.last.get(list);
		if (built != null && built.isOf(summaries)) {
			return built.rows();
		}
		RowList<DraftRowView> rows = new RowList<>(
				summaries.stream().map((d) -> DraftRowView.of(row(d, user, contextPath), all)).toList());
		if (this.last.size() >= LISTS_AT_MOST) {
			this.last.clear();
		}
		this.last.put(list, new Built(List.copyOf(summaries), rows));
		return rows;
	}

	/**
	 * The rows of a list where a rename was just refused: that row shows why, with what was typed. Built anew (such a
	 * list is shown once, after a refusal) and not kept.
	 * @param summaries the page's drafts
	 * @param user the signed-in user's name
	 * @param all whether it is every administrator's list
	 * @param contextPath the context path links start with
	 * @param refused the draft whose rename was refused, why, and what was typed
	 * @return its rows
	 */
	RowList<DraftRowView> withRefusal(List<DraftSummary> summaries, String user, boolean all, String contextPath,
			DraftsController.RefusedRename refused) {
		return new RowList<>(summaries.stream().map((d) -> {
			DraftRow row = row(d, user, contextPath);
			return (refused.id() == d.id()) ? new DraftRowView(row, all, refused.problem(), refused.typed())
					: DraftRowView.of(row, all);
		}).toList());
	}

	private DraftRow row(DraftSummary summary, String user, String contextPath) {
		return DraftRow.of(summary, this.catalog, this.times, user, contextPath);
	}

	private record ListOf(String user, boolean all, String contextPath) {
	}

	/** The summaries a list of rows was built from, and the rows. */
	private record Built(List<DraftSummary> summaries, RowList<DraftRowView> rows) {

		/** Whether these are the same summaries, object for object. */
		boolean isOf(List<DraftSummary> page) {
			if (page.size() != this.summaries.size()) {
				return false;
			}
			for (int i = 0; i < page.size(); i++) {
				if (page.get(i) != this.summaries.get(i)) {
					return false;
				}
			}
			return true;
		}

	}

}
