package org.mlgov.console.policy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The validity check can fail: each kind of violation is reported with its code and statement. */
class ServiceAuthorizationCheckTests {

	private final ServiceAuthorizationCheck check = new ServiceAuthorizationCheck(
			CatalogLoader.loadDefault().serviceAuthorization());

	private List<String> codes(Statement... statements) {
		return this.check.check("doc", new PolicyDocument(List.of(statements)), "aws")
			.stream()
			.map(Finding::code)
			.toList();
	}

	@Test
	void aValidStatementHasNoFinding() {
		assertThat(codes(Statement.allow("t", List.of("s3:GetObject"), List.of("arn:aws:s3:::bucket/*")).withSid("A")))
			.isEmpty();
	}

	@Test
	void actionsThatIamDoesNotHaveAreReported() {
		assertThat(codes(Statement.allow("t", List.of("bedrock:FineTune", "bedrock:Converse"), List.of("*"))
			.withSid("A"))).containsExactly("UNKNOWN_ACTION", "UNKNOWN_ACTION");
	}

	@Test
	void deprecatedOrUnsupportedConditionKeysAreReported() {
		assertThat(codes(Statement.allow("t", List.of("sagemaker:CreateTrainingJob"), List.of("*"))
			.withCondition("StringEquals", "sagemaker:VolumeKmsKey", List.of("arn:aws:kms:us-east-1:111122223333:key/x"))
			.withSid("A"))).containsExactly("UNSUPPORTED_CONDITION_KEY");
		assertThat(codes(Statement.allow("t", List.of("sagemaker:CreateTransformJob"), List.of("*"))
			.withCondition("ForAllValues:StringEquals", "sagemaker:VpcSubnets", List.of("subnet-1"))
			.withSid("A"))).containsExactly("UNSUPPORTED_CONDITION_KEY");
	}

	@Test
	void globalAndTemplatedKeysAreAccepted() {
		assertThat(codes(Statement.deny("t", List.of("sagemaker:CreateEndpoint"), List.of("*"))
			.withCondition("StringLike", "aws:RequestTag/sagemaker-sdk:jumpstart-model-id", List.of("x*"))
			.withCondition("StringEquals", "aws:SourceAccount", List.of("111122223333"))
			.withSid("A"))).isEmpty();
	}

	@Test
	void resourcesThatFitNoActionAreReported() {
		// s3:GetBucketAcl acts on buckets: an object ARN never matches it (the CDK Glue template's defect).
		assertThat(codes(Statement.allow("t", List.of("s3:GetBucketAcl"), List.of("arn:aws:s3:::bucket/*"))
			.withSid("A"))).containsExactly("RESOURCE_MISMATCH", "RESOURCE_MISMATCH");
		// sagemaker:ListModels supports no resource-level permission: only "*" matches it.
		assertThat(codes(Statement.allow("t", List.of("sagemaker:ListModels"),
				List.of("arn:aws:sagemaker:us-east-1:111122223333:model/x")).withSid("A"))).contains("RESOURCE_MISMATCH");
	}

	@Test
	void arnsOfAnotherPartitionAndMalformedArnsAreReported() {
		// (the ARN then also fits no resource type of the aws partition)
		assertThat(codes(Statement.allow("t", List.of("s3:GetObject"), List.of("arn:aws-cn:s3:::bucket/*"))
			.withSid("A"))).startsWith("WRONG_PARTITION");
		assertThat(codes(Statement.allow("t", List.of("s3:GetObject"), List.of("arn:aws:s3")).withSid("A")))
			.contains("INVALID_ARN");
	}

	@Test
	void duplicateOrInvalidSidsAreReported() {
		Statement s = Statement.allow("t", List.of("s3:GetObject"), List.of("arn:aws:s3:::b/*"));
		assertThat(codes(s.withSid("Same"), s.withSid("Same"))).containsExactly("INVALID_SID");
		assertThat(codes(s.withSid("has space"))).containsExactly("INVALID_SID");
	}

}
