package org.mlgov.console.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments are appended and read, never edited. */
@Repository
public class DraftCommentRepository {

	private final JdbcClient jdbc;

	DraftCommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(DraftComment comment) {
		this.jdbc.sql("insert into draft_comment (draft_id, author, body, created_at) values (?, ?, ?, ?)")
			.param(comment.draftId())
			.param(comment.author())
			.param(comment.body())
			.param(OffsetDateTime.ofInstant(comment.createdAt(), ZoneOffset.UTC))
			.update();
	}

	/** The comments of a draft, oldest first. */
	public List<DraftComment> findByDraft(long draftId) {
		return this.jdbc.sql("select id, draft_id, author, body, created_at from draft_comment where draft_id = ? "
				+ "order by created_at, id")
			.param(draftId)
			.query((rs, row) -> new DraftComment(rs.getLong("id"), rs.getLong("draft_id"), rs.getString("author"),
					rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
