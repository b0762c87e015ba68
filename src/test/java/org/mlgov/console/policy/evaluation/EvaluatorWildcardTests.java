package org.mlgov.console.policy.evaluation;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.allow;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.evaluate;
import static org.mlgov.console.policy.evaluation.EvaluatorFixtures.policy;

/**
 * Truth tables of IAM's wildcard rules for Action, Resource, StringLike and ArnLike (aws-facts.md F.2, F.3): each row
 * is checked on the matcher and, for Action and Resource, through a whole evaluation.
 */
class EvaluatorWildcardTests {

	static Stream<Arguments> actions() {
		return Stream.of(
				arguments("bedrock:InvokeModel", "bedrock:InvokeModel", true),
				arguments("bedrock:invokemodel", "bedrock:InvokeModel", true),
				arguments("BEDROCK:InvokeModel", "bedrock:InvokeModel", true),
				arguments("bedrock:Invoke*", "bedrock:InvokeModelWithResponseStream", true),
				arguments("bedrock:*", "bedrock:InvokeModel", true),
				arguments("*", "sagemaker:CreateEndpoint", true),
				arguments("bedrock:*Model", "bedrock:InvokeModel", true),
				arguments("bedrock:*Model", "bedrock:InvokeModelWithResponseStream", false),
				arguments("bedrock:InvokeMode?", "bedrock:InvokeModel", true),
				arguments("bedrock:InvokeMode?", "bedrock:InvokeMode", false),
				arguments("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", false),
				arguments("bedrock:InvokeModel", "sagemaker:InvokeModel", false),
				arguments("bedrock*", "bedrock-mantle:CreateInference", true),
				arguments("iam:*AccessKey*", "iam:CreateAccessKey", true),
				arguments("iam:*AccessKey*", "iam:CreateUser", false));
	}

	@ParameterizedTest(name = "Action {0} covers {1}: {2}")
	@MethodSource("actions")
	void actionWildcards(String pattern, String action, boolean expected) {
		assertThat(Wildcards.action(pattern, action)).isEqualTo(expected);
		Decision decision = evaluate(policy("P", allow(pattern, "*")), EvaluationRequest.of(action, "*"));
		assertThat(decision.outcome()).isEqualTo(expected ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY);
	}

	static final String FM = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0";

	static final String ENDPOINT = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/canvas-chat";

