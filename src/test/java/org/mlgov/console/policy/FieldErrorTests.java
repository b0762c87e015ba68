package org.mlgov.console.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FieldError#jsonPointer()}: property paths as RFC 6901 JSON pointers. */
class FieldErrorTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', emptyValue = "", textBlock = """
			activities[2].parameters.S3Buckets[0] | /activities/2/parameters/S3Buckets/0
			accountId                             | /accountId
			''                                    | ''
			activities                            | /activities
			activities[10]                        | /activities/10
			tags[1].key                           | /tags/1/key
			vpc.subnetIds[0]                      | /vpc/subnetIds/0
			kms.dataKeyArns[0]                    | /kms/dataKeyArns/0
			bedrock.allowed[3]                    | /bedrock/allowed/3
			canvas.bedrockRoleArn                 | /canvas/bedrockRoleArn
			evaluation.corsAllowedOrigins[0]      | /evaluation/corsAllowedOrigins/0
			matrix[1][2]                          | /matrix/1/2
			a~b.c/d                               | /a~0b/c~1d
			""")
	void pointsAtTheSameField(String field, String pointer) {
		assertThat(new FieldError(field, "message").jsonPointer()).isEqualTo(pointer);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			activities[0      | /activities[0
			tags]             | /tags]
			a[1].b[x          | /a/1/b[x
			""")
	void keepsAnUnclosedBracketAsPartOfTheName(String field, String pointer) {
		assertThat(new FieldError(field, "message").jsonPointer()).isEqualTo(pointer);
	}

}
