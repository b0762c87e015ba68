package org.mlgov.console.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/**
 * Push jobs, their steps and the policies the console attached. A queued job is claimed by one console instance:
 * {@link #claimNext} locks the oldest queued row ({@code for update skip locked}, so that instances do not wait for
 * each other) and moves it to RUNNING with a conditional update, which only one instance can win.
 */
@Repository
public class PushRepository {

	private static final String COLUMNS = "id, draft_id, revision, documents_sha256, account_id, region, role_name, "
			+ "status, requested_by, requested_at, started_at, finished_at, claimed_by, heartbeat_at, total_steps, "
			+ "write_calls, message";

	private static final String STEP_COLUMNS = "push_id, ordinal, service, operation, target, arguments, outcome, "
			+ "aws_request_id, error_code, message, started_at, finished_at";

	private final JdbcClient jdbc;

	PushRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Push insert(long draftId, int revision, String sha256, String accountId, String region, String roleName,
			String requestedBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into push (draft_id, revision, documents_sha256, account_id, region, role_name, status, "
				+ "requested_by, requested_at, write_calls) values (:draftId, :revision, :sha, :account, :region, "
				+ ":role, 'QUEUED', :by, :at, 0)")
			.param("draftId", draftId)
			.param("revision", revision)
			.param("sha", sha256)
			.param("account", accountId)
			.param("region", region)
			.param("role", roleName)
			.param("by", requestedBy)
			.param("at", time(now))
			.update(keys, "id");
		Number id = keys.getKeyAs(Number.class);
		Assert.state(id != null, "no id returned for the push");
		return find(id.longValue()).orElseThrow();
	}

