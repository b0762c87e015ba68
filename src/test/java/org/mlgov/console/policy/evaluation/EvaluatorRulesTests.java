package org.mlgov.console.policy.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.evaluation.StatementNote.Match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.EVALUATOR;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.allow;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.array;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.condition;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.deny;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.evaluate;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.policy;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.statement;
import static org.mlgov.console.policy.evaluation.Outcome.ALLOWED;
import static org.mlgov.console.policy.evaluation.Outcome.EXPLICIT_DENY;
import static org.mlgov.console.policy.evaluation.Outcome.IMPLICIT_DENY;
import static org.mlgov.console.policy.evaluation.Outcome.UNDECIDED;

/**
 * The evaluation rules of aws-facts.md F.1 (decision order: explicit deny, identity allow, permissions boundary) and
 * F.2 (Action/NotAction, Resource/NotResource), the unsupported-key rule, and what gives {@code UNDECIDED}.
 */
class EvaluatorRulesTests {

	static final String FM = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";

	static final String OTHER_FM = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";

	static final EvaluationRequest INVOKE = EvaluationRequest.of("bedrock:InvokeModel", FM);

	// F.1: decision order.

	@Test
	void withoutAnyStatementTheRequestIsImplicitlyDenied() {
		Decision decision = evaluate(List.of(), INVOKE);
		assertThat(decision.outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(decision.policy()).isNull();
		assertThat(decision.sid()).isNull();
		assertThat(decision.reason()).isEqualTo("Not granted (implicit deny): no statement of the identity policies "
				+ "allows bedrock:InvokeModel on " + FM + ".");
		assertThat(decision.notes()).isEmpty();
	}

	@Test
	void anAllowGrants() {
		Decision decision = evaluate(policy("Grants", statement("Invoke", "Allow", "Action", "bedrock:InvokeModel",
				"Resource", "*", null)), INVOKE);
		assertThat(decision.outcome()).isEqualTo(ALLOWED);
		assertThat(decision.policy()).isEqualTo("Grants");
		assertThat(decision.sid()).isEqualTo("Invoke");
		assertThat(decision.reason()).isEqualTo("Allowed by statement 'Invoke' of policy 'Grants' (Resource '*' "
				+ "matches); no statement denies it.");
	}

	@Test
	void anExplicitDenyWinsOverAnAllowInAnotherPolicy() {
		PolicyInput grants = policy("Grants", allow("bedrock:*", "*"));
		PolicyInput guardrail = policy("Guardrail", statement("DenyNova", "Deny", "Action", "bedrock:InvokeModel",
				"Resource", "arn:aws:bedrock:*::foundation-model/amazon.nova-pro*", null));
		for (List<PolicyInput> order : List.of(List.of(grants, guardrail), List.of(guardrail, grants))) {
			Decision decision = evaluate(order, INVOKE);
			assertThat(decision.outcome()).isEqualTo(EXPLICIT_DENY);
			assertThat(decision.policy()).isEqualTo("Guardrail");
			assertThat(decision.sid()).isEqualTo("DenyNova");
			assertThat(decision.reason()).startsWith("Explicitly denied by statement 'DenyNova' of policy "
					+ "'Guardrail': Resource 'arn:aws:bedrock:*::foundation-model/amazon.nova-pro*' matches.");
			assertThat(decision.notes()).extracting(StatementNote::match).containsOnly(Match.MATCHES);
		}
		assertThat(evaluate(List.of(grants, guardrail), INVOKE.with("x", "y")).outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(evaluate(List.of(grants, guardrail), EvaluationRequest.of("bedrock:InvokeModel", OTHER_FM))
			.outcome()).isEqualTo(ALLOWED);
	}

	@Test
	void anExplicitDenyWinsOverAnAllowInTheSamePolicy() {
		Decision decision = evaluate(policy("Both", allow("bedrock:InvokeModel", "*"), deny("bedrock:Invoke*", FM)),
				INVOKE);
		assertThat(decision.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(decision.sid()).isNull();
		assertThat(decision.reason()).startsWith("Explicitly denied by statement '#2' of policy 'Both'");
	}

	@Test
	void aDenyAloneDoesNotGrantAnythingElse() {
		PolicyInput guardrail = policy("Guardrail", deny("bedrock:InvokeModel", FM));
		assertThat(evaluate(guardrail, EvaluationRequest.of("bedrock:InvokeModel", OTHER_FM)).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void theFirstAllowingStatementDecides() {
		PolicyInput first = policy("First", allow("bedrock:InvokeModel", OTHER_FM));
		PolicyInput second = policy("Second", statement("S2", "Allow", "Action", "bedrock:*", "Resource", "*", null));
		PolicyInput third = policy("Third", statement("S3", "Allow", "Action", "*", "Resource", FM, null));
		Decision decision = evaluate(List.of(first, second, third), INVOKE);
		assertThat(decision.outcome()).isEqualTo(ALLOWED);
		assertThat(decision.policy()).isEqualTo("Second");
		assertThat(decision.notes()).extracting(StatementNote::policy, StatementNote::match)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("First", Match.DOES_NOT_MATCH),
					org.assertj.core.groups.Tuple.tuple("Second", Match.MATCHES),
					org.assertj.core.groups.Tuple.tuple("Third", Match.MATCHES));
	}

	// F.1 step 6: the permissions boundary only restricts.

	@Test
	void theBoundaryMustAlsoAllow() {
		PolicyInput identity = policy("Identity", allow("bedrock:InvokeModel", "*"));
		PolicyInput boundary = policy("Boundary", statement("OnlyNova", "Allow", "Action", "bedrock:*", "Resource",
				"arn:aws:bedrock:*::foundation-model/amazon.nova-pro*", null));
		Decision allowed = EVALUATOR.evaluate(List.of(identity), boundary, INVOKE);
		assertThat(allowed.outcome()).isEqualTo(ALLOWED);
		assertThat(allowed.policy()).isEqualTo("Identity");
		assertThat(allowed.reason()).contains("and the permissions boundary allows it by statement 'OnlyNova' of the "
				+ "permissions boundary 'Boundary'");
		Decision restricted = EVALUATOR.evaluate(List.of(identity), boundary,
				EvaluationRequest.of("bedrock:InvokeModel", OTHER_FM));
		assertThat(restricted.outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(restricted.policy()).isNull();
		assertThat(restricted.reason()).isEqualTo("Not granted (implicit deny): Although statement '#1' of policy "
				+ "'Identity' allows it, the permissions boundary 'Boundary' does not allow bedrock:InvokeModel on "
				+ OTHER_FM + ".");
		assertThat(restricted.notes()).extracting(StatementNote::boundary, StatementNote::match)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(false, Match.MATCHES),
					org.assertj.core.groups.Tuple.tuple(true, Match.DOES_NOT_MATCH));
	}

	@Test
	void theBoundaryAloneGrantsNothing() {
		PolicyInput boundary = policy("Boundary", allow("*", "*"));
		Decision decision = EVALUATOR.evaluate(List.of(policy("Identity", allow("s3:GetObject", "*"))), boundary,
				INVOKE);
		assertThat(decision.outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(decision.reason()).contains("no statement of the identity policies allows");
	}

	@Test
	void aDenyInTheBoundaryIsAnExplicitDeny() {
		PolicyInput boundary = policy("Boundary", allow("*", "*"),
				statement("NoBedrock", "Deny", "Action", "bedrock:*", "Resource", "*", null));
		Decision decision = EVALUATOR.evaluate(List.of(policy("Identity", allow("bedrock:InvokeModel", "*"))),
				boundary, INVOKE);
		assertThat(decision.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(decision.policy()).isEqualTo("Boundary");
		assertThat(decision.sid()).isEqualTo("NoBedrock");
		assertThat(decision.reason()).startsWith("Explicitly denied by statement 'NoBedrock' of the permissions "
				+ "boundary 'Boundary'");
	}

	// F.2: Action / NotAction, Resource / NotResource.

	@Test
	void notActionWithAllowGrantsEverythingElse() {
		PolicyInput policy = policy("P", statement("Allow", "NotAction", array("iam:*", "bedrock:Delete*"),
				"Resource", "*", null));
		assertThat(evaluate(policy, INVOKE).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/k")).outcome())
			.isEqualTo(ALLOWED);
		assertThat(evaluate(policy, EvaluationRequest.of("iam:PassRole", "*")).outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(policy, EvaluationRequest.of("bedrock:DeleteCustomModel", "*")).outcome())
			.isEqualTo(IMPLICIT_DENY);
		assertThat(evaluate(policy, EvaluationRequest.of("IAM:passrole", "*")).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void notActionWithDenyDeniesEverythingNotListed() {
		List<PolicyInput> policies = List.of(policy("Grants", allow("*", "*")),
				policy("OnlyBedrock", statement("Deny", "NotAction", "bedrock:*", "Resource", "*", null)));
		assertThat(evaluate(policies, INVOKE).outcome()).isEqualTo(ALLOWED);
		Decision denied = evaluate(policies, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::b/k"));
		assertThat(denied.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(denied.policy()).isEqualTo("OnlyBedrock");
	}

	@Test
	void denyWithNotResourceIsTheAllowListPattern() {
		List<PolicyInput> policies = List.of(policy("Grants", allow("bedrock:InvokeModel", "*")),
				policy("AllowList", statement("DenyOthers", "Deny", "Action", "bedrock:InvokeModel", "NotResource",
						array("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0"), null)));
		Decision allowed = evaluate(policies, INVOKE);
		assertThat(allowed.outcome()).isEqualTo(ALLOWED);
		assertThat(allowed.notes()).filteredOn((n) -> "DenyOthers".equals(n.sid()))
			.singleElement()
			.satisfies((note) -> {
				assertThat(note.match()).isEqualTo(Match.DOES_NOT_MATCH);
				assertThat(note.detail()).isEqualTo("the resource is excluded by NotResource "
						+ "'arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0'");
			});
		Decision denied = evaluate(policies, EvaluationRequest.of("bedrock:InvokeModel", OTHER_FM));
		assertThat(denied.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(denied.reason()).contains("the resource is not in NotResource, so the statement covers it");
	}

	@Test
	void allowWithNotResourceGrantsEverythingElse() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "s3:GetObject", "NotResource",
				"arn:aws:s3:::secret/*", null));
		assertThat(evaluate(policy, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::data/k")).outcome())
			.isEqualTo(ALLOWED);
		assertThat(evaluate(policy, EvaluationRequest.of("s3:GetObject", "arn:aws:s3:::secret/k")).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void resourcesAreCaseSensitiveAndActionsAreNot() {
		PolicyInput policy = policy("P", allow("BEDROCK:invokemodel", FM));
		assertThat(evaluate(policy, INVOKE).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, EvaluationRequest.of("bedrock:InvokeModel", FM.toUpperCase())).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void anActionWithoutResourceTypeIsRequestedOnStarAndOnlyResourceStarCoversIt() {
		EvaluationRequest list = EvaluationRequest.of("bedrock:ListFoundationModels", "*");
		assertThat(evaluate(policy("P", allow("bedrock:List*", "*")), list).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy("P", allow("bedrock:List*", "arn:aws:bedrock:*")), list).outcome())
			.isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void statementsWhoseActionDoesNotCoverTheRequestLeaveNoNote() {
		Decision decision = evaluate(policy("P", allow("s3:GetObject", "*"), allow("bedrock:InvokeModel", "*")),
				INVOKE);
		assertThat(decision.notes()).singleElement().extracting(StatementNote::statementIndex).isEqualTo(1);
	}

	// Condition keys the action does not support.

	@Test
	void anAllowOnAKeyTheActionDoesNotSupportCanNeverMatch() {
		// sagemaker:VolumeKmsKeyArn belongs to SageMaker create actions, never to a Bedrock invocation.
		PolicyInput policy = policy("P", statement("NeedsKey", "Allow", "Action", "bedrock:InvokeModel", "Resource",
				"*", condition("StringEquals", "sagemaker:VolumeKmsKeyArn", array("k"))));
		Decision decision = evaluate(policy, INVOKE.with("sagemaker:VolumeKmsKeyArn", "k"));
		assertThat(decision.outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(decision.neverMatching()).singleElement().satisfies((note) -> {
			assertThat(note.sid()).isEqualTo("NeedsKey");
			assertThat(note.detail()).contains("StringEquals sagemaker:VolumeKmsKeyArn is false: the key is absent "
					+ "(bedrock:InvokeModel does not support this key, so it is never in the request)");
		});
		assertThat(decision.reason()).contains("statement 'NeedsKey' of policy 'P' can never match it");
	}

	@Test
	void theSameKeyIsUsedWhereTheActionSupportsIt() {
		PolicyInput policy = policy("P", statement("NeedsKey", "Allow", "Action", "sagemaker:CreateEndpointConfig",
				"Resource", "*", condition("StringEquals", "sagemaker:VolumeKmsKeyArn", array("k"))));
		EvaluationRequest request = EvaluationRequest.of("sagemaker:CreateEndpointConfig",
				"arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/c");
		assertThat(evaluate(policy, request.with("sagemaker:VolumeKmsKeyArn", "k")).outcome()).isEqualTo(ALLOWED);
		Decision without = evaluate(policy, request);
		assertThat(without.outcome()).isEqualTo(IMPLICIT_DENY);
		assertThat(without.neverMatching()).isEmpty();
	}

	@Test
	void aNegatedConditionOnAnUnsupportedKeyHolds() {
		// The key is never in the request, so StringNotEquals holds and the deny applies (IAM's missing-key rule).
		PolicyInput policy = policy("P", allow("bedrock:InvokeModel", "*"), statement("Deny", "Action",
				"bedrock:InvokeModel", "Resource", "*", condition("StringNotEquals", "sagemaker:VolumeKmsKeyArn",
						array("k"))));
		Decision decision = evaluate(policy, INVOKE.with("sagemaker:VolumeKmsKeyArn", "k"));
		assertThat(decision.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(decision.neverMatching()).isEmpty();
	}

	@Test
	void globalKeysAreAlwaysSupported() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "bedrock:InvokeModelWithResponseStream",
				"Resource", "*", condition("StringEquals", "aws:ResourceTag/team", array("a"))));
		assertThat(evaluate(policy, EvaluationRequest.of("bedrock:InvokeModelWithResponseStream", FM)
			.with("aws:ResourceTag/team", "a")).outcome()).isEqualTo(ALLOWED);
	}

	@Test
	void anActionTheReferenceDoesNotKnowTakesKeysAsGiven() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "bedrock-mantle:*", "Resource", "*",
				condition("StringEquals", "bedrock-mantle:Model", array("m"))));
		Decision decision = evaluate(policy,
				EvaluationRequest.of("bedrock-mantle:NotAnAction", "*").with("bedrock-mantle:Model", "m"));
		assertThat(decision.outcome()).isEqualTo(ALLOWED);
		assertThat(decision.reason()).endsWith("(bedrock-mantle:NotAnAction is not in the service authorization "
				+ "reference: condition keys were taken from the request context as given)");
	}

	// What the evaluator cannot decide.

	@Test
	void anUnknownOperatorInAnAllowIsUndecided() {
		PolicyInput policy = policy("P", statement("Odd", "Allow", "Action", "bedrock:InvokeModel", "Resource", "*",
				condition("StringSoundsLike", "aws:PrincipalTag/team", array("a"))));
		Decision decision = evaluate(policy, INVOKE.with("aws:PrincipalTag/team", "a"));
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.policy()).isEqualTo("P");
		assertThat(decision.sid()).isEqualTo("Odd");
		assertThat(decision.reason()).isEqualTo("Undecided: nothing denies bedrock:InvokeModel on " + FM + ", and "
				+ "whether statement 'Odd' of policy 'P' allows it cannot be told offline: Resource '*' matches; "
				+ "StringSoundsLike aws:PrincipalTag/team is undecided: the condition operator StringSoundsLike is "
				+ "unknown.");
	}

	@Test
	void anUnknownOperatorInADenyIsUndecidedEvenWhenAnAllowMatches() {
		List<PolicyInput> policies = List.of(policy("Grants", allow("bedrock:InvokeModel", "*")),
				policy("Guard", statement("Odd", "Deny", "Action", "bedrock:InvokeModel", "Resource", "*",
						condition("StringSoundsLike", "aws:PrincipalTag/team", array("a")))));
		Decision decision = evaluate(policies, INVOKE);
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.policy()).isEqualTo("Guard");
		assertThat(decision.reason()).startsWith("Undecided: statement 'Odd' of policy 'Guard' may deny the request");
	}

	@Test
	void aCertainDenyDecidesDespiteAnUndecidedStatement() {
		List<PolicyInput> policies = List.of(
				policy("Guard", statement("Odd", "Deny", "Action", "bedrock:InvokeModel", "Resource", "*",
						condition("StringSoundsLike", "aws:PrincipalTag/team", array("a")))),
				policy("Hard", statement("NoNova", "Deny", "Action", "bedrock:InvokeModel", "Resource", FM, null)));
		Decision decision = evaluate(policies, INVOKE);
		assertThat(decision.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(decision.sid()).isEqualTo("NoNova");
	}

	@Test
	void anUndecidedAllowDoesNotMatterWhenAnotherAllowMatches() {
		List<PolicyInput> policies = List.of(
				policy("Odd", statement("Allow", "Action", "bedrock:InvokeModel", "Resource", "*",
						condition("StringSoundsLike", "aws:PrincipalTag/team", array("a")))),
				policy("Plain", allow("bedrock:InvokeModel", "*")));
		Decision decision = evaluate(policies, INVOKE);
		assertThat(decision.outcome()).isEqualTo(ALLOWED);
		assertThat(decision.policy()).isEqualTo("Plain");
		assertThat(decision.notes()).extracting(StatementNote::match).containsExactly(Match.UNDECIDED, Match.MATCHES);
	}

	@Test
	void anUndecidedAllowDoesNotMatterWhenTheBoundaryCertainlyRefuses() {
		PolicyInput identity = policy("Odd", statement("Allow", "Action", "bedrock:InvokeModel", "Resource", "*",
				condition("StringSoundsLike", "aws:PrincipalTag/team", array("a"))));
		PolicyInput boundary = policy("Boundary", allow("s3:*", "*"));
		assertThat(EVALUATOR.evaluate(List.of(identity), boundary, INVOKE).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void anUndecidedBoundaryLeavesAnAllowOpen() {
		PolicyInput identity = policy("Identity", allow("bedrock:InvokeModel", "*"));
		PolicyInput boundary = policy("Boundary", statement("Allow", "Action", "*", "Resource", "*",
				condition("DateLessThan", "aws:CurrentTime", "\"2030-01-01T00:00:00Z\"")));
		Decision decision = EVALUATOR.evaluate(List.of(identity), boundary, INVOKE);
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.policy()).isEqualTo("Boundary");
	}

	@Test
	void anUnreadableStatementIsUndecidedNotIgnored() {
		String noEffect = "{\"Action\": \"bedrock:InvokeModel\", \"Resource\": \"*\"}";
		Decision decision = evaluate(List.of(policy("Grants", allow("bedrock:InvokeModel", "*")),
				policy("Broken", noEffect)), INVOKE);
		assertThat(decision.outcome()).isEqualTo(UNDECIDED);
		assertThat(decision.reason()).contains("the statement cannot be read: its Effect is missing, not Allow or Deny");
		String both = "{\"Effect\": \"Deny\", \"Action\": \"bedrock:InvokeModel\", \"Resource\": \"*\", "
				+ "\"NotResource\": \"x\"}";
		assertThat(evaluate(policy("Broken", both), INVOKE).reason())
			.contains("it has both Resource and NotResource");
		// An unreadable statement for another action does not matter.
		assertThat(evaluate(List.of(policy("Grants", allow("bedrock:InvokeModel", "*")),
				policy("Broken", "{\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}")), INVOKE).outcome())
			.isEqualTo(ALLOWED);
	}

	@Test
	void anUnreadableAllowCannotDeny() {
		String noResource = "{\"Effect\": \"Allow\", \"Action\": \"bedrock:InvokeModel\"}";
		PolicyInput broken = policy("Broken", noResource);
		Decision open = evaluate(broken, INVOKE);
		assertThat(open.outcome()).isEqualTo(UNDECIDED);
		assertThat(open.reason()).contains("it has neither Resource nor NotResource");
		assertThat(evaluate(List.of(broken, policy("Grants", allow("bedrock:InvokeModel", "*"))), INVOKE).outcome())
			.isEqualTo(ALLOWED);
	}

	// F.3: a Deny with a negated …IfExists operator still denies when the key is missing.

	@Test
	void aDenyWithANegatedIfExistsConditionDeniesWhenTheKeyIsMissing() {
		List<PolicyInput> policies = List.of(policy("Grants", allow("sagemaker:CreateEndpoint", "*")),
				policy("Guard", statement("OnlyTeamA", "Deny", "Action", "sagemaker:CreateEndpoint", "Resource", "*",
						condition("StringNotEqualsIfExists", "aws:RequestTag/team", array("a")))));
		EvaluationRequest request = EvaluationRequest.of("sagemaker:CreateEndpoint",
				"arn:aws:sagemaker:us-east-1:111122223333:endpoint/e");
		Decision missing = evaluate(policies, request);
		assertThat(missing.outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(missing.reason()).contains("StringNotEqualsIfExists aws:RequestTag/team is true: the key is absent");
		assertThat(evaluate(policies, request.with("aws:RequestTag/team", "a")).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policies, request.with("aws:RequestTag/team", "b")).outcome()).isEqualTo(EXPLICIT_DENY);
		List<PolicyInput> strict = List.of(policy("Grants", allow("sagemaker:CreateEndpoint", "*")),
				policy("Guard", statement("OnlyTeamA", "Deny", "Action", "sagemaker:CreateEndpoint", "Resource", "*",
						condition("StringNotEquals", "aws:RequestTag/team", array("a")))));
		assertThat(evaluate(strict, request).outcome()).isEqualTo(EXPLICIT_DENY);
		assertThat(evaluate(strict, request.with("aws:RequestTag/team", "a")).outcome()).isEqualTo(ALLOWED);
	}

	@Test
	void aForAllValuesAllowWithoutPresenceCheckGrantsARequestWithoutTheKey() {
		PolicyInput policy = policy("P", statement("Allow", "Action", "sagemaker:AddTags", "Resource", "*",
				condition("ForAllValues:StringEquals", "aws:TagKeys", array("team"))));
		EvaluationRequest request = EvaluationRequest.of("sagemaker:AddTags",
				"arn:aws:sagemaker:us-east-1:111122223333:endpoint/e");
		assertThat(evaluate(policy, request).outcome()).isEqualTo(ALLOWED);
		assertThat(evaluate(policy, request.with("aws:TagKeys", "team", "owner")).outcome()).isEqualTo(IMPLICIT_DENY);
	}

	@Test
	void severalRequestsAreEvaluatedInOrder() {
		List<Decision> decisions = EVALUATOR.evaluateAll(List.of(policy("Grants", allow("bedrock:InvokeModel", FM))),
				null, List.of(INVOKE, EvaluationRequest.of("bedrock:InvokeModel", OTHER_FM)));
		assertThat(decisions).extracting(Decision::outcome).containsExactly(ALLOWED, IMPLICIT_DENY);
	}

	@Test
	void anUnavailableDocumentLeavesEverythingButACertainDenyOpen() {
		PolicyInput unknown = PolicyInput.unavailable("AmazonSageMakerCanvasFullAccess", PolicyInput.Kind.AWS_MANAGED,
				"not copied into the catalogue");
		Decision open = evaluate(List.of(policy("Grants", allow("bedrock:InvokeModel", "*")), unknown), INVOKE);
		assertThat(open.outcome()).isEqualTo(UNDECIDED);
		assertThat(open.policy()).isEqualTo("AmazonSageMakerCanvasFullAccess");
		assertThat(open.sid()).isNull();
		assertThat(open.reason()).isEqualTo("Undecided: policy 'AmazonSageMakerCanvasFullAccess' may deny the "
				+ "request: the document is not available (not copied into the catalogue): it may allow or deny.");
		Decision denied = evaluate(List.of(policy("Guard", deny("bedrock:*", "*")), unknown), INVOKE);
		assertThat(denied.outcome()).isEqualTo(EXPLICIT_DENY);
	}

	@Test
	void invalidDocumentsAndRequestsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyInput.of("P", PolicyInput.Kind.INLINE, "{"))
			.withMessageStartingWith("not a JSON document");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyInput.of("P", PolicyInput.Kind.INLINE, "[]"))
			.withMessage("not a policy document: expected a JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolicyInput.of("P", PolicyInput.Kind.INLINE, "{\"Version\": \"2012-10-17\"}"))
			.withMessage("not a policy document: no Statement");
		assertThatIllegalArgumentException().isThrownBy(() -> EvaluationRequest.of("InvokeModel", "*"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EvaluationRequest("s3:GetObject", "*", java.util.Map.of("aws:TagKeys", List.of(),
					"AWS:tagkeys", List.of())))
			.withMessageContaining("given twice");
	}

	@Test
	void aSingleStatementObjectIsRead() {
		PolicyInput policy = PolicyInput.of("P", PolicyInput.Kind.INLINE, "{\"Version\": \"2012-10-17\", "
				+ "\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"bedrock:InvokeModel\", \"Resource\": \"*\"}}");
		assertThat(evaluate(policy, INVOKE).outcome()).isEqualTo(ALLOWED);
	}

}
