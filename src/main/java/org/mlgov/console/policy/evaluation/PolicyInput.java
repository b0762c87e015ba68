package org.mlgov.console.policy.evaluation;

import java.util.Objects;

/**
 * One named policy document of a role, for the {@link PolicyEvaluator}: an identity policy (inline, customer managed
 * or AWS managed) or the document of the role's permissions boundary. The JSON is parsed once, when the input is
 * made, so one input can be evaluated against many requests.
 * <p>
 * A policy whose document is not available offline (an AWS managed policy the catalogue does not copy) is still an
 * input, made with {@link #unavailable}: it might allow or deny anything, so the evaluator cannot decide a request
 * that nothing else explicitly denies.
 */
public final class PolicyInput {

	/** Where the document comes from; informative only (every kind is evaluated the same way). */
	public enum Kind {

		/** Embedded in the role. */
		INLINE,
		/** A customer managed policy. */
		CUSTOMER_MANAGED,
		/** An AWS managed policy. */
		AWS_MANAGED

	}

	private final String name;

	private final Kind kind;

	private final String json;

	private final ParsedPolicy document;

	private final String unavailableReason;

	private PolicyInput(String name, Kind kind, String json, ParsedPolicy document, String unavailableReason) {
		this.name = Objects.requireNonNull(name, "name");
		this.kind = Objects.requireNonNull(kind, "kind");
		this.json = json;
		this.document = document;
		this.unavailableReason = unavailableReason;
	}

	/**
	 * A policy with its document.
	 * @param name the policy name shown in decisions
	 * @param kind where it comes from
	 * @param json the policy document
	 * @return the parsed input
	 * @throws IllegalArgumentException if the text is not a JSON object with a {@code Statement}
	 */
	public static PolicyInput of(String name, Kind kind, String json) {
		Objects.requireNonNull(json, "json");
		return new PolicyInput(name, kind, json, PolicyParser.parse(json), null);
	}

	/**
	 * A policy attached to the role whose document is not known here.
	 * @param name the policy name
	 * @param kind where it comes from
	 * @param reason why the document is not available, shown in decisions
	 * @return the input
	 */
	public static PolicyInput unavailable(String name, Kind kind, String reason) {
		return new PolicyInput(name, kind, null, null, Objects.requireNonNull(reason, "reason"));
	}

	public String name() {
		return this.name;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The document as given, or null when it is {@linkplain #isAvailable() not available}. */
	public String json() {
		return this.json;
	}

	public boolean isAvailable() {
		return this.document != null;
	}

	/** Why the document is not available, or null. */
	public String unavailableReason() {
		return this.unavailableReason;
	}

	ParsedPolicy document() {
		return this.document;
	}

	@Override
	public String toString() {
		return this.kind + " " + this.name;
	}

}
