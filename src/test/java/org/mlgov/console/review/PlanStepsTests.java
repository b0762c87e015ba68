package org.mlgov.console.review;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.review.LiveComparison.Step;
import org.mlgov.console.review.PlanAction.Subject;
import org.mlgov.console.review.PlanAction.Verb;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of step of the push plan means for the role's permissions, in the words the review page shows. */
class PlanStepsTests {

	static final PlanSteps STEPS = new PlanSteps(CatalogLoader.loadDefault());

	static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
			+ "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

	static final String READ_AND_WRITE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
			+ "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"},{\"Sid\":\"Write\",\"Effect\":\"Allow\","
			+ "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";

	static PlanAction action(Verb verb, String operation, Subject subject, String name, String live, String revision) {
		return new PlanAction(verb, "IAM", operation, "arn:aws:iam::111122223333:role/r", "RoleName=r", "note",
				subject, name, live, revision);
	}

	@Test
	void aReplacedPolicySaysWhatTheRoleGainsAndSeesChanged() {
		Step step = STEPS.step(action(Verb.PUT, "PutRolePolicy", Subject.INLINE_POLICY, "Data", READ, READ_AND_WRITE));
		assertThat(step.label()).isEqualTo("put");
		assertThat(step.meaning())
			.isEqualTo("The policy is replaced: the role gains 1 statement and has 1 changed statement, as below.");
		assertThat(step.document().status()).isEqualTo(DocumentChange.Status.CHANGED);
		assertThat(step.document().id()).isEqualTo("policy-Data");
	}

	@Test
	void aNewVersionOfACustomerManagedPolicyReachesEveryoneItIsAttachedTo() {
		Step step = STEPS.step(action(Verb.UPDATE, "CreatePolicyVersion", Subject.CUSTOMER_MANAGED_POLICY,
				"arn:aws:iam::111122223333:policy/service-role/Shared", READ_AND_WRITE, READ));
		assertThat(step.meaning()).isEqualTo("A new default version: the role loses 1 statement and has 1 changed "
				+ "statement (so does every other role, user or group it is attached to), as below:");
		assertThat(step.document().title()).isEqualTo("Customer managed policy Shared");
	}

	@Test
	void aCustomerManagedPolicyThisConsoleAttachedIsDetachedWithTheStatementsTheRoleLoses() {
		Step step = STEPS.step(action(Verb.DETACH, "DetachRolePolicy", Subject.POLICY_ATTACHMENT,
				"arn:aws:iam::111122223333:policy/Old", READ_AND_WRITE, null));
		assertThat(step.label()).isEqualTo("detach");
		assertThat(step.meaning()).isEqualTo("This console attached policy Old in an earlier push, and the revision no "
				+ "longer names it: the push detaches it, and the role loses what it grants (2 statements):");
		assertThat(step.document().status()).isEqualTo(DocumentChange.Status.REMOVED);
		assertThat(step.document().policy().removed()).hasSize(2);
	}

	@Test
	void anAwsManagedPolicyOfTheCatalogueIsSummarised() {
		Step step = STEPS.step(action(Verb.KEEP, "DetachRolePolicy", Subject.POLICY_ATTACHMENT,
				"arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess", null, null));
		assertThat(step.label()).isEqualTo("keep");
		assertThat(step.meaning()).startsWith("AWS managed policy AmazonSageMakerCanvasFullAccess was attached by hand, "
				+ "not by this console, and the revision does not name it: the push keeps it and reports it, so the role "
				+ "keeps what it grants (Full access to SageMaker Canvas:")
			.endsWith("). Detach it by hand if the role should lose it.");
		assertThat(step.document()).isNull();
	}

	@Test
	void aBoundaryTheRevisionDoesNotNameIsKept() {
		Step step = STEPS.step(action(Verb.KEEP, "DeleteRolePermissionsBoundary", Subject.PERMISSIONS_BOUNDARY,
				"arn:aws:iam::111122223333:policy/Boundary", null, null));
		assertThat(step.meaning()).isEqualTo("The revision names no permissions boundary, but the push never removes "
				+ "one: boundary arn:aws:iam::111122223333:policy/Boundary stays and keeps limiting the role.");
	}

}
