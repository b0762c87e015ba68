package org.mlgov.console.policy.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.array;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.condition;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.evaluate;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.policy;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.statement;
import static org.mlgov.console.policy.evaluation.Outcome.ALLOWED;
import static org.mlgov.console.policy.evaluation.Outcome.IMPLICIT_DENY;
import static org.mlgov.console.policy.evaluation.Outcome.UNDECIDED;

/**
 * Truth tables of the condition operators (aws-facts.md F.3), each row through a whole evaluation: an Allow statement
 * with one condition gives {@code ALLOWED} when the condition holds, {@code IMPLICIT_DENY} when it fails and
 * {@code UNDECIDED} when it cannot be evaluated. {@code ABSENT} marks a key the request does not have.
 */
class EvaluatorConditionTests {

	/** The request has no such key. */
	static final String[] ABSENT = null;

	/** The request has the key with no value (an empty multivalued key). */
	static final String[] EMPTY = {};

	static final String TEAM = "aws:PrincipalTag/team";

	static final String TAG_KEYS = "aws:TagKeys";

	static final String SOURCE_ARN = "aws:SourceArn";

	static final String MFA = "aws:MultiFactorAuthPresent";

	static final String MFA_AGE = "aws:MultiFactorAuthAge";

	static final String ENDPOINT = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x";

	static String[] values(String... values) {
		return values;
	}

