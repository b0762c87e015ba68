package org.mlgov.console.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DraftReads} with plain SQL. Every wizard step, the review step and the review page read their draft, and
 * Spring Data JDBC's {@code findById} built both statements (the draft, then its decisions) anew on every call and
 * mapped the rows reflectively: a tenth of those pages' time. The aggregate is the same, built through its
 * persistence constructor; saving still goes through the repository. {@code DraftRepositoryContract} checks that the
 * two reads agree on H2 and PostgreSQL.
 */
class DraftReadsImpl implements DraftReads {

	private static final String DRAFT = "select id, name, author, status, step_reached, content, persona, created_at, "
			+ "updated_at, updated_by, version, current_revision, required_approvals from draft where id = ?";

	private static final String DECISIONS = "select revision_number, reviewer, decision, comment, decided_at "
			+ "from draft_decision where draft_id = ?";

	private final JdbcClient jdbc;

	DraftReadsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Draft> read(long id) {
		Optional<Row> row = this.jdbc.sql(DRAFT).param(id).query(DraftReadsImpl::row).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Set<Decision> decisions = new HashSet<>(
				this.jdbc.sql(DECISIONS).param(id).query(DraftReadsImpl::decision).list());
		Row r = row.get();
		return Optional.of(new Draft(r.id, r.name, r.author, r.status, r.stepReached, r.content, r.persona,
				r.createdAt, r.updatedAt, r.updatedBy, r.version, r.currentRevision, r.requiredApprovals, decisions));
	}

	/** The draft's columns, before its decisions are read. */
	private record Row(long id, String name, String author, DraftStatus status, WizardStep stepReached, String content,
			String persona, Instant createdAt, Instant updatedAt, String updatedBy, long version,
			Integer currentRevision, int requiredApprovals) {
	}

	private static Row row(ResultSet rs, int rowNumber) throws SQLException {
		int revision = rs.getInt("current_revision");
		Integer currentRevision = rs.wasNull() ? null : revision;
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("author"),
				DraftStatus.valueOf(rs.getString("status")), WizardStep.valueOf(rs.getString("step_reached")),
				rs.getString("content"), rs.getString("persona"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
				rs.getLong("version"), currentRevision, rs.getInt("required_approvals"));
	}

	private static Decision decision(ResultSet rs, int rowNumber) throws SQLException {
		return new Decision(rs.getInt("revision_number"), rs.getString("reviewer"),
				Decision.Verdict.valueOf(rs.getString("decision")), rs.getString("comment"),
				rs.getObject("decided_at", OffsetDateTime.class).toInstant());
	}

}
