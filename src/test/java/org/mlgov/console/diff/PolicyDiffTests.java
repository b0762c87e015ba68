package org.mlgov.console.diff;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlgov.console.diff.PolicyDifference.ConditionChange;
import org.mlgov.console.diff.PolicyDifference.SetChange;
import org.mlgov.console.diff.PolicyDifference.StatementChange;
import org.mlgov.console.diff.PolicyStatement.Condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyDiffTests {

	static final String POLICY = """
			{"Version":"2012-10-17","Statement":[
			 {"Sid":"Artifacts","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],
			  "Resource":["arn:aws:s3:::canvas-artifacts/*","arn:aws:s3:::canvas-uploads/*"]},
			 {"Sid":"Models","Effect":"Allow","Action":"bedrock:InvokeModel",
			  "Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*",
			  "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}},
			 {"Effect":"Deny","NotAction":"sagemaker:Describe*","Resource":"*",
			  "Condition":{"Bool":{"aws:SecureTransport":false}}}]}""";

	@Test
	void reorderedStatementsArraysAndSpellingsAreNoDifference() {
		String same = """
				{"Statement":[
				 {"Effect":"Deny","NotAction":["SageMaker:describe*"],"Resource":["*"],
				  "Condition":{"Bool":{"aws:securetransport":"false"}}},
				 {"Sid":"Models","Effect":"Allow","Action":["bedrock:invokemodel"],
				  "Resource":["arn:aws:bedrock:*::foundation-model/anthropic.*"],
				  "Condition":{"StringEquals":{"aws:RequestedRegion":["eu-central-1","eu-west-1"]}}},
				 {"Resource":["arn:aws:s3:::canvas-uploads/*","arn:aws:s3:::canvas-artifacts/*"],
				  "Action":["s3:PutObject","s3:GetObject"],"Effect":"Allow","Sid":"Artifacts"}],
				 "Version":"2012-10-17"}""";

		PolicyDifference difference = PolicyDiff.compare(POLICY, same);

		assertThat(difference.isEmpty()).isTrue();
		assertThat(difference).isEqualTo(new PolicyDifference(List.of(), List.of(), List.of()));
	}

	@Test
	void aSingleStatementObjectEqualsAOneElementArray() {
		assertThat(PolicyDiff.compare("""
				{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}}""", """
				{"Statement":[{"Effect":"Allow","Action":["s3:ListBucket"],"Resource":["arn:aws:s3:::b"]}]}""")
			.isEmpty()).isTrue();
	}

	@Test
	void reportsActionsResourcesAndConditionsOfAStatementMatchedBySid() {
		String after = POLICY
			.replace("\"s3:GetObject\",\"s3:PutObject\"", "\"s3:GetObject\",\"s3:DeleteObject\"")
			.replace("\"arn:aws:s3:::canvas-uploads/*\"", "\"arn:aws:s3:::canvas-exports/*\"")
			.replace("\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}",
					"\"aws:RequestedRegion\":\"eu-west-1\"},\"StringLike\":{\"aws:PrincipalTag/team\":\"ml-*\"}");

		PolicyDifference difference = PolicyDiff.compare(POLICY, after);

		assertThat(difference.added()).isEmpty();
		assertThat(difference.removed()).isEmpty();
		assertThat(difference.changed()).hasSize(2);
		StatementChange artifacts = difference.changed().get(0);
		assertThat(artifacts.sid()).isEqualTo("Artifacts");
		assertThat(artifacts.effectChanged()).isFalse();
		assertThat(artifacts.actions()).isEqualTo(new SetChange(Set.of("s3:DeleteObject"), Set.of("s3:PutObject")));
		assertThat(artifacts.resources()).isEqualTo(
				new SetChange(Set.of("arn:aws:s3:::canvas-exports/*"), Set.of("arn:aws:s3:::canvas-uploads/*")));
		assertThat(artifacts.conditions()).isEmpty();
		assertThat(List.of(artifacts.principals(), artifacts.notPrincipals(), artifacts.notActions(),
				artifacts.notResources())).containsOnly(SetChange.NONE);
		StatementChange models = difference.changed().get(1);
		assertThat(models.sid()).isEqualTo("Models");
		assertThat(models.actions().isEmpty()).isTrue();
		assertThat(models.conditions()).containsExactly(
				new ConditionChange("StringEquals", "aws:RequestedRegion", Set.of("eu-central-1", "eu-west-1"),
						Set.of("eu-west-1")),
				new ConditionChange("StringLike", "aws:PrincipalTag/team", Set.of(), Set.of("ml-*")));
	}

	@Test
	void reportsAnEffectChangeAndARemovedCondition() {
		String before = """
				{"Statement":[{"Sid":"Trust","Effect":"Allow","Principal":{"Service":"bedrock.amazonaws.com"},
				 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}""";
		String after = """
				{"Statement":[{"Sid":"Trust","Effect":"Deny","Principal":{"Service":["bedrock.amazonaws.com"],
				 "AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}]}""";

		StatementChange change = PolicyDiff.compare(before, after).changed().get(0);

		assertThat(change.effectChanged()).isTrue();
		assertThat(change.before().effect()).isEqualTo("Allow");
		assertThat(change.after().effect()).isEqualTo("Deny");
		assertThat(change.principals())
			.isEqualTo(new SetChange(Set.of("AWS:arn:aws:iam::444455556666:root"), Set.of()));
		assertThat(change.conditions()).containsExactly(
				new ConditionChange("StringEquals", "aws:SourceAccount", Set.of("111122223333"), Set.of()));
	}

	@Test
	void statementsWithoutAMatchAreAddedOrRemovedWhole() {
		String after = POLICY.replace("\"Effect\":\"Deny\",\"NotAction\":\"sagemaker:Describe*\"",
				"\"Effect\":\"Deny\",\"NotAction\":\"sagemaker:List*\"")
			.replace("\"Sid\":\"Models\",\"Effect\":\"Allow\",\"Action\":\"bedrock:InvokeModel\"",
					"\"Sid\":\"FoundationModels\",\"Effect\":\"Allow\",\"Action\":\"bedrock:Converse\"");

		PolicyDifference difference = PolicyDiff.compare(POLICY, after);

		assertThat(difference.changed()).isEmpty();
		assertThat(difference.removed()).extracting(PolicyStatement::sid).containsExactly("Models", null);
		assertThat(difference.added()).extracting(PolicyStatement::sid).containsExactly("FoundationModels", null);
		assertThat(difference.added().get(1)).isEqualTo(new PolicyStatement(null, "Deny", Set.of(), Set.of(), Set.of(),
				Set.of("sagemaker:List*"), Set.of("*"), Set.of(),
				List.of(new Condition("Bool", "aws:SecureTransport", Set.of("false")))));
	}

	@Test
	void aStatementThatOnlyChangedItsSidIsNoDifference() {
		assertThat(PolicyDiff.compare(POLICY, POLICY.replace("\"Sid\":\"Models\"", "\"Sid\":\"FoundationModels\""))
			.isEmpty()).isTrue();
	}

	@Test
	void aStatementThatOnlyGainedASidIsNoDifference() {
		assertThat(PolicyDiff.compare("""
				{"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""", """
				{"Statement":[{"Sid":"Kms","Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""").isEmpty())
			.isTrue();
	}

	@Test
	void everyoneIsWrittenTwoWays() {
		assertThat(PolicyDiff.compare("""
				{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""", """
				{"Statement":[{"Effect":"Deny","Principal":{"AWS":["*"]},"Action":"s3:*","Resource":"*"}]}""").isEmpty())
			.isTrue();
	}

	@Test
	void aPolicyThatAppearsIsAllAdded() {
		PolicyDifference difference = PolicyDiff.compare(null, POLICY);

		assertThat(difference.added()).hasSize(3);
		assertThat(difference.removed()).isEmpty();
		assertThat(PolicyDiff.compare(POLICY, "").removed()).hasSize(3);
	}

	@Test
	void refusesWhatIsNotAPolicy() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyDiff.compare("[]", POLICY))
			.withMessage("not a policy document: expected a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyDiff.compare("{\"Statement\":[1]}", POLICY))
			.withMessage("not a policy document: a statement is not a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyDiff.compare("{\"Statement\":", POLICY));
	}

}
