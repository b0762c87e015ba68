package org.mlgov.console.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArnGlobTests {

	@Test
	void policyWildcardsMatchTemplates() {
		String trainingJob = "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}";
		assertThat(ArnGlob.intersects("arn:aws:sagemaker:*:*:*/*", trainingJob, "aws")).isTrue();
		assertThat(ArnGlob.intersects("arn:aws:sagemaker:us-east-1:111122223333:training-job/x", trainingJob, "aws"))
			.isTrue();
		assertThat(ArnGlob.intersects("arn:aws:sagemaker:us-east-1:111122223333:model/x", trainingJob, "aws")).isFalse();
		assertThat(ArnGlob.intersects("arn:aws-cn:sagemaker:*:*:*/*", trainingJob, "aws")).isFalse();
	}

	@Test
	void aTemplateIsReadInThePartitionAsked() {
		String profile = "arn:${Partition}:bedrock:${Region}:${Account}:inference-profile/${ResourceId}";
		String cn = "arn:aws-cn:bedrock:*:111122223333:inference-profile/*.anthropic.claude-3-5-sonnet-20240620-v1:0";
		assertThat(ArnGlob.intersects(cn, profile, "aws")).isFalse();
		assertThat(ArnGlob.intersects(cn, profile, "aws-cn")).isTrue();
		assertThat(ArnGlob.intersects(cn.replace("aws-cn", "aws"), profile, "aws")).isTrue();
		assertThat(ArnGlob.intersects(cn.replace("aws-cn", "aws"), profile, "aws-cn")).isFalse();
	}

	@Test
	void longPatternsAreSearchedToTheEnd() {
		String object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
		String prefix = "arn:aws:s3:::" + "b".repeat(200);
		assertThat(ArnGlob.intersects(prefix + "/" + "?*".repeat(100) + "x", object, "aws")).isTrue();
		assertThat(ArnGlob.intersects(prefix + "*" + "?".repeat(150) + "/x", object, "aws")).isTrue();
		assertThat(ArnGlob.intersects(prefix + "?".repeat(150), object + "/", "aws")).isTrue();
		assertThat(ArnGlob.intersects(prefix + "c".repeat(150), object, "aws")).isFalse();
		assertThat(ArnGlob.intersects(prefix, object, "aws")).isFalse();
	}

	@Test
	void bucketNamesNeverContainASlash() {
		String bucket = "arn:${Partition}:s3:::${BucketName}";
		String object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
		assertThat(ArnGlob.intersects("arn:aws:s3:::b/*", bucket, "aws")).isFalse();
		assertThat(ArnGlob.intersects("arn:aws:s3:::b/*", object, "aws")).isTrue();
		assertThat(ArnGlob.intersects("arn:aws:s3:::b", object, "aws")).isFalse();
		assertThat(ArnGlob.intersects("arn:aws:s3:::*", object, "aws")).isTrue();
	}

	@Test
	void emptyRegionOfGlobalProfilesIsMatchedByAStar() {
		assertThat(ArnGlob.matches("arn:aws:bedrock:*::foundation-model/anthropic.*",
				"arn:aws:bedrock:::foundation-model/anthropic.claude-opus-4-7")).isTrue();
		assertThat(ArnGlob.matches("arn:aws:bedrock:?s-east-1::foundation-model/x", "arn:aws:bedrock:us-east-1::foundation-model/x"))
			.isTrue();
		assertThat(ArnGlob.matches("cohere.command-text-*", "cohere.command-light-text-v14")).isFalse();
	}

	@Test
	void overlappingPatterns() {
		assertThat(ArnGlob.patternsOverlap("anthropic.claude-3-*", "anthropic.claude-3-5-sonnet*")).isTrue();
		assertThat(ArnGlob.patternsOverlap("anthropic.claude-3-*", "amazon.*")).isFalse();
	}

}
