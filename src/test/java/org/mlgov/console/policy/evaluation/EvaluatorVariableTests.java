package org.mlgov.console.policy.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.allow;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.array;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.condition;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.evaluate;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.policy;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.statement;
import static org.mlgov.console.policy.evaluation.Outcome.ALLOWED;
import static org.mlgov.console.policy.evaluation.Outcome.EXPLICIT_DENY;
import static org.mlgov.console.policy.evaluation.Outcome.IMPLICIT_DENY;
import static org.mlgov.console.policy.evaluation.Outcome.UNDECIDED;

/**
 * Policy variables (aws-facts.md F.4): substituted from the request context in Resource and in String, ARN and Bool
 * condition values. A variable whose key the context does not mention is undecided unless the rest of the statement
 * decides; a key given with no value is absent, and then IAM's rule applies (a Resource matches nothing, a positive
 * condition fails, a negated one holds).
 */
class EvaluatorVariableTests {

	static final String HOME = "arn:aws:s3:::home/${aws:username}/*";

	static final EvaluationRequest ALICE_OBJECT = EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::home/alice/f");

	@Test
	void aResourceVariableIsSubstituted() {
		PolicyInput policy = policy("P", allow("s3:GetObject", HOME));
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username", "alice")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, ALICE_OBJECT.with("AWS:UserName", "alice")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username", "bob")).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void aVariableWithoutValueInTheContextIsUndecided() {
		Decision decision = evaluate(policy("P", allow("s3:GetObject", HOME)), ALICE_OBJECT);
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.reason()).contains("Resource 'arn:aws:s3:::home/${aws:username}/*' is undecided: the "
				+ "policy variable ${aws:username} has no value in the request context");
	}

	@Test
	void aKeyGivenWithoutValueIsAbsentAndTheResourceMatchesNothing() {
		// A role session has no aws:username: the caller says so with an empty list.
		Decision decision = evaluate(policy("P", allow("s3:GetObject", HOME)), ALICE_OBJECT.with("aws:username"));
		assertThat(decision.outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void anUnresolvableVariableInNotResourceLeavesTheResourceCovered() {
		PolicyInput policy = policy("P", allow("s3:GetObject", "*"), statement("Deny", "Action", "s3:GetObject",
				"NotResource", HOME, null));
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username")).outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username", "alice")).outcome()).isEqualTo(ALLOWED);
	}

	@Test
	void anotherResourceEntryCanDecideWithoutTheVariable() {
		PolicyInput policy = policy("P", allow("s3:GetObject", array(HOME, "arn:aws:s3:::home/*")));
		assertThat(evaluate(policy, ALICE_OBJECT).outcome()).isEqualTo(ALLOWED);
	}

	@Test
	void aFalseActionOrConditionDecidesWithoutTheVariable() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", HOME,
				condition("StringEquals", "aws:PrincipalTag/team", array("a"))));
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:PrincipalTag/team", "b")).outcome())
			.isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(policy, EvaluationRequest.of("s3:PutObject", "arn:aws:s3:::home/alice/f")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void aDefaultIsUsedWhenTheKeyHasNoValue() {
		PolicyInput policy = policy("P", allow("s3:GetObject", "arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}/*"));
		EvaluationRequest shared = EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::shared/f");
		assertThat(evaluate(policy, shared).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, shared.with("aws:PrincipalTag/team")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, shared.with("aws:PrincipalTag/team", "blue")).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void conditionVariablesFollowIamsUnresolvedRule() {
		PolicyInput positive = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("StringEquals", "aws:ResourceTag/owner", "\"${aws:username}\"")));
		PolicyInput negated = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("StringNotEquals", "aws:ResourceTag/owner", "\"${aws:username}\"")));
		EvaluationRequest owned = ALICE_OBJECT.with("aws:ResourceTag/owner", "alice");
		assertThat(evaluate(positive, owned.with("aws:username", "alice")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(negated, owned.with("aws:username", "alice")).outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(positive, owned.with("aws:username")).outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(negated, owned.with("aws:username")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(positive, owned).outcome()).isEqualTo(UNDECIDED);
		assertThat(evaluate(negated, owned).outcome()).isEqualTo(UNDECIDED);
	}

	@Test
	void arnConditionVariables() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "iam:PassRole", "Resource", "*",
				condition("ArnLike", "aws:SourceArn",
						"\"arn:aws:sagemaker:*:${aws:PrincipalAccount}:endpoint/*\"")));
		EvaluationRequest request = EvaluationRequest.of("iam:PassRole", "*")
			.with("aws:SourceArn", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x");
		assertThat(evaluate(policy, request.with("aws:PrincipalAccount", "111122223333")).outcome())
			.isEqualTo(ALLOWED);
		assertThat(evaluate(policy, request.with("aws:PrincipalAccount", "444455556666")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void aVariableValueIsLiteralAndEscapesAreCharacters() {
		PolicyInput policy = policy("P", allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"));
		// A * in the value does not become a wildcard.
		assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username", "*")).outcome()).isEqualTo(IMPLICIT_DENY);
		PolicyInput escaped = policy("P", allow("s3:GetObject", "arn:aws:s3:::b/${*}${?}${$}"));
		assertThat(evaluate(escaped, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/*?$")).outcome())
			.isEqualTo(ALLOWED);
		assertThat(evaluate(escaped, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/xy$")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void aMultivaluedKeyCannotBeAVariable() {
		PolicyInput policy = policy("P", allow("s3:GetObject", "arn:aws:s3:::home/${aws:TagKeys}/*"));
		Decision decision = evaluate(policy, ALICE_OBJECT.with("aws:TagKeys", "alice", "bob"));
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.reason()).contains("a multivalued key cannot be a policy variable");
	}

	@Test
	void variablesAreLiteralTextOutsideVersion20121017() {
		String statements = "[" + allow("s3:GetObject", HOME) + "]";
		PolicyInput old = PolicyInput.of("Old", PolicyInput.Kind.INLINE,
				"{\"Version\": \"2008-10-17\", \"Statement\": " + statements + "}");
		PolicyInput none = PolicyInput.of("None", PolicyInput.Kind.INLINE, "{\"Statement\": " + statements + "}");
		for (PolicyInput policy : List.of(old, none)) {
			assertThat(evaluate(policy, ALICE_OBJECT.with("aws:username", "alice")).outcome())
				.isEqualTo(IMPLICIT_DENY);
			assertThat(evaluate(policy, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::home/${aws:username}/f"))
				.outcome()).isEqualTo(ALLOWED);
		}
	}

	@Test
	void numericValuesTakeNoVariables() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "Resource", "*",
				condition("NumericLessThan", "aws:MultiFactorAuthAge", "\"${aws:PrincipalTag/maxAge}\"")));
		Decision decision = evaluate(policy,
				ALICE_OBJECT.with("aws:MultiFactorAuthAge", "10").with("aws:PrincipalTag/maxAge", "100"));
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.reason()).contains("'${aws:PrincipalTag/maxAge}' is not a number");
	}

}