	static Stream<Arguments> resources() {
		return Stream.of(
				// Plain and whole wildcards.
				arguments("*", FM, true),
				arguments(FM, FM, true),
				arguments("*", "*", true),
				arguments(FM, "*", false),
				// Region wildcard (also the empty Region of global profiles), account left empty.
				arguments("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0", FM, true),
				arguments("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0",
						"arn:aws:bedrock:::foundation-model/amazon.nova-pro-v1:0", true),
				// A * in the resource part crosses ':' (model versions) and '/'.
				arguments("arn:aws:bedrock:*::foundation-model/amazon.nova*", FM, true),
				arguments("arn:aws:bedrock:*::foundation-model/*", FM, true),
				arguments("arn:aws:bedrock:*::*", FM, true),
				arguments("arn:aws:sagemaker:*:*:*/*", ENDPOINT, true),
				arguments("arn:aws:sagemaker:*:*:*", ENDPOINT, true),
				arguments("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.csv", true),
				arguments("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
				arguments("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket-2/key", true),
				// The account segment's * crosses into the resource part (as the Resource docs allow).
				arguments("arn:aws:sagemaker:us-east-1:*", ENDPOINT, true),
				arguments("arn:aws:bedrock:*", FM, true),
				// A * in the service or Region segment does not cross ':'.
				arguments("arn:aws:bedrock:us-*:foundation-model/amazon.nova-pro-v1:0", FM, false),
				arguments("arn:aws:bedrock:*:foundation-model/amazon.nova-pro-v1:0", FM, false),
				arguments("arn:aws:bedrock*:foundation-model/amazon.nova-pro-v1:0", FM, false),
				arguments("arn:aws:sagemaker:*:endpoint/canvas-chat", ENDPOINT, false),
				arguments("arn:aws:sagemaker:us-east-?:111122223333:endpoint/canvas-chat", ENDPOINT, true),
				arguments("arn:aws:sagemaker:us-east-1?111122223333:endpoint/canvas-chat", ENDPOINT, false),
				// Partition and service are matched, case-sensitively.
				arguments("arn:aws-cn:bedrock:*::foundation-model/*", FM, false),
				arguments("arn:aws:sagemaker:*::foundation-model/*", FM, false),
				arguments("arn:aws:bedrock:*::foundation-model/AMAZON.nova-pro-v1:0", FM, false),
				// ? is exactly one character.
				arguments("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:?", FM, true),
				arguments("arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1?", FM, false),
				// The Canvas DirectDeploy pattern does not reach endpoint/canvas-… (no ':' before canvas).
				arguments("arn:aws:sagemaker:*:*:canvas*", ENDPOINT, false),
				arguments("arn:aws:sagemaker:*:*:*canvas*", ENDPOINT, true),
				// Inference profiles of a model, by geography prefix.
				arguments("arn:aws:bedrock:*:111122223333:inference-profile/*.amazon.nova-pro-v1:0",
						"arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.amazon.nova-pro-v1:0", true),
				arguments("arn:aws:bedrock:*:111122223333:inference-profile/*.amazon.nova-pro-v1:0",
						"arn:aws:bedrock:eu-west-1:444455556666:inference-profile/eu.amazon.nova-pro-v1:0", false));
	}

	@ParameterizedTest(name = "Resource {0} covers {1}: {2}")
	@MethodSource("resources")
	void resourceWildcards(String pattern, String resource, boolean expected) {
		assertThat(Wildcards.resource(Glob.of(pattern), resource)).isEqualTo(expected);
		Decision decision = evaluate(policy("P", allow("bedrock:InvokeModel", pattern)),
				EvaluationRequest.of("bedrock:InvokeModel", resource));
		assertThat(decision.outcome()).isEqualTo(expected ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY);
	}

	static Stream<Arguments> stringLike() {
		return Stream.of(
				arguments("huggingface-llm-falcon-*", "huggingface-llm-falcon-7b-bf16", true),
				arguments("huggingface-llm-falcon-*", "huggingface-llm-falcon2-11b", false),
				arguments("huggingface-llm-falcon-*", "huggingface-llm-falcon-", true),
				arguments("*-7b", "meta-textgeneration-llama-2-7b", true),
				arguments("*", "", true),
				arguments("a?c", "abc", true),
				arguments("a?c", "ac", false),
				arguments("a?c", "abbc", false),
				arguments("a*c*e", "abcde", true),
				arguments("a*c*e", "abcd", false),
				arguments("Falcon*", "falcon-7b", false),
				arguments("sagemaker.*.amazonaws.com", "sagemaker.us-east-1.amazonaws.com", true),
				// StringLike crosses ':' (unlike ArnLike).
				arguments("arn:aws:sagemaker:us-east-1*:endpoint/x",
						"arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", true));
	}

	@ParameterizedTest(name = "StringLike {0} on ''{1}'': {2}")
	@MethodSource("stringLike")
	void stringLikeWildcards(String pattern, String value, boolean expected) {
		assertThat(Wildcards.stringLike(Glob.of(pattern), value, false)).isEqualTo(expected);
	}

	static Stream<Arguments> arnLike() {
		return Stream.of(
				arguments("arn:aws:sagemaker:*:111122223333:endpoint/*",
						"arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", true),
				arguments("arn:aws:sagemaker:us-*:*:*", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", true),
				arguments("arn:aws:bedrock:*:*:inference-profile/us.*",
						"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-v2:1", true),
				arguments("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b", true),
				// Each part separately: a * never spans one of the first five colons.
				arguments("arn:aws:sagemaker:us-east-1*:endpoint/x",
						"arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", false),
				arguments("arn:aws:*:endpoint/x", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", false),
				arguments("arn:aws:sagemaker:*:*:endpoint/x", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/y",
						false),
				arguments("arn:aws:sagemaker:*:*:endpoint/x", "arn:aws:sagemaker:us-east-1:111122223333:Endpoint/x",
						false),
				// A shorter pattern ending in * covers the rest; a value that is not an ARN never matches otherwise.
				arguments("*", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", true),
				arguments("arn:aws:sagemaker:*", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/x", true),
				arguments("arn:aws:s3:::bucket", "bucket", false),
				arguments("arn:aws:s3:::*", "arn:aws:s3:::", true));
	}

	@ParameterizedTest(name = "ArnLike {0} on {1}: {2}")
	@MethodSource("arnLike")
	void arnLikeWildcards(String pattern, String value, boolean expected) {
		assertThat(Wildcards.arnLike(Glob.of(pattern), value)).isEqualTo(expected);
	}

}
