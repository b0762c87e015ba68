package org.mlgov.console.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * The audit trail. Append-only by design: it can insert and find events, nothing else.
 */
@Repository
public class AuditEventRepository {

	private static final String COLUMNS = "id, occurred_at, actor, action, target, detail, remote_address";

	private final JdbcClient jdbc;

	AuditEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends an event.
	 * @param event an event without an id
	 * @return the same event with its generated id
	 */
	public AuditEvent insert(AuditEvent event) {
		Assert.isNull(event.id(), "An audit event is inserted once; it already has an id");
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into audit_event (occurred_at, actor, action, target, detail, remote_address) "
					+ "values (:occurredAt, :actor, :action, :target, :detail, :remoteAddress)")
			.param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("actor", event.actor())
			.param("action", event.action())
			.param("target", event.target())
			.param("detail", event.detail())
			.param("remoteAddress", event.remoteAddress())
			.update(keys, "id");
		Number id = keys.getKeyAs(Number.class);
		Assert.state(id != null, "The database returned no id for the audit event");
		return new AuditEvent(id.longValue(), event.occurredAt(), event.actor(), event.action(), event.target(),
				event.detail(), event.remoteAddress());
	}

	/**
	 * Finds one event.
	 * @param id the event id
	 * @return the event, if it exists
	 */
	public Optional<AuditEvent> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event where id = :id")
			.param("id", id)
			.query(AuditEventRepository::map)
			.optional();
	}

	/**
	 * The most recent events, newest first.
	 * @param limit the maximum number of events
	 * @return the events
	 */
	public List<AuditEvent> findRecent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event order by occurred_at desc, id desc limit :limit")
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.list();
	}

	/**
	 * The most recent events of one actor, newest first.
	 * @param actor the actor
	 * @param limit the maximum number of events
	 * @return the events
	 */
	public List<AuditEvent> findByActor(String actor, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from audit_event where actor = :actor order by occurred_at desc, id desc limit :limit")
			.param("actor", actor)
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.list();
	}

	private static AuditEvent map(ResultSet rs, int rowNum) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
				rs.getString("remote_address"));
	}

}
