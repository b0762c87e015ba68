package org.mlgov.console.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The drafts lists as summary queries: one page of {@link DraftSummary} rows (no specification JSON, no aggregate
 * per row), newest first, the number of matching drafts, and the decisions of the page's drafts in one more query.
 * A search matches a part of the name, ignoring case.
 */
@Repository
class DraftSummaries {

	/** Drafts per page. */
	static final int PAGE_SIZE = 50;

	private static final String COLUMNS = "id, name, author, persona, status, step_reached, updated_at, updated_by, "
			+ "version, current_revision, required_approvals";

	private final JdbcClient jdbc;

	DraftSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
			params.put("pattern", NameSearch.pattern(search));
		}
		long total = this.jdbc.sql("select count(*) from draft" + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(pages, Math.max(1, pageNumber));
		params.put("limit", PAGE_SIZE);
		params.put("offset", (number - 1) * PAGE_SIZE);
		List<DraftSummary> rows = (total == 0) ? List.of()
				: this.jdbc.sql("select " + COLUMNS + " from draft" + where
						+ " order by updated_at desc, id desc limit :limit offset :offset")
					.params(params)
					.query(DraftSummaries::row)
					.list();
		return new PageImpl<>(withDecisions(rows), PageRequest.of(number - 1, PAGE_SIZE), total);
	}

	private List<DraftSummary> withDecisions(List<DraftSummary> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Decision>> decisions = new HashMap<>();
		this.jdbc.sql("select draft_id, revision_number, reviewer, decision, comment, decided_at from draft_decision "
				+ "where draft_id in (:ids) order by decided_at")
			.param("ids", rows.stream().map(DraftSummary::id).toList())
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
