package org.mlgov.console.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mlgov.console.draft.NameSearch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/** Revisions are written once and read many times: this repository can insert and find, nothing else. */
@Repository
public class DraftRevisionRepository {

	private static final String COLUMNS = "id, draft_id, number, content, documents, documents_sha256, "
			+ "catalog_version, justification, submitted_by, submitted_at";

	private final JdbcClient jdbc;

	DraftRevisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public DraftRevision insert(DraftRevision revision) {
		Assert.isNull(revision.id(), "A revision is inserted once");
		KeyHolder keys = new GeneratedKeyHolder();
		var spec = revision.draftContent().spec();
		this.jdbc.sql("insert into draft_revision (draft_id, number, account_id, role_name, content, documents, "
				+ "documents_sha256, catalog_version, justification, submitted_by, submitted_at) values (:draftId, "
				+ ":number, :accountId, :roleName, :content, :documents, :sha, :catalogVersion, :justification, "
				+ ":submittedBy, :submittedAt)")
			.param("draftId", revision.draftId())
			.param("number", revision.number())
			.param("accountId", spec.accountId())
			.param("roleName", spec.roleName())
			.param("content", revision.content())
			.param("documents", revision.documents())
			.param("sha", revision.documentsSha256())
			.param("catalogVersion", revision.catalogVersion())
			.param("justification", revision.justification())
			.param("submittedBy", revision.submittedBy())
			.param("submittedAt", OffsetDateTime.ofInstant(revision.submittedAt(), ZoneOffset.UTC))
			.update(keys, "id");
		Number id = keys.getKeyAs(Number.class);
		Assert.state(id != null, "no id returned for the revision");
		return new DraftRevision(id.longValue(), revision.draftId(), revision.number(), revision.content(),
				revision.documents(), revision.documentsSha256(), revision.catalogVersion(), revision.justification(),
				revision.submittedBy(), revision.submittedAt());
	}

	public Optional<DraftRevision> find(long draftId, int number) {
		return this.jdbc.sql("select " + COLUMNS + " from draft_revision where draft_id = ? and number = ?")
			.param(draftId)
			.param(number)
			.query(DraftRevisionRepository::map)
			.optional();
	}

	/** The revisions of a draft, newest first. */
	public List<DraftRevision> findByDraft(long draftId) {
		return this.jdbc.sql("select " + COLUMNS + " from draft_revision where draft_id = ? order by number desc")
			.param(draftId)
			.query(DraftRevisionRepository::map)
			.list();
	}

