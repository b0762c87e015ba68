package org.mlgov.console.policy.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.mlgov.console.policy.evaluation.PolicyVariables.Substitution;

/**
 * Evaluates one key under one condition operator, following IAM (aws-facts.md F.3):
 * <ul>
 * <li>several values for one key are ORed; for a negated operator ({@code StringNotEquals}, {@code StringNotLike},
 * {@code ArnNotLike}, {@code NumericNotEquals}, …) the request value must match none of them;</li>
 * <li>a key absent from the request makes a positive operator false and a negated one true; {@code …IfExists} makes
 * any operator true; {@code Null} is true for {@code "true"} when the key is absent, for {@code "false"} when it is
 * present;</li>
 * <li>{@code ForAnyValue:} is true when some request value satisfies the operator (false without values),
 * {@code ForAllValues:} when every request value does (true without values);</li>
 * <li>without a set operator, a key with several request values is undecidable (IAM compares a multivalued key only
 * through {@code ForAnyValue:}/{@code ForAllValues:});</li>
 * <li>policy variables are substituted in String, ARN and Bool values, not in Numeric or Null values;</li>
 * <li>String and ARN comparisons are case-sensitive except the {@code …IgnoreCase} operators; Bool ignores case.</li>
 * </ul>
 * Date, IP address and binary operators are recognised but not evaluated offline, and an operator IAM does not know
 * cannot be evaluated: both give {@link Truth#UNKNOWN} with the reason.
 */
final class Conditions {

	/** What the request holds for a key, as the evaluator has determined it. */
	sealed interface KeyState {

		/** The key is in the request with these values (at least one). */
		record Present(List<String> values) implements KeyState {
		}

		/** The key is not in the request; {@code why} says so in words when it is not simply missing, else null. */
		record Absent(String why) implements KeyState {
		}

		/** The key is in every real request, but its value is not known offline. */
		record Unknowable(String reason) implements KeyState {
		}

	}

	/** The truth of one condition entry and a sentence part explaining it. */
	record Result(Truth truth, String explanation) {
	}

	private enum Family {

		STRING, ARN, NUMERIC, BOOL, NULL

	}

	/** The base operators (without set qualifier or IfExists) the evaluator can compute. */
	private enum Operator {

		STRING_EQUALS("StringEquals", Family.STRING, false),
		STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
		STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
		STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
		STRING_LIKE("StringLike", Family.STRING, false),
		STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
		ARN_EQUALS("ArnEquals", Family.ARN, false),
		ARN_LIKE("ArnLike", Family.ARN, false),
		ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
		ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
		NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
		NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
		NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
		NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
		NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
		NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
		BOOL("Bool", Family.BOOL, false),
		NULL("Null", Family.NULL, false);

		private final String iamName;

		private final Family family;

		private final boolean negated;

		Operator(String iamName, Family family, boolean negated) {
			this.iamName = iamName;
			this.family = family;
			this.negated = negated;
		}

		static Operator named(String name) {
			for (Operator operator : values()) {
				if (operator.iamName.equals(name)) {
					return operator;
				}
			}
			return null;
		}

	}

	/** IAM operators this evaluator recognises but does not compute offline. */
	private static final List<String> NOT_EVALUATED = List.of("DateEquals", "DateNotEquals", "DateLessThan",
			"DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "IpAddress", "NotIpAddress",
			"BinaryEquals");

	private enum SetQualifier {

		NONE, FOR_ANY_VALUE, FOR_ALL_VALUES

	}

	private static final String IF_EXISTS = "IfExists";

	private Conditions() {
	}

	static Result evaluate(ParsedPolicy.Condition condition, KeyState state, boolean variablesEnabled,
			EvaluationRequest request) {
		String written = condition.operator() + " " + condition.key();
		if (condition.problem() != null) {
			return unknown(written + " cannot be read: " + condition.problem());
		}
		String name = condition.operator();
		SetQualifier set = SetQualifier.NONE;
		if (name.startsWith("ForAnyValue:")) {
			set = SetQualifier.FOR_ANY_VALUE;
			name = name.substring("ForAnyValue:".length());
		}
		else if (name.startsWith("ForAllValues:")) {
			set = SetQualifier.FOR_ALL_VALUES;
			name = name.substring("ForAllValues:".length());
		}
		boolean ifExists = name.endsWith(IF_EXISTS) && name.length() > IF_EXISTS.length();
		String baseName = ifExists ? name.substring(0, name.length() - IF_EXISTS.length()) : name;
		Operator operator = Operator.named(baseName);
		if (operator == null) {
			return unknown(written + " is undecided: the condition operator " + condition.operator()
					+ (NOT_EVALUATED.contains(baseName) ? " is not evaluated offline" : " is unknown"));
		}
		if (operator == Operator.NULL && (ifExists || set != SetQualifier.NONE)) {
			return unknown(written + " is undecided: the condition operator " + condition.operator()
					+ " is not valid (Null takes no IfExists and no set qualifier)");
		}
		if (operator == Operator.NULL) {
			return nullCondition(written, condition.values(), state);
		}
		if (state instanceof KeyState.Absent absent) {
			return absentKey(written, operator, set, ifExists, absent);
		}
		if (state instanceof KeyState.Unknowable unknowable) {
			return unknown(written + " is undecided: " + unknowable.reason());
		}
		List<String> requestValues = ((KeyState.Present) state).values();
		Comparison comparison = new Comparison(operator, condition.values(), variablesEnabled, request);
		return switch (set) {
			case FOR_ANY_VALUE -> {
				Truth truth = Truth.FALSE;
				for (String value : requestValues) {
					truth = truth.or(comparison.test(value));
				}
				yield result(truth, written, "some request value " + requestValues, comparison.reason());
			}
			case FOR_ALL_VALUES -> {
				Truth truth = Truth.TRUE;
				for (String value : requestValues) {
					truth = truth.and(comparison.test(value));
				}
				yield result(truth, written, "every request value " + requestValues, comparison.reason());
			}
			case NONE -> {
				if (requestValues.size() > 1) {
					yield unknown(written + " is undecided: the request has " + requestValues.size()
							+ " values for the key and the operator has no ForAnyValue:/ForAllValues: qualifier");
				}
				yield result(comparison.test(requestValues.get(0)), written,
						"request value '" + requestValues.get(0) + "'", comparison.reason());
			}
		};
	}

