package org.mlgov.console.audit.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEvent;
import org.unbescape.uri.UriEscape;

import org.springframework.lang.Nullable;

/**
 * One line of the audit table, with what the template shows already worked out in Java: the time as shown, the
 * action's label, the texts about the draft and the two links (context path included). The page renders 50 rows;
 * each expression or {@code @{...}} link a row evaluates is paid 50 times per request, so the row template only reads
 * these components (compiled SpEL, no link builder).
 *
 * @param id the event's id
 * @param occurredAt when it happened, as an ISO-8601 instant (the {@code datetime} of its {@code <time>})
 * @param when when it happened, in UTC to the second ("2026-03-04 05:06:07")
 * @param actor who did it
 * @param action the action's code ({@code DRAFT_RENAMED})
 * @param actionLabel the action as the filter names it ("Draft renamed"), or its code if it has no label
 * @param target what it happened to, or null
 * @param roleName the role it is about, or null
 * @param roleHref the audit trail of that role in its account, or null without a role
 * @param accountId the account of the role, or null
 * @param detail a short explanation, or null
 * @param remoteAddress the client address, or null
 * @param draftId the draft it is about, or null
 * @param draftHref the draft's whole audit trail, or null without a draft
 * @param draftVersion "version 2": the draft's version after the action, or null
 * @param draftRevision "revision 1": the revision the action is about, or null
 */
public record AuditRow(Long id, String occurredAt, String when, String actor, String action, String actionLabel,
		@Nullable String target, @Nullable String roleName, @Nullable String roleHref, @Nullable String accountId,
		@Nullable String detail, @Nullable String remoteAddress, @Nullable Long draftId, @Nullable String draftHref,
		@Nullable String draftVersion, @Nullable String draftRevision) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, String> ACTION_LABELS = Arrays.stream(AuditAction.values())
		.collect(Collectors.toUnmodifiableMap(AuditAction::name, AuditAction::label));

	/**
	 * The row of an event.
	 * @param event the event
	 * @param contextPath the request's context path ("" at the root), that links start with
	 * @return the row
	 */
	static AuditRow of(AuditEvent event, String contextPath) {
		String roleName = event.subject().roleName();
		String accountId = event.subject().accountId();
		Long draftId = event.draftId();
		String occurredAt = event.occurredAt().toString();
		return new AuditRow(event.id(), occurredAt, when(event.occurredAt(), occurredAt), event.actor(),
				event.action(), ACTION_LABELS.getOrDefault(event.action(), event.action()), event.target(), roleName,
				(roleName != null)
						? contextPath + "/audit?" + parameter("role", roleName) + "&" + parameter("account", accountId)
						: null,
				accountId, event.detail(), event.remoteAddress(), draftId,
				(draftId != null) ? contextPath + "/audit?" + parameter("draft", draftId) : null,
				(event.draftVersion() != null) ? "version " + event.draftVersion() : null,
				(event.draftRevision() != null) ? "revision " + event.draftRevision() : null);
	}

	/**
	 * The time as shown ({@code 2026-03-04 05:06:07}, UTC): cut out of the ISO-8601 text of the instant, which has it
	 * at fixed places for the years 0000 to 9999 ({@code 2026-03-04T05:06:07[.fraction]Z}); formatting each of a
	 * page's 50 times again took a thirtieth of the audit page. Other years go through the formatter.
	 */
	static String when(Instant instant, String iso) {
		boolean fixed = iso.length() >= 20 && iso.charAt(10) == 'T' && iso.charAt(19) != ':'
				&& Character.isDigit(iso.charAt(0));
		return fixed ? iso.substring(0, 10) + " " + iso.substring(11, 19) : WHEN.format(instant);
	}

	/**
	 * A query parameter as Thymeleaf's link expressions write it ({@code @{/audit(role=${...})}}), so that the links
	 * stay what they were: the value escaped with the same function, and the bare name for a null value.
	 */
	private static String parameter(String name, @Nullable Object value) {
		return (value != null) ? name + "=" + UriEscape.escapeUriQueryParam(value.toString()) : name;
	}

	/**
	 * The rows of a page of events, in their order.
	 * @param events the events
	 * @param contextPath the request's context path
	 * @return the rows
	 */
	static List<AuditRow> of(List<AuditEvent> events, String contextPath) {
		return events.stream().map((e) -> of(e, contextPath)).toList();
	}

	// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof AuditRow that
				&& Objects.equals(this.id, that.id)
				&& Objects.equals(this.occurredAt, that.occurredAt)
				&& Objects.equals(this.when, that.when)
				&& Objects.equals(this.actor, that.actor)
				&& Objects.equals(this.action, that.action)
				&& Objects.equals(this.actionLabel, that.actionLabel)
				&& Objects.equals(this.target, that.target)
				&& Objects.equals(this.roleName, that.roleName)
				&& Objects.equals(this.roleHref, that.roleHref)
				&& Objects.equals(this.accountId, that.accountId)
				&& Objects.equals(this.detail, that.detail)
				&& Objects.equals(this.remoteAddress, that.remoteAddress)
				&& Objects.equals(this.draftId, that.draftId)
				&& Objects.equals(this.draftHref, that.draftHref)
				&& Objects.equals(this.draftVersion, that.draftVersion)
				&& Objects.equals(this.draftRevision, that.draftRevision));
	}

	@Override
	public int hashCode() {
		int h = Objects.hashCode(this.id);
		h = 31 * h + Objects.hashCode(this.occurredAt);
		h = 31 * h + Objects.hashCode(this.when);
		h = 31 * h + Objects.hashCode(this.actor);
		h = 31 * h + Objects.hashCode(this.action);
		h = 31 * h + Objects.hashCode(this.actionLabel);
		h = 31 * h + Objects.hashCode(this.target);
		h = 31 * h + Objects.hashCode(this.roleName);
		h = 31 * h + Objects.hashCode(this.roleHref);
		h = 31 * h + Objects.hashCode(this.accountId);
		h = 31 * h + Objects.hashCode(this.detail);
		h = 31 * h + Objects.hashCode(this.remoteAddress);
		h = 31 * h + Objects.hashCode(this.draftId);
		h = 31 * h + Objects.hashCode(this.draftHref);
		h = 31 * h + Objects.hashCode(this.draftVersion);
		h = 31 * h + Objects.hashCode(this.draftRevision);
		return h;
	}

}