	static Stream<Arguments> truthTable() {
		return Stream.of(
				// StringEquals: exact, case-sensitive; several policy values are ORed; * is literal.
				row("StringEquals", TEAM, array("a"), values("a"), ALLOWED),
				row("StringEquals", TEAM, array("a"), values("A"), IMPLICIT_DENY),
				row("StringEquals", TEAM, array("a", "b"), values("b"), ALLOWED),
				row("StringEquals", TEAM, array("a"), ABSENT, IMPLICIT_DENY),
				row("StringEquals", TEAM, array("a"), EMPTY, IMPLICIT_DENY),
				row("StringEquals", TEAM, array("a*"), values("abc"), IMPLICIT_DENY),
				row("StringEquals", TEAM, array("a*"), values("a*"), ALLOWED),
				row("StringEquals", TEAM, "\"a\"", values("a"), ALLOWED),
				// StringNotEquals: must equal none of the values; absent key → true.
				row("StringNotEquals", TEAM, array("a"), values("a"), IMPLICIT_DENY),
				row("StringNotEquals", TEAM, array("a"), values("b"), ALLOWED),
				row("StringNotEquals", TEAM, array("a", "b"), values("b"), IMPLICIT_DENY),
				row("StringNotEquals", TEAM, array("a"), ABSENT, ALLOWED),
				// Ignore-case variants.
				row("StringEqualsIgnoreCase", TEAM, array("a"), values("A"), ALLOWED),
				row("StringEqualsIgnoreCase", TEAM, array("a"), values("b"), IMPLICIT_DENY),
				row("StringNotEqualsIgnoreCase", TEAM, array("a"), values("A"), IMPLICIT_DENY),
				row("StringNotEqualsIgnoreCase", TEAM, array("a"), ABSENT, ALLOWED),
				// StringLike: * and ? over the whole value, case-sensitive.
				row("StringLike", TEAM, array("a*"), values("abc"), ALLOWED),
				row("StringLike", TEAM, array("a?c"), values("abc"), ALLOWED),
				row("StringLike", TEAM, array("a?c"), values("ac"), IMPLICIT_DENY),
				row("StringLike", TEAM, array("A*"), values("abc"), IMPLICIT_DENY),
				row("StringLike", TEAM, array("x*", "a*"), values("abc"), ALLOWED),
				row("StringLike", TEAM, array("*"), ABSENT, IMPLICIT_DENY),
				row("StringLike", TEAM, array("a*:x"), values("ab:cd:x"), ALLOWED),
				// StringNotLike: matches none of the patterns; absent key → true.
				row("StringNotLike", TEAM, array("a*"), values("abc"), IMPLICIT_DENY),
				row("StringNotLike", TEAM, array("a*"), values("xbc"), ALLOWED),
				row("StringNotLike", TEAM, array("a*", "x*"), values("xbc"), IMPLICIT_DENY),
				row("StringNotLike", TEAM, array("a*"), ABSENT, ALLOWED),
				// ARN operators: part by part; ArnEquals takes wildcards like ArnLike.
				row("ArnLike", SOURCE_ARN, array("arn:aws:sagemaker:*:111122223333:endpoint/*"), values(ENDPOINT),
						ALLOWED),
				row("ArnLike", SOURCE_ARN, array("arn:aws:sagemaker:*:444455556666:endpoint/*"), values(ENDPOINT),
						IMPLICIT_DENY),
				row("ArnLike", SOURCE_ARN, array("arn:aws:sagemaker:us-east-1*:endpoint/x"), values(ENDPOINT),
						IMPLICIT_DENY),
				row("StringLike", SOURCE_ARN, array("arn:aws:sagemaker:us-east-1*:endpoint/x"), values(ENDPOINT),
						ALLOWED),
				row("ArnLike", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/*"), ABSENT, IMPLICIT_DENY),
				row("ArnLike", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/*"), values("endpoint/x"),
						IMPLICIT_DENY),
				row("ArnEquals", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/*"), values(ENDPOINT), ALLOWED),
				row("ArnEquals", SOURCE_ARN, array(ENDPOINT), values(ENDPOINT + "2"), IMPLICIT_DENY),
				row("ArnNotLike", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/*"), values(ENDPOINT),
						IMPLICIT_DENY),
				row("ArnNotLike", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/y"), values(ENDPOINT), ALLOWED),
				row("ArnNotLike", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/*"), ABSENT, ALLOWED),
				row("ArnNotEquals", SOURCE_ARN, array(ENDPOINT), values(ENDPOINT), IMPLICIT_DENY),
				row("ArnNotEquals", SOURCE_ARN, array(ENDPOINT), ABSENT, ALLOWED),
				// Null: "true" means the key is absent, "false" that it is present.
				row("Null", TEAM, array("true"), ABSENT, ALLOWED),
				row("Null", TEAM, array("true"), values("a"), IMPLICIT_DENY),
				row("Null", TEAM, array("false"), values("a"), ALLOWED),
				row("Null", TEAM, array("false"), ABSENT, IMPLICIT_DENY),
				row("Null", TEAM, "true", ABSENT, ALLOWED),
				row("Null", TAG_KEYS, array("true"), EMPTY, ALLOWED),
				row("Null", TEAM, array("*"), values("a"), UNDECIDED),
				// Bool: "true"/"false", case-insensitive; absent → false.
				row("Bool", MFA, array("true"), values("true"), ALLOWED),
				row("Bool", MFA, "true", values("TRUE"), ALLOWED),
				row("Bool", MFA, array("true"), values("false"), IMPLICIT_DENY),
				row("Bool", MFA, array("false"), values("false"), ALLOWED),
				row("Bool", MFA, array("true"), ABSENT, IMPLICIT_DENY),
				// Numeric operators.
				row("NumericLessThanEquals", MFA_AGE, array("3600"), values("3600"), ALLOWED),
				row("NumericLessThanEquals", MFA_AGE, "3600", values("10"), ALLOWED),
				row("NumericLessThanEquals", MFA_AGE, array("3600"), values("3601"), IMPLICIT_DENY),
				row("NumericLessThanEquals", MFA_AGE, array("3600"), values("3600.0"), ALLOWED),
				row("NumericLessThanEquals", MFA_AGE, array("3600"), ABSENT, IMPLICIT_DENY),
				row("NumericLessThanEquals", MFA_AGE, array("one hour"), values("10"), UNDECIDED),
				row("NumericLessThanEquals", MFA_AGE, array("3600"), values("ten"), UNDECIDED),
				row("NumericLessThan", MFA_AGE, array("3600"), values("3600"), IMPLICIT_DENY),
				row("NumericLessThan", MFA_AGE, array("3600"), values("3599"), ALLOWED),
				row("NumericGreaterThan", MFA_AGE, array("3600"), values("3601"), ALLOWED),
				row("NumericGreaterThan", MFA_AGE, array("3600"), values("3600"), IMPLICIT_DENY),
				row("NumericGreaterThanEquals", MFA_AGE, array("3600"), values("3600"), ALLOWED),
				row("NumericEquals", MFA_AGE, array("10", "20"), values("20"), ALLOWED),
				row("NumericEquals", MFA_AGE, array("10", "20"), values("30"), IMPLICIT_DENY),
				row("NumericNotEquals", MFA_AGE, array("10", "20"), values("20"), IMPLICIT_DENY),
				row("NumericNotEquals", MFA_AGE, array("10", "20"), values("30"), ALLOWED),
				row("NumericNotEquals", MFA_AGE, array("10"), ABSENT, ALLOWED),
				// …IfExists: an absent key makes the condition true; a present one is compared as usual.
				row("StringEqualsIfExists", TEAM, array("a"), ABSENT, ALLOWED),
				row("StringEqualsIfExists", TEAM, array("a"), values("a"), ALLOWED),
				row("StringEqualsIfExists", TEAM, array("a"), values("b"), IMPLICIT_DENY),
				row("StringLikeIfExists", TEAM, array("a*"), ABSENT, ALLOWED),
				row("StringNotLikeIfExists", TEAM, array("a*"), ABSENT, ALLOWED),
				row("StringNotLikeIfExists", TEAM, array("a*"), values("abc"), IMPLICIT_DENY),
				row("ArnLikeIfExists", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/y"), ABSENT, ALLOWED),
				row("ArnLikeIfExists", SOURCE_ARN, array("arn:aws:sagemaker:*:*:endpoint/y"), values(ENDPOINT),
						IMPLICIT_DENY),
				row("BoolIfExists", MFA, array("true"), ABSENT, ALLOWED),
				row("BoolIfExists", MFA, array("false"), values("true"), IMPLICIT_DENY),
				row("NumericLessThanEqualsIfExists", MFA_AGE, array("3600"), ABSENT, ALLOWED),
				row("NumericLessThanEqualsIfExists", MFA_AGE, array("3600"), values("7200"), IMPLICIT_DENY),
				// ForAnyValue: some request value matches; no value → false.
				row("ForAnyValue:StringEquals", TAG_KEYS, array("a", "b"), values("a", "c"), ALLOWED),
				row("ForAnyValue:StringEquals", TAG_KEYS, array("a", "b"), values("c"), IMPLICIT_DENY),
				row("ForAnyValue:StringEquals", TAG_KEYS, array("a", "b"), ABSENT, IMPLICIT_DENY),
				row("ForAnyValue:StringEquals", TAG_KEYS, array("a", "b"), EMPTY, IMPLICIT_DENY),
				row("ForAnyValue:StringLike", TAG_KEYS, array("a*"), values("xa", "ab"), ALLOWED),
				row("ForAnyValue:StringNotEquals", TAG_KEYS, array("a"), values("a", "b"), ALLOWED),
				row("ForAnyValue:StringNotEquals", TAG_KEYS, array("a"), values("a"), IMPLICIT_DENY),
				row("ForAnyValue:StringEqualsIfExists", TAG_KEYS, array("a"), ABSENT, ALLOWED),
				// ForAllValues: every request value matches; no value → true.
				row("ForAllValues:StringEquals", TAG_KEYS, array("a", "b"), values("a", "b"), ALLOWED),
				row("ForAllValues:StringEquals", TAG_KEYS, array("a", "b"), values("a"), ALLOWED),
				row("ForAllValues:StringEquals", TAG_KEYS, array("a", "b"), values("a", "c"), IMPLICIT_DENY),
				row("ForAllValues:StringEquals", TAG_KEYS, array("a", "b"), ABSENT, ALLOWED),
				row("ForAllValues:StringEquals", TAG_KEYS, array("a", "b"), EMPTY, ALLOWED),
				row("ForAllValues:StringLike", TAG_KEYS, array("a*"), values("ab", "ac"), ALLOWED),
				row("ForAllValues:StringLike", TAG_KEYS, array("a*"), values("ab", "x"), IMPLICIT_DENY),
				row("ForAllValues:StringNotLike", TAG_KEYS, array("a*"), values("x", "y"), ALLOWED),
				row("ForAllValues:StringNotLike", TAG_KEYS, array("a*"), values("x", "ab"), IMPLICIT_DENY),
				row("ForAllValues:StringEqualsIfExists", TAG_KEYS, array("a"), ABSENT, ALLOWED),
				// A single-valued comparison of several request values is not guessed.
				row("StringEquals", TAG_KEYS, array("a"), values("a", "b"), UNDECIDED),
				row("StringNotEquals", TAG_KEYS, array("c"), values("a", "b"), UNDECIDED),
				// Operators the evaluator does not compute, or that IAM does not know.
				row("DateGreaterThan", "aws:TokenIssueTime", array("2020-01-01T00:00:00Z"),
						values("2024-01-01T00:00:00Z"), UNDECIDED),
				row("IpAddress", "aws:SourceIp", array("10.0.0.0/8"), values("10.1.2.3"), UNDECIDED),
				row("StringMatches", TEAM, array("a"), values("a"), UNDECIDED),
				row("stringequals", TEAM, array("a"), values("a"), UNDECIDED),
				row("ForSomeValues:StringEquals", TAG_KEYS, array("a"), values("a"), UNDECIDED),
				row("NullIfExists", TEAM, array("true"), ABSENT, UNDECIDED),
				row("ForAnyValue:Null", TAG_KEYS, array("true"), ABSENT, UNDECIDED),
				row("StringEquals", TEAM, "{\"x\": 1}", values("a"), UNDECIDED));
	}

	static Arguments row(String operator, String key, String policyValues, String[] requestValues,
			Outcome expected) {
		return arguments(operator, key, policyValues,
				(requestValues == null) ? null : Arrays.asList(requestValues), expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} with {3}: {4}")
	@MethodSource("truthTable")
	void operatorTruthTable(String operator, String key, String policyValues, List<String> requestValues,
			Outcome expected) {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition(operator, key, policyValues)));
		EvaluationRequest request = EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::bucket/key");
		if (requestValues != null) {
			request = request.with(key, requestValues.toArray(String[]::new));
		}
		Decision decision = evaluate(policy, request);
		assertThat(decision.outcome()).as(decision.reason()).isEqualTo(expected);
		assertThat(decision.notes()).singleElement()
			.extracting(StatementNote::match)
			.isEqualTo(switch (expected) {
				case ALLOWED -> StatementNote.Match.MATCHES;
				case IMPLICIT_DENY -> StatementNote.Match.DOES_NOT_MATCH;
				default -> StatementNote.Match.UNDECIDED;
			});
		if (expected == UNDECIDED) {
			assertThat(decision.policy()).isEqualTo("P");
			assertThat(decision.reason()).startsWith("Undecided: ");
		}
	}

	@Test
	void conditionKeyNamesIgnoreCaseButValuesDoNot() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("StringEquals", "AWS:principaltag/TEAM", array("Blue"))));
		EvaluationRequest request = EvaluationRequest.of("s3:GetObject", "*");
		assertThat(evaluate(policy, request.with("aws:PrincipalTag/team", "Blue")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, request.with("aws:PrincipalTag/team", "blue")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void severalKeysAndOperatorsAreAnded() {
		String conditions = "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\", \"aws:PrincipalTag/unit\": "
				+ "[\"x\", \"y\"]}, \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}";
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*", conditions));
		EvaluationRequest all = EvaluationRequest.of("s3:GetObject", "*")
			.with("aws:PrincipalTag/team", "a")
			.with("aws:PrincipalTag/unit", "y")
			.with("aws:MultiFactorAuthPresent", "true");
		assertThat(evaluate(policy, all).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, all.with("aws:PrincipalTag/unit", "z")).outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(policy, all.with("aws:MultiFactorAuthPresent", "false")).outcome())
			.isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(policy, all.with("aws:PrincipalTag/team", "b")).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void aFalseConditionDecidesEvenWhenAnotherCannotBeEvaluated() {
		String conditions = "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\"}, "
				+ "\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}}";
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*", conditions));
		EvaluationRequest request = EvaluationRequest.of("s3:GetObject", "*");
		assertThat(evaluate(policy, request.with("aws:PrincipalTag/team", "b")).outcome()).isEqualTo(IMPLICIT_DENY);
		Decision open = evaluate(policy, request.with("aws:PrincipalTag/team", "a"));
		assertThat(open.outcome()).isEqualTo(UNDECIDED);
		assertThat(open.reason()).contains("DateLessThan aws:CurrentTime").contains("not evaluated offline");
	}

	@Test
	void aKeyEveryRequestCarriesIsUndecidedWhenTheContextDoesNotGiveIt() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("StringEquals", "aws:RequestedRegion", array("us-east-1"))));
		EvaluationRequest request = EvaluationRequest.of("s3:GetObject", "*");
		Decision unknown = evaluate(policy, request);
		assertThat(unknown.outcome()).isEqualTo(UNDECIDED);
		assertThat(unknown.reason()).contains("aws:RequestedRegion is in every real request");
		assertThat(evaluate(policy, request.with("aws:RequestedRegion", "us-east-1")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, request.with("aws:RequestedRegion", "eu-west-1")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void nullOnAKeyEveryRequestCarriesIsDecided() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("Null", "aws:PrincipalArn", array("false"))));
		assertThat(evaluate(policy, EvaluationRequest.of("s3:GetObject", "*")).outcome()).isEqualTo(ALLOWED);
	}

}
