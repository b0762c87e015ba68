package org.mlgov.console.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The audit trail. Append-only by design: it can insert, find, search and count events, nothing else.
 */
@Repository
public class AuditEventRepository {

	private static final String COLUMNS = "id, occurred_at, actor, action, target, detail, remote_address, draft_id, "
			+ "draft_version, draft_revision, subject_kind, subject_id, role_name, account_id";

	private static final String NEWEST_FIRST = " order by occurred_at desc, id desc";

	/** Rows fetched per round trip while streaming, so that PostgreSQL does not load a whole export at once. */
	private static final int STREAM_FETCH_SIZE = 500;

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
			.sql("insert into audit_event (occurred_at, actor, action, target, detail, remote_address, draft_id, "
					+ "draft_version, draft_revision, subject_kind, subject_id, role_name, account_id, actor_lower) "
					+ "values (:occurredAt, :actor, :action, :target, :detail, :remoteAddress, :draftId, :draftVersion, "
					+ ":draftRevision, :subjectKind, :subjectId, :roleName, :accountId, lower(:actor))")
			.param("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("actor", event.actor())
			.param("action", event.action())
			.param("target", event.target())
			.param("detail", event.detail())
			.param("remoteAddress", event.remoteAddress())
			.param("draftId", event.draftId(), Types.BIGINT)
			.param("draftVersion", event.draftVersion(), Types.BIGINT)
			.param("draftRevision", event.draftRevision(), Types.INTEGER)
			.param("subjectKind", (event.subject().kind() != null) ? event.subject().kind().name() : null,
					Types.VARCHAR)
			.param("subjectId", event.subject().id(), Types.VARCHAR)
			.param("roleName", event.subject().roleName(), Types.VARCHAR)
			.param("accountId", event.subject().accountId(), Types.VARCHAR)
			.update(keys, "id");
		Number id = keys.getKeyAs(Number.class);
		Assert.state(id != null, "The database returned no id for the audit event");
		return event.withId(id.longValue());
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
		return search(AuditQuery.ALL, 0, limit);
	}