	/**
	 * One page of the review queue: the drafts waiting for a review with their current revision, oldest submission
	 * first (an approval of some other draft does not change the order), read as a summary (no content, no
	 * documents) with the number of approvals the revision has.
	 * @param search a part of the draft's name to match ignoring case; blank: every waiting draft
	 * @param offset how many entries to skip
	 * @param limit how many entries at most
	 * @return the entries
	 */
	public List<ReviewService.QueueEntry> findAwaitingReview(String search, int offset, int limit) {
		return this.jdbc.sql("select d.id, d.name, d.author, r.number, r.submitted_at, r.justification, "
				+ "d.required_approvals, (select count(*) from draft_decision x where x.draft_id = d.id "
				+ "and x.revision_number = r.number and x.decision = 'APPROVED') as approvals " + AWAITING
				+ searching(search) + " order by r.submitted_at, r.draft_id limit :limit offset :offset")
			.params(searchParams(search))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new ReviewService.QueueEntry(rs.getLong("id"), rs.getString("name"),
					rs.getString("author"), rs.getInt("number"),
					rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getString("justification"),
					rs.getInt("approvals"), rs.getInt("required_approvals")))
			.list();
	}

	/** How many drafts wait for a review (with a part of their name, if {@code search} is not blank). */
	public long countAwaitingReview(String search) {
		return this.jdbc.sql("select count(*) " + AWAITING + searching(search))
			.params(searchParams(search))
			.query(Long.class)
			.single();
	}

	private static final String AWAITING = "from draft_revision r join draft d on d.id = r.draft_id "
			+ "and d.current_revision = r.number and d.status = 'SUBMITTED'";

	private static String searching(String search) {
		return (search == null || search.isBlank()) ? "" : " where " + NameSearch.condition("d.name");
	}

	private static Map<String, Object> searchParams(String search) {
		return (search == null || search.isBlank()) ? Map.of() : Map.of(NameSearch.PARAMETER, NameSearch.needle(search));
	}

	public int nextNumber(long draftId) {
		Integer max = this.jdbc.sql("select max(number) from draft_revision where draft_id = ?")
			.param(draftId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		return (max == null) ? 1 : max + 1;
	}

	/**
	 * The last approved revision of the role with this name in this account, other than the given draft's current
	 * one: what a reviewer compares a new submission with. A revision being pushed, pushed or failed to push is still
	 * approved.
	 */
	public Optional<DraftRevision> lastApprovedForRole(String accountId, String roleName, long excludeDraftId) {
		return this.jdbc.sql("select r.id, r.draft_id, r.number, r.content, r.documents, r.documents_sha256, "
				+ "r.catalog_version, r.justification, r.submitted_by, r.submitted_at from draft_revision r "
				+ "join draft d on d.id = r.draft_id and d.current_revision = r.number "
				+ "and d.status in ('APPROVED', 'PUSHING', 'PUSHED', 'PUSH_FAILED') "
				+ "where r.draft_id <> :exclude and r.account_id = :account and r.role_name = :role "
				+ "order by r.submitted_at desc fetch first 1 rows only")
			.param("exclude", excludeDraftId)
			.param("account", accountId)
			.param("role", roleName)
			.query(DraftRevisionRepository::map)
			.optional();
	}

	/**
	 * The revision of the role with this name in this account that is (or is about to be) live: the current revision
	 * of the most recently submitted draft whose status is PUSHED (once the push feature records that status), else
	 * APPROVED. Empty when the console never released the role.
	 * @return the revision with its draft's status
	 */
	public Optional<Released> lastReleasedForRole(String accountId, String roleName) {
		return this.jdbc.sql("select r.id, r.draft_id, r.number, r.content, r.documents, r.documents_sha256, "
				+ "r.catalog_version, r.justification, r.submitted_by, r.submitted_at, d.status from draft_revision r "
				+ "join draft d on d.id = r.draft_id and d.current_revision = r.number "
				+ "and d.status in ('PUSHED', 'APPROVED') where r.account_id = :account and r.role_name = :role "
				+ "order by case when d.status = 'PUSHED' then 0 else 1 end, r.submitted_at desc, r.id desc "
				+ "fetch first 1 rows only")
			.param("account", accountId)
			.param("role", roleName)
			.query((rs, row) -> new Released(map(rs, row), rs.getString("status")))
			.optional();
	}

	/**
	 * Every revision of every draft of the role with this name in this account, newest first, with its draft's
	 * status.
	 */
	public List<Released> findForRole(String accountId, String roleName) {
		return this.jdbc.sql("select r.id, r.draft_id, r.number, r.content, r.documents, r.documents_sha256, "
				+ "r.catalog_version, r.justification, r.submitted_by, r.submitted_at, d.status from draft_revision r "
				+ "join draft d on d.id = r.draft_id where r.account_id = :account and r.role_name = :role "
				+ "order by r.submitted_at desc, r.id desc")
			.param("account", accountId)
			.param("role", roleName)
			.query((rs, row) -> new Released(map(rs, row), rs.getString("status")))
			.list();
	}

	/**
	 * A revision with the status of its draft.
	 *
	 * @param revision the revision
	 * @param draftStatus the draft's status now ({@code APPROVED}, {@code PUSHED}, ...)
	 */
	public record Released(DraftRevision revision, String draftStatus) {
	}

	private static DraftRevision map(ResultSet rs, int row) throws SQLException {
		return new DraftRevision(rs.getLong("id"), rs.getLong("draft_id"), rs.getInt("number"), rs.getString("content"),
				rs.getString("documents"), rs.getString("documents_sha256"), rs.getString("catalog_version"),
				rs.getString("justification"), rs.getString("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
	}

}
