package org.mlgov.console.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditQuery;

/**
 * The audit page's filters as typed in its form (the request parameters {@code user}, {@code draft},
 * {@code action}, {@code from} and {@code to}), checked. A value that cannot be used gets a message for its field
 * and does not filter; the others make up the {@link #getQuery() query}.
 */
public final class AuditFilters {

	/** A date with a four-digit year; {@link LocalDate#parse} then refuses days that do not exist. */
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** A positive number that fits in a {@code long}. */
	private static final Pattern DRAFT_ID = Pattern.compile("[1-9]\\d{0,17}");

	private final Map<String, String> typed = new LinkedHashMap<>();

	private final Map<String, String> errors = new LinkedHashMap<>();

	private final AuditQuery query;

	/** An account id: twelve digits. */
	private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

	/** An IAM role name. */
	private static final Pattern ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");

	/** A SageMaker user profile name. */
	private static final Pattern PROFILE = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

	AuditFilters(String user, String draft, String action, String from, String to, String role, String account,
			String profile) {
		this.typed.put("role", strip(role));
		this.typed.put("account", strip(account));
		this.typed.put("profile", strip(profile));
		this.typed.put("user", strip(user));
		this.typed.put("draft", strip(draft));
		this.typed.put("action", strip(action));
		this.typed.put("from", strip(from));
		this.typed.put("to", strip(to));
		Long draftId = draftId(this.typed.get("draft"));
		AuditAction auditAction = action(this.typed.get("action"));
		LocalDate fromDay = day("from", this.typed.get("from"));
		LocalDate toDay = day("to", this.typed.get("to"));
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			this.errors.put("to", "The last day comes before the first day (" + fromDay + ").");
			toDay = null;
		}
		String roleName = checked("role", ROLE, "Enter a role name as IAM spells it, such as SageMaker-Canvas.");
		String accountId = checked("account", ACCOUNT, "Enter a 12-digit account number.");
		String userProfile = checked("profile", PROFILE, "Enter a user profile name, such as alice.");
		this.query = new AuditQuery(this.typed.get("user"), draftId, auditAction, fromDay, toDay, roleName, accountId,
				userProfile, java.util.List.of());
	}

	/**
	 * The values as typed, by parameter name, for showing them again.
	 * @return the typed values, empty strings for the missing ones
	 */
	public Map<String, String> getTyped() {
		return this.typed;
	}

	/**
	 * A message for each value that cannot be used, by parameter name.
	 * @return the messages
	 */
	public Map<String, String> getErrors() {
		return this.errors;
	}

	/**
	 * A value as typed, for the form (a public method, so that the page's compiled SpEL calls it directly: the maps
	 * above are read through reflection).
	 * @param name the parameter's name
	 * @return the value as typed, empty when missing
	 */
	public String value(String name) {
		return this.typed.getOrDefault(name, "");
	}

	/**
	 * The message for a value that cannot be used.
	 * @param name the parameter's name
	 * @return the message, or null when the value is usable or missing
	 */
	public String error(String name) {
		return this.errors.get(name);
	}

	/**
	 * The usable filters.
	 * @return the query
	 */
	public AuditQuery getQuery() {
		return this.query;
	}

	/**
	 * A link to {@code path} with the usable filters and a page number.
	 * @param path a path such as {@code /audit}
	 * @param page the page, left out when it is the first
	 * @return the path and its query string
	 */
	public String link(String path, int page) {
		StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
		add(parameters, "user", this.query.actor());
		add(parameters, "draft", this.query.draftId());
		add(parameters, "action", (this.query.action() != null) ? this.query.action().name() : null);
		add(parameters, "from", this.query.from());
		add(parameters, "to", this.query.to());
		add(parameters, "role", this.query.roleName());
		add(parameters, "account", this.query.accountId());
		add(parameters, "profile", this.query.userProfile());
		add(parameters, "page", (page > 1) ? page : null);
		return path + parameters;
	}

	private String checked(String field, Pattern pattern, String message) {
		String value = this.typed.get(field);
		if (value.isEmpty()) {
			return null;
		}
		if (pattern.matcher(value).matches()) {
			return value;
		}
		this.errors.put(field, message);
		return null;
	}

	private Long draftId(String draft) {
		if (draft.isEmpty()) {
			return null;
		}
		if (DRAFT_ID.matcher(draft).matches()) {
			return Long.valueOf(draft);
		}
		this.errors.put("draft", "Enter a draft number, such as 42.");
		return null;
	}

	private AuditAction action(String action) {
		if (action.isEmpty()) {
			return null;
		}
		Optional<AuditAction> known = Arrays.stream(AuditAction.values())
			.filter((candidate) -> candidate.name().equals(action))
			.findFirst();
		if (known.isEmpty()) {
			this.errors.put("action", "Choose one of the listed actions.");
		}
		return known.orElse(null);
	}

	private LocalDate day(String field, String value) {
		if (value.isEmpty()) {
			return null;
		}
		LocalDate day = DATE.matcher(value).matches() ? parseDate(value) : null;
		if (day == null) {
			this.errors.put(field, "Enter a date as YYYY-MM-DD, such as 2026-03-31.");
		}
		return day;
	}

	private static LocalDate parseDate(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static void add(StringJoiner parameters, String name, Object value) {
		if (value != null) {
			parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
		}
	}

	private static String strip(String value) {
		return (value == null) ? "" : value.strip();
	}

}