	public Optional<Push> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from push where id = ?").param(id).query(PushRepository::map)
			.optional();
	}

	/** The pushes of a draft, newest first. */
	public List<Push> findByDraft(long draftId) {
		return this.jdbc.sql("select " + COLUMNS + " from push where draft_id = ? order by id desc")
			.param(draftId)
			.query(PushRepository::map)
			.list();
	}

	/**
	 * Claims the oldest queued push for this instance. Call inside a transaction: the row lock taken by
	 * {@code for update skip locked} holds until it commits.
	 * @return the claimed push, or empty when none is queued (or another instance claimed it first)
	 */
	public Optional<Push> claimNext(String instance, Instant now) {
		Optional<Long> next = this.jdbc
			.sql("select id from push where status = 'QUEUED' order by id fetch first 1 rows only for update skip locked")
			.query(Long.class)
			.optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		int claimed = this.jdbc.sql("update push set status = 'RUNNING', claimed_by = :instance, started_at = :now, "
				+ "heartbeat_at = :now where id = :id and status = 'QUEUED'")
			.param("instance", instance)
			.param("now", time(now))
			.param("id", next.get())
			.update();
		return (claimed == 1) ? find(next.get()) : Optional.empty();
	}

	/** Records that this instance is alive for every push it runs. */
	public int beat(String instance, Instant now) {
		return this.jdbc.sql("update push set heartbeat_at = ? where status = 'RUNNING' and claimed_by = ?")
			.param(time(now))
			.param(instance)
			.update();
	}

	/** Running pushes whose instance has not been heard of since {@code before}. */
	public List<Push> findStale(Instant before) {
		return this.jdbc.sql("select " + COLUMNS + " from push where status = 'RUNNING' and heartbeat_at < ? order by id")
			.param(time(before))
			.query(PushRepository::map)
			.list();
	}

	/**
	 * Marks a running push failed, unless it finished or beat meanwhile.
	 * @return whether this call marked it
	 */
	public boolean failStale(Push push, String message, Instant now) {
		int updated = this.jdbc.sql("update push set status = 'FAILED', finished_at = :now, message = :message "
				+ "where id = :id and status = 'RUNNING' and heartbeat_at = :beat")
			.param("now", time(now))
			.param("message", message)
			.param("id", push.id())
			.param("beat", time(push.heartbeatAt()))
			.update();
		if (updated == 1) {
			this.jdbc.sql("update push_step set outcome = 'FAILED', finished_at = :now, message = :message "
					+ "where push_id = :id and outcome = 'RUNNING'")
				.param("now", time(now))
				.param("message", "The console stopped while this call was in flight; push again to continue from "
						+ "what is live.")
				.param("id", push.id())
				.update();
		}
		return updated == 1;
	}

	public void planned(long pushId, int totalSteps) {
		this.jdbc.sql("update push set total_steps = ? where id = ?").param(totalSteps).param(pushId).update();
	}

	public void countWrite(long pushId) {
		this.jdbc.sql("update push set write_calls = write_calls + 1 where id = ?").param(pushId).update();
	}

	/** Ends a running push; a push already marked failed (its console thought dead) stays as it is. */
	public boolean finish(long pushId, PushStatus status, String message, Instant now) {
		return this.jdbc.sql("update push set status = :status, finished_at = :now, message = :message "
				+ "where id = :id and status = 'RUNNING'")
			.param("status", status.name())
			.param("now", time(now))
			.param("message", message)
			.param("id", pushId)
			.update() == 1;
	}

	public void startStep(long pushId, int ordinal, PlannedStep step, Instant now) {
		this.jdbc.sql("insert into push_step (push_id, ordinal, service, operation, target, arguments, outcome, "
				+ "message, started_at) values (:push, :ordinal, :service, :operation, :target, :arguments, "
				+ "'RUNNING', :note, :now)")
			.param("push", pushId)
			.param("ordinal", ordinal)
			.param("service", step.service())
			.param("operation", step.operation())
			.param("target", step.target())
			.param("arguments", step.arguments())
			.param("note", cut(step.note(), 4000))
			.param("now", time(now))
			.update();
	}

	public PushStep finishStep(long pushId, int ordinal, StepOutcome outcome, String requestId, String errorCode,
			String message, Instant now) {
		this.jdbc.sql("update push_step set outcome = :outcome, aws_request_id = :requestId, error_code = :code, "
				+ "message = :message, finished_at = :now where push_id = :push and ordinal = :ordinal")
			.param("outcome", outcome.name())
			.param("requestId", cut(requestId, 200))
			.param("code", cut(errorCode, 200))
			.param("message", cut(message, 4000))
			.param("now", time(now))
			.param("push", pushId)
			.param("ordinal", ordinal)
			.update();
		return steps(pushId).stream().filter((s) -> s.ordinal() == ordinal).findFirst().orElseThrow();
	}

	public List<PushStep> steps(long pushId) {
		return this.jdbc.sql("select " + STEP_COLUMNS + " from push_step where push_id = ? order by ordinal")
			.param(pushId)
			.query(PushRepository::mapStep)
			.list();
	}

	/** The managed policies this console attached to the role. */
	public Set<String> consoleAttached(String accountId, String roleName) {
		return new TreeSet<>(this.jdbc
			.sql("select policy_arn from push_attachment where account_id = ? and role_name = ?")
			.param(accountId)
			.param(roleName)
			.query(String.class)
			.list());
	}

	public void attached(String accountId, String roleName, String policyArn, long pushId, Instant now) {
		this.jdbc.sql("delete from push_attachment where account_id = ? and role_name = ? and policy_arn = ?")
			.param(accountId)
			.param(roleName)
			.param(policyArn)
			.update();
		this.jdbc.sql("insert into push_attachment (account_id, role_name, policy_arn, push_id, attached_at) "
				+ "values (?, ?, ?, ?, ?)")
			.param(accountId)
			.param(roleName)
			.param(policyArn)
			.param(pushId)
			.param(time(now))
			.update();
	}

	public void detached(String accountId, String roleName, String policyArn) {
		this.jdbc.sql("delete from push_attachment where account_id = ? and role_name = ? and policy_arn = ?")
			.param(accountId)
			.param(roleName)
			.param(policyArn)
			.update();
	}

	private static String cut(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "\u2026";
	}

	private static OffsetDateTime time(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Push map(ResultSet rs, int row) throws SQLException {
		int total = rs.getInt("total_steps");
		Integer totalSteps = rs.wasNull() ? null : total;
		return new Push(rs.getLong("id"), rs.getLong("draft_id"), rs.getInt("revision"), rs.getString("documents_sha256"),
				rs.getString("account_id"), rs.getString("region"), rs.getString("role_name"),
				PushStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
				instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("claimed_by"),
				instant(rs, "heartbeat_at"), totalSteps, rs.getInt("write_calls"), rs.getString("message"));
	}

	private static PushStep mapStep(ResultSet rs, int row) throws SQLException {
		return new PushStep(rs.getLong("push_id"), rs.getInt("ordinal"), rs.getString("service"),
				rs.getString("operation"), rs.getString("target"), rs.getString("arguments"),
				StepOutcome.valueOf(rs.getString("outcome")), rs.getString("aws_request_id"),
				rs.getString("error_code"), rs.getString("message"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

}