	private static Result nullCondition(String written, List<String> policyValues, KeyState state) {
		boolean absent = state instanceof KeyState.Absent;
		Truth truth = Truth.FALSE;
		for (String value : policyValues) {
			if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
				return unknown(written + " is undecided: Null takes \"true\" or \"false\", not '" + value + "'");
			}
			truth = truth.or(Truth.of(value.equalsIgnoreCase("true") == absent));
		}
		return new Result(truth, written + " " + policyValues + " is " + word(truth) + ": the key is "
				+ (absent ? "absent" + because(state) : "present"));
	}

	private static Result absentKey(String written, Operator operator, SetQualifier set, boolean ifExists,
			KeyState.Absent absent) {
		Truth truth;
		String rule;
		if (ifExists) {
			truth = Truth.TRUE;
			rule = "…IfExists holds when the key is absent";
		}
		else if (set == SetQualifier.FOR_ALL_VALUES) {
			truth = Truth.TRUE;
			rule = "ForAllValues: holds when the key has no value";
		}
		else if (set == SetQualifier.FOR_ANY_VALUE) {
			truth = Truth.FALSE;
			rule = "ForAnyValue: fails when the key has no value";
		}
		else {
			truth = Truth.of(operator.negated);
			rule = operator.negated ? "a negated operator holds when the key is absent"
					: "a positive operator fails when the key is absent";
		}
		return new Result(truth, written + " is " + word(truth) + ": the key is absent" + because(absent) + " ("
				+ rule + ")");
	}

	private static String because(KeyState state) {
		return (state instanceof KeyState.Absent absent && absent.why() != null) ? " (" + absent.why() + ")" : "";
	}

	private static Result result(Truth truth, String written, String subject, String unknownReason) {
		if (truth == Truth.UNKNOWN) {
			return unknown(written + " is undecided: " + unknownReason);
		}
		return new Result(truth, written + " is " + word(truth) + " for " + subject);
	}

	private static Result unknown(String reason) {
		return new Result(Truth.UNKNOWN, reason);
	}

	private static String word(Truth truth) {
		return truth.name().toLowerCase(Locale.ROOT);
	}

	/** One request value against the policy values of one base operator. */
	private static final class Comparison {

		private final Operator operator;

		private final List<String> policyValues;

		private final boolean variablesEnabled;

		private final EvaluationRequest request;

		private String reason;

		Comparison(Operator operator, List<String> policyValues, boolean variablesEnabled, EvaluationRequest request) {
			this.operator = operator;
			this.policyValues = policyValues;
			this.variablesEnabled = variablesEnabled;
			this.request = request;
		}

		/** Why the last undecided comparison was undecided. */
		String reason() {
			return this.reason;
		}

		/** True if the value matches some policy value (negated: none). */
		Truth test(String requestValue) {
			Truth any = Truth.FALSE;
			for (String policyValue : this.policyValues) {
				any = any.or(matches(policyValue, requestValue));
			}
			return this.operator.negated ? any.not() : any;
		}

		/** The positive form of the operator for one policy value. */
		private Truth matches(String policyValue, String requestValue) {
			if (this.operator.family == Family.NUMERIC) {
				return numeric(policyValue, requestValue);
			}
			Substitution substitution = PolicyVariables.substitute(policyValue, this.variablesEnabled, this.request);
			if (substitution instanceof Substitution.Unknown unknown) {
				this.reason = unknown.reason();
				return Truth.UNKNOWN;
			}
			if (substitution instanceof Substitution.Absent) {
				// IAM: an unresolvable variable makes the comparison fail (and its negation hold).
				return Truth.FALSE;
			}
			Glob glob = ((Substitution.Resolved) substitution).glob();
			return Truth.of(switch (this.operator) {
				case STRING_EQUALS, STRING_NOT_EQUALS -> glob.literalText().equals(requestValue);
				case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
					glob.literalText().equalsIgnoreCase(requestValue);
				case STRING_LIKE, STRING_NOT_LIKE -> Wildcards.stringLike(glob, requestValue, false);
				case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> Wildcards.arnLike(glob, requestValue);
				case BOOL -> glob.literalText().equalsIgnoreCase(requestValue);
				default -> throw new IllegalStateException("not a string operator: " + this.operator);
			});
		}

		private Truth numeric(String policyValue, String requestValue) {
			BigDecimal limit = number(policyValue);
			BigDecimal value = number(requestValue);
			if (limit == null || value == null) {
				this.reason = "'" + ((limit == null) ? policyValue : requestValue) + "' is not a number";
				return Truth.UNKNOWN;
			}
			int order = value.compareTo(limit);
			return Truth.of(switch (this.operator) {
				case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> order == 0;
				case NUMERIC_LESS_THAN -> order < 0;
				case NUMERIC_LESS_THAN_EQUALS -> order <= 0;
				case NUMERIC_GREATER_THAN -> order > 0;
				case NUMERIC_GREATER_THAN_EQUALS -> order >= 0;
				default -> throw new IllegalStateException("not a numeric operator: " + this.operator);
			});
		}

		private static BigDecimal number(String text) {
			try {
				return new BigDecimal(text.trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