	/**
	 * The most recent events of one actor, newest first.
	 * @param actor the actor, matched exactly
	 * @param limit the maximum number of events
	 * @return the events
	 */
	public List<AuditEvent> findByActor(String actor, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from audit_event where actor = :actor" + NEWEST_FIRST
				+ " limit :limit")
			.param("actor", actor)
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.list();
	}

	/**
	 * One page of the events that match a query, newest first.
	 * @param query the criteria
	 * @param offset how many matching events to skip
	 * @param limit the maximum number of events
	 * @return the events
	 */
	public List<AuditEvent> search(AuditQuery query, int offset, int limit) {
		Assert.isTrue(offset >= 0, "offset must not be negative");
		Assert.isTrue(limit > 0, "limit must be positive");
		Criteria criteria = Criteria.of(query);
		return this.jdbc.sql("select " + COLUMNS + " from audit_event" + criteria.where() + NEWEST_FIRST
				+ " limit :limit offset :offset")
			.params(criteria.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditEventRepository::map)
			.list();
	}

	/**
	 * Passes the events that match a query to {@code sink}, newest first, reading them from the database a few
	 * hundred at a time rather than all at once.
	 * @param query the criteria
	 * @param limit the maximum number of events
	 * @param sink receives each event
	 * @return how many events {@code sink} received
	 */
	@Transactional(readOnly = true)
	public int search(AuditQuery query, int limit, Consumer<? super AuditEvent> sink) {
		Assert.isTrue(limit > 0, "limit must be positive");
		Criteria criteria = Criteria.of(query);
		int[] passed = { 0 };
		try (Stream<AuditEvent> events = this.jdbc
			.sql("select " + COLUMNS + " from audit_event" + criteria.where() + NEWEST_FIRST + " limit :limit")
			.withFetchSize(STREAM_FETCH_SIZE)
			.params(criteria.params())
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.stream()) {
			events.forEach((event) -> {
				sink.accept(event);
				passed[0]++;
			});
		}
		return passed[0];
	}

	/**
	 * How many events match a query.
	 * @param query the criteria
	 * @return the number of matching events
	 */
	public long count(AuditQuery query) {
		Criteria criteria = Criteria.of(query);
		return this.jdbc.sql("select count(*) from audit_event" + criteria.where())
			.params(criteria.params())
			.query(Long.class)
			.single();
	}

	/**
	 * How many events match a query, counting no further than {@code atMost}: a page that needs to know only whether
	 * there are more than so many reads at most that many index entries, where {@link #count} reads every match (on
	 * PostgreSQL, counting a million events takes about 80 ms).
	 * @param query the criteria
	 * @param atMost where to stop counting, at least 1
	 * @return the number of matching events, or {@code atMost} if at least that many match
	 */
	public long countUpTo(AuditQuery query, long atMost) {
		Assert.isTrue(atMost > 0, "atMost must be positive");
		Criteria criteria = Criteria.of(query);
		return this.jdbc.sql("select count(*) from (select 1 from audit_event" + criteria.where()
				+ " limit :atMost) matching")
			.params(criteria.params())
			.param("atMost", atMost)
			.query(Long.class)
			.single();
	}

	private static AuditEvent map(ResultSet rs, int rowNum) throws SQLException {
		String kind = rs.getString("subject_kind");
		AuditSubject subject = new AuditSubject((kind != null) ? AuditSubject.Kind.valueOf(kind) : null,
				rs.getString("subject_id"), rs.getString("role_name"), rs.getString("account_id"),
				rs.getObject("draft_id", Long.class), rs.getObject("draft_version", Long.class),
				rs.getObject("draft_revision", Integer.class));
		return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
				rs.getString("remote_address"), subject);
	}

	/**
	 * The where clause of a query: fixed SQL conditions joined with {@code and}, and the values as named
	 * parameters, never in the SQL text.
	 */
	private record Criteria(String where, Map<String, Object> params) {

		static Criteria of(AuditQuery query) {
			StringBuilder where = new StringBuilder();
			Map<String, Object> params = new LinkedHashMap<>();
			if (query.actor() != null) {
				// actor_lower (V8) is lower(actor), indexed: lower(actor) here would read every row.
				add(where, "actor_lower = lower(:actor)");
				params.put("actor", query.actor());
			}
			if (query.draftId() != null) {
				add(where, "draft_id = :draftId");
				params.put("draftId", query.draftId());
			}
			if (query.action() != null) {
				add(where, "action = :action");
				params.put("action", query.action().name());
			}
			if (query.roleName() != null) {
				add(where, "role_name = :roleName");
				params.put("roleName", query.roleName());
			}
			if (query.accountId() != null) {
				add(where, "account_id = :accountId");
				params.put("accountId", query.accountId());
			}
			if (query.userProfile() != null) {
				// The profile's own events (subject USER_PROFILE, id domainId/profile), or events about the roles it
				// runs with.
				String profile = "(subject_kind = 'USER_PROFILE' and (subject_id = :profile or subject_id like "
						+ ":profileInDomain))";
				params.put("profile", query.userProfile());
				params.put("profileInDomain", "%/" + likeEscaped(query.userProfile()));
				if (!query.profileRoles().isEmpty()) {
					profile = "(" + profile + " or role_name in (:profileRoles))";
					params.put("profileRoles", query.profileRoles());
				}
				add(where, profile);
			}
			if (query.from() != null) {
				add(where, "occurred_at >= :fromStart");
				params.put("fromStart", startOf(query.from()));
			}
			if (query.to() != null) {
				add(where, "occurred_at < :afterTo");
				params.put("afterTo", startOf(query.to().plusDays(1)));
			}
			return new Criteria(where.toString(), params);
		}

		/** A value for {@code like} that matches itself only (profile names allow no wildcard, but be safe). */
		private static String likeEscaped(String value) {
			return value.replace("%", "").replace("_", "\\_");
		}

		private static void add(StringBuilder where, String condition) {
			where.append(where.isEmpty() ? " where " : " and ").append(condition);
		}

		private static OffsetDateTime startOf(LocalDate day) {
			return day.atStartOfDay().atOffset(ZoneOffset.UTC);
		}

	}

}
