package org.mlgov.console.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.util.Assert;

/**
 * One entry of the append-only audit trail ({@code audit_event}).
 *
 * @param id database identity, {@code null} until inserted
 * @param occurredAt when it happened
 * @param actor who did it: a user name, or the name typed at a failed sign-in
 * @param action what happened, an upper-case verb phrase such as {@code SIGN_IN}
 * @param target what it happened to, if anything
 * @param detail a short explanation, if any
 * @param remoteAddress the client address, if known
 * @param subject what it happened to, generically (kind and id, role name and account where there is one), and for
 * drafts the draft, its version (its optimistic-lock counter) after the action and the revision the action is about
 */
public record AuditEvent(Long id, Instant occurredAt, String actor, String action, String target, String detail,
		String remoteAddress, AuditSubject subject) {

	static final int ACTOR_LENGTH = 100;

	static final int ACTION_LENGTH = 64;

	static final int TARGET_LENGTH = 200;

	static final int DETAIL_LENGTH = 1000;

	static final int REMOTE_ADDRESS_LENGTH = 64;

	public AuditEvent {
		Assert.notNull(occurredAt, "occurredAt must not be null");
		Assert.hasText(actor, "actor must not be empty");
		Assert.hasText(action, "action must not be empty");
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		actor = truncate(actor, ACTOR_LENGTH);
		action = truncate(action, ACTION_LENGTH);
		target = truncate(target, TARGET_LENGTH);
		detail = truncate(detail, DETAIL_LENGTH);
		remoteAddress = truncate(remoteAddress, REMOTE_ADDRESS_LENGTH);
		subject = (subject != null) ? subject : AuditSubject.NONE;
		Assert.isTrue(subject.draftVersion() == null || subject.draftId() != null, "A draft version needs a draft id");
		Assert.isTrue(subject.draftRevision() == null || subject.draftId() != null,
				"A draft revision needs a draft id");
	}

	/**
	 * An event about a draft, or about nothing, as written before subjects had a kind (V10).
	 * @param id database identity, {@code null} until inserted
	 * @param occurredAt when it happened
	 * @param actor who did it
	 * @param action what happened
	 * @param target what it happened to, if anything
	 * @param detail a short explanation, if any
	 * @param remoteAddress the client address, if known
	 * @param draftId the draft it happened to, if it is about a draft
	 * @param draftVersion the draft's version after the action, if it is about a draft
	 * @param draftRevision the revision the action is about, if it is an action of the security review
	 */
	public AuditEvent(Long id, Instant occurredAt, String actor, String action, String target, String detail,
			String remoteAddress, Long draftId, Long draftVersion, Integer draftRevision) {
		this(id, occurredAt, actor, action, target, detail, remoteAddress,
				(draftId == null && draftVersion == null && draftRevision == null) ? AuditSubject.NONE
						: new AuditSubject((draftId != null) ? AuditSubject.Kind.DRAFT : null,
								(draftId != null) ? draftId.toString() : null, null, null, draftId, draftVersion,
								draftRevision));
	}

	/**
	 * An event that names no revision.
	 * @param id database identity, {@code null} until inserted
	 * @param occurredAt when it happened
	 * @param actor who did it
	 * @param action what happened
	 * @param target what it happened to, if anything
	 * @param detail a short explanation, if any
	 * @param remoteAddress the client address, if known
	 * @param draftId the draft it happened to, if it is about a draft
	 * @param draftVersion the draft's version after the action, if it is about a draft
	 */
	public AuditEvent(Long id, Instant occurredAt, String actor, String action, String target, String detail,
			String remoteAddress, Long draftId, Long draftVersion) {
		this(id, occurredAt, actor, action, target, detail, remoteAddress, draftId, draftVersion, null);
	}

	/**
	 * An event that is not about a draft.
	 * @param id database identity, {@code null} until inserted
	 * @param occurredAt when it happened
	 * @param actor who did it
	 * @param action what happened
	 * @param target what it happened to, if anything
	 * @param detail a short explanation, if any
	 * @param remoteAddress the client address, if known
	 */
	public AuditEvent(Long id, Instant occurredAt, String actor, String action, String target, String detail,
			String remoteAddress) {
		this(id, occurredAt, actor, action, target, detail, remoteAddress, null, null, null);
	}

	/**
	 * A new event that happened now and has not been inserted yet.
	 * @param actor who did it
	 * @param action what happened
	 * @param target what it happened to, or {@code null}
	 * @param detail a short explanation, or {@code null}
	 * @param remoteAddress the client address, or {@code null}
	 * @return the event
	 */
	public static AuditEvent now(String actor, String action, String target, String detail, String remoteAddress) {
		return new AuditEvent(null, Instant.now(), actor, action, target, detail, remoteAddress);
	}

	/**
	 * A new event about a draft that happened now and has not been inserted yet. Its target reads
	 * {@code draft <id> (version <n>)}.
	 * @param actor who did it
	 * @param action what happened
	 * @param draftId the draft
	 * @param draftVersion the draft's version after the action
	 * @param detail a short explanation, or {@code null}
	 * @param remoteAddress the client address, or {@code null}
	 * @return the event
	 */
	public static AuditEvent nowOnDraft(String actor, String action, long draftId, long draftVersion, String detail,
			String remoteAddress) {
		return nowOnDraft(actor, action, draftId, draftVersion, null, detail, remoteAddress);
	}

	/**
	 * A new event of the security review about a draft's revision, that happened now and has not been inserted yet.
	 * Its target reads {@code draft <id> (version <n>)}.
	 * @param actor who did it
	 * @param action what happened
	 * @param draftId the draft
	 * @param draftVersion the draft's version after the action
	 * @param draftRevision the revision the action is about (the draft's current revision), or {@code null}
	 * @param detail a short explanation, or {@code null}
	 * @param remoteAddress the client address, or {@code null}
	 * @return the event
	 */
	public static AuditEvent nowOnDraft(String actor, String action, long draftId, long draftVersion,
			Integer draftRevision, String detail, String remoteAddress) {
		return new AuditEvent(null, Instant.now(), actor, action,
				"draft " + draftId + " (version " + draftVersion + ")", detail, remoteAddress, draftId, draftVersion,
				draftRevision);
	}

	/**
	 * A new event that happened now, about a subject, and has not been inserted yet. Its target text names the
	 * subject ({@code draft <id> (version <n>)} for a draft).
	 * @param actor who did it
	 * @param action what happened
	 * @param subject what it happened to
	 * @param detail a short explanation, or {@code null}
	 * @param remoteAddress the client address, or {@code null}
	 * @return the event
	 */
	public static AuditEvent now(String actor, AuditAction action, AuditSubject subject, String detail,
			String remoteAddress) {
		return new AuditEvent(null, Instant.now(), actor, action.name(), subject.target(), detail, remoteAddress,
				subject);
	}

	/**
	 * The draft the event is about.
	 * @return the draft id, or {@code null}
	 */
	public Long draftId() {
		return this.subject.draftId();
	}

	/**
	 * The draft's version after the action.
	 * @return the version, or {@code null}
	 */
	public Long draftVersion() {
		return this.subject.draftVersion();
	}

	/**
	 * The revision the action is about.
	 * @return the revision number, or {@code null}
	 */
	public Integer draftRevision() {
		return this.subject.draftRevision();
	}

	AuditEvent withId(long newId) {
		return new AuditEvent(newId, this.occurredAt, this.actor, this.action, this.target, this.detail,
				this.remoteAddress, this.subject);
	}

	/**
	 * A user name as typed at sign-in, as the actor column can hold it: "(blank)" for nothing, control characters
	 * (which PostgreSQL refuses, NUL above all) as U+FFFD; the event cuts it to the column's length.
	 * @param name the name typed, or {@code null}
	 * @return the actor to record
	 */
	public static String typedActor(String name) {
		if (name == null || name.isBlank()) {
			return "(blank)";
		}
		StringBuilder out = new StringBuilder(name.length());
		name.chars().forEach((c) -> out.append((Character.getType(c) == Character.CONTROL) ? '\uFFFD' : (char) c));
		return out.toString();
	}

	private static String truncate(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

}
