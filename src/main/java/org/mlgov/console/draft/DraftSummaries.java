package org.mlgov.console.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The drafts lists as summary queries: one page of {@link DraftSummary} rows (no specification JSON, no aggregate
 * per row), newest first, with the number of matching drafts, and the decisions of the page's submitted drafts.
 * A search matches a part of the name, ignoring case.
 * <p>
 * A page is listed as ids and versions; the summaries are kept by id and read again only for a draft whose version
 * differs from the kept one (or that is not kept yet). Every change to a draft's row or to its decisions is a save of
 * the {@link Draft} aggregate, and every save increments its version (Spring Data JDBC's {@code @Version}), so an id
 * and a version name one summary, in every console that shares the database; a deleted draft is no longer listed.
 * (A migration that changes draft rows must increment their version too.) On PostgreSQL this took the page of all
 * drafts from three statements of eleven columns to two of two, and the same page of summaries comes back as the same
 * objects, which lets the list's rows be reused (see {@code draft.web.DraftRows}). When the summaries just read
 * would take those kept past {@value #KEPT_AT_MOST}, the kept ones are dropped first (and read again as they are
 * listed).
 * <p>
 * No transaction: each statement reads what was committed when it ran, as it would in a read-only transaction at
 * read committed, and a page listed while a draft changed shows it as it was or as it is. Without one, a list is a
 * statement or two, with no COMMIT round trip.
 * <p>
 * The first page is read before anything is counted: when it is not full (most administrators' own lists) its rows
 * are the count. (A {@code count(*) over ()} column on the page query was measured slower on H2 for all drafts: the
 * window makes it read every matching row, where {@code count(*)} of a whole table is free.) Decisions are read only
 * for the drafts that were ever submitted: a review decides on a revision, and a draft has none until it is submitted
 * ({@code current_revision} stays null until then and is never cleared).
 */
@Repository
class DraftSummaries {

	/** Drafts per page. */
	static final int PAGE_SIZE = 50;

	private static final String COLUMNS = "id, name, author, persona, status, step_reached, updated_at, updated_by, "
			+ "version, current_revision, required_approvals";

	/** The most summaries kept by default (a few hundred bytes each). */
	static final int KEPT_AT_MOST = 10_000;

	private final JdbcClient jdbc;

	private final int keptAtMost;

	/** The summaries read, by draft id; each one as of its version. */
	private final Map<Long, DraftSummary> kept = new ConcurrentHashMap<>();

	@Autowired
	DraftSummaries(JdbcClient jdbc) {
		this(jdbc, KEPT_AT_MOST);
	}

	DraftSummaries(JdbcClient jdbc, int keptAtMost) {
		this.jdbc = jdbc;
		this.keptAtMost = keptAtMost;
	}

	/**
	 * One page of drafts, newest first ({@code updated_at}, then id). A page number below 1 means the first page, one
	 * past the last the last page.
	 * @param author whose drafts, or null for everybody's
	 * @param search a part of the name to match ignoring case; blank matches every draft
	 * @param pageNumber the page, from 1
	 * @return the page (Spring Data numbers pages from 0)
	 */
	Page<DraftSummary> find(@Nullable String author, String search, int pageNumber) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (author != null) {
			where.append(" and author = :author");
			params.put("author", author);
		}
		if (search != null && !search.isBlank()) {
			where.append(" and ").append(NameSearch.condition("name"));
			params.put(NameSearch.PARAMETER, NameSearch.needle(search));
		}
		if (pageNumber <= 1) {
			// The first page read first: when it is not full, its rows are all there are and no count is needed.
			List<DraftSummary> rows = rows(where, params, 1);
			long total = (rows.size() < PAGE_SIZE) ? rows.size() : count(where, params);
			return new PageImpl<>(rows, PageRequest.of(0, PAGE_SIZE), total);
		}
		long total = count(where, params);
		int number = (int) Math.min(Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE), pageNumber);
		List<DraftSummary> rows = (total == 0) ? List.of() : rows(where, params, number);
		return new PageImpl<>(rows, PageRequest.of(number - 1, PAGE_SIZE), total);
	}

	private long count(CharSequence where, Map<String, Object> params) {
		return this.jdbc.sql("select count(*) from draft" + where).params(params).query(Long.class).single();
	}

	private List<DraftSummary> rows(CharSequence where, Map<String, Object> params, int number) {
		Map<String, Object> paged = new HashMap<>(params);
		paged.put("limit", PAGE_SIZE);
		paged.put("offset", (number - 1) * PAGE_SIZE);
		List<Listed> listed = this.jdbc.sql("select id, version from draft" + where
				+ " order by updated_at desc, id desc limit :limit offset :offset")
			.params(paged)
			.query((rs, row) -> new Listed(rs.getLong(1), rs.getLong(2)))
			.list();
		// The kept summaries of the listed versions, in order; the others (null) are read now.
		List<DraftSummary> rows = new ArrayList<>(listed.size());
		List<Long> stale = new ArrayList<>();
		for (Listed l : listed) {
			DraftSummary summary = this.kept.get(l.id());
			boolean current = summary != null && summary.version() == l.version();
			rows.add(current ? summary : null);
			if (!current) {
				stale.add(l.id());
			}
		}
		if (!stale.isEmpty()) {
			Map<Long, DraftSummary> read = new HashMap<>();
			for (DraftSummary summary : withDecisions(this.jdbc.sql("select " + COLUMNS + " from draft where id in (:ids)")
				.param("ids", stale)
				.query(DraftSummaries::row)
				.list())) {
				read.put(summary.id(), summary);
			}
			keep(read.values());
			for (int i = 0; i < rows.size(); i++) {
				if (rows.get(i) == null) {
					rows.set(i, read.get(listed.get(i).id()));
				}
			}
			// A draft deleted between the two statements is left out.
			rows.removeIf(Objects::isNull);
		}
		return rows;
	}

	/** Keeps summaries just read; of two versions of a draft read side by side, the newer stays. */
	private void keep(Collection<DraftSummary> read) {
		if (this.kept.size() + read.size() > this.keptAtMost) {
			this.kept.clear();
		}
		for (DraftSummary summary : read) {
			this.kept.merge(summary.id(), summary, (kept, fresh) -> (kept.version() >= fresh.version()) ? kept : fresh);
		}
	}

	/** A draft on a page, as listed: its id and version. */
	private record Listed(long id, long version) {
	}

	private List<DraftSummary> withDecisions(List<DraftSummary> rows) {
		List<Long> submitted = rows.stream().filter((r) -> r.currentRevision() != null).map(DraftSummary::id).toList();
		if (submitted.isEmpty()) {
			return rows;
		}
		Map<Long, List<Decision>> decisions = new HashMap<>();
		this.jdbc.sql("select draft_id, revision_number, reviewer, decision, comment, decided_at from draft_decision "
				+ "where draft_id in (:ids) order by decided_at")
			.param("ids", submitted)
			.query((rs) -> {
				decisions.computeIfAbsent(rs.getLong("draft_id"), (id) -> new ArrayList<>())
					.add(new Decision(rs.getInt("revision_number"), rs.getString("reviewer"),
							Decision.Verdict.valueOf(rs.getString("decision")), rs.getString("comment"),
							rs.getObject("decided_at", OffsetDateTime.class).toInstant()));
			});
		return rows.stream()
			.map((r) -> new DraftSummary(r.id(), r.name(), r.author(), r.persona(), r.status(), r.stepReached(),
					r.updatedAt(), r.updatedBy(), r.version(), r.currentRevision(), r.requiredApprovals(),
					decisions.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private static DraftSummary row(ResultSet rs, int row) throws SQLException {
		int revision = rs.getInt("current_revision");
		Integer currentRevision = rs.wasNull() ? null : revision;
		return new DraftSummary(rs.getLong("id"), rs.getString("name"), rs.getString("author"),
				rs.getString("persona"), DraftStatus.valueOf(rs.getString("status")),
				WizardStep.valueOf(rs.getString("step_reached")),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
				rs.getLong("version"), currentRevision, rs.getInt("required_approvals"), List.of());
	}

}
