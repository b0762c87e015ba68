package org.mlgov.console.diff;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.diff.JsonChange.Op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonDiffTests {

	static final String CANVAS = """
			{"DirectDeploySettings":{"Status":"DISABLED"},
			 "GenerativeAiSettings":{"AmazonBedrockRoleArn":"arn:aws:iam::111122223333:role/Bedrock"},
			 "IdentityProviderOAuthSettings":[{"DataSourceName":"Snowflake","Status":"ENABLED"}]}""";

	@Test
	void identicalDocumentsHaveNoDifference() {
		assertThat(JsonDiff.compare(CANVAS, CANVAS)).isEmpty();
	}

	@Test
	void memberOrderAndScalarArrayOrderMakeNoDifference() {
		String before = """
				[{"AllowedMethods":["PUT","POST","GET"],"AllowedOrigins":["https://b.example","https://a.example"],
				  "MaxAgeSeconds":3000}]""";
		String after = """
				[{"MaxAgeSeconds":3000,"AllowedOrigins":["https://a.example","https://b.example"],
				  "AllowedMethods":["GET","POST","PUT"]}]""";

		assertThat(JsonDiff.compare(before, after)).isEmpty();
	}

	@Test
	void reportsReplacedAddedAndRemovedMembersWithTheirValues() {
		String after = """
				{"DirectDeploySettings":{"Status":"ENABLED"},
				 "KendraSettings":{"Status":"ENABLED"},
				 "IdentityProviderOAuthSettings":[{"DataSourceName":"Snowflake","Status":"ENABLED"}]}""";

		assertThat(JsonDiff.compare(CANVAS, after)).containsExactlyInAnyOrder(
				new JsonChange(Op.REPLACE, "/DirectDeploySettings/Status", "\"DISABLED\"", "\"ENABLED\""),
				new JsonChange(Op.REMOVE, "/GenerativeAiSettings", "{\"AmazonBedrockRoleArn\":"
						+ "\"arn:aws:iam::111122223333:role/Bedrock\"}", null),
				new JsonChange(Op.ADD, "/KendraSettings", null, "{\"Status\":\"ENABLED\"}"));
	}

	@Test
	void reportsChangesInsideArrays() {
		String before = """
				[{"AllowedMethods":["GET"],"AllowedOrigins":["https://a.example"]},
				 {"AllowedMethods":["PUT"],"AllowedOrigins":["*"],"MaxAgeSeconds":600}]""";
		String after = """
				[{"AllowedMethods":["GET","POST"],"AllowedOrigins":["https://a.example"]},
				 {"AllowedMethods":["PUT"],"AllowedOrigins":["*"],"MaxAgeSeconds":3000}]""";

		assertThat(JsonDiff.compare(before, after)).containsExactly(
				new JsonChange(Op.ADD, "/0/AllowedMethods/1", null, "\"POST\""),
				new JsonChange(Op.REPLACE, "/1/MaxAgeSeconds", "600", "3000"));
	}

	/** Issue 16: the paths are those of the documents shown beside the table, not of a sorted copy. */
	@Test
	void pathsPointIntoTheDocumentsAsWrittenNotIntoASortedCopy() {
		String before = "[{\"AllowedMethods\":[\"PUT\",\"GET\"],\"AllowedOrigins\":[\"https://a.example\"]}]";
		String after = "[{\"AllowedMethods\":[\"GET\",\"PUT\",\"POST\",\"DELETE\"],"
				+ "\"AllowedOrigins\":[\"https://b.example\",\"https://a.example\"]}]";

		assertThat(JsonDiff.compare(before, after)).containsExactly(
				new JsonChange(Op.ADD, "/0/AllowedMethods/2", null, "\"POST\""),
				new JsonChange(Op.ADD, "/0/AllowedMethods/3", null, "\"DELETE\""),
				new JsonChange(Op.ADD, "/0/AllowedOrigins/0", null, "\"https://b.example\""));
		assertThat(JsonDiff.compare(after, before)).containsExactly(
				new JsonChange(Op.REMOVE, "/0/AllowedMethods/2", "\"POST\"", null),
				new JsonChange(Op.REMOVE, "/0/AllowedMethods/3", "\"DELETE\"", null),
				new JsonChange(Op.REMOVE, "/0/AllowedOrigins/0", "\"https://b.example\"", null));
	}

	@Test
	void anObjectAddedBeforeOthersIsOneAdditionAtItsOwnIndex() {
		String kept = "{\"ID\":\"team-upload\",\"AllowedMethods\":[\"PUT\"],\"AllowedOrigins\":[\"https://t.example\"]}";
		String added = "{\"AllowedMethods\":[\"GET\"],\"AllowedOrigins\":[\"*\"]}";

		assertThat(JsonDiff.compare("[" + kept + "]", "[" + added + "," + kept + "]"))
			.containsExactly(new JsonChange(Op.ADD, "/0", null, added.replace(" ", "")));
		assertThat(JsonDiff.compare("[" + kept + "]", "[" + kept + "," + added + "]"))
			.containsExactly(new JsonChange(Op.ADD, "/1", null, added.replace(" ", "")));
	}

	@Test
	void theOrderOfObjectsInAnArrayCounts() {
		String first = "{\"AllowedMethods\":[\"GET\"],\"AllowedOrigins\":[\"*\"]}";
		String second = "{\"AllowedMethods\":[\"PUT\"],\"AllowedOrigins\":[\"https://a.example\"]}";

		assertThat(JsonDiff.compare("[" + first + "," + second + "]", "[" + second + "," + first + "]")).isNotEmpty();
	}

	@Test
	void aDocumentThatAppearsOrDisappearsIsOneOperationOnTheWhole() {
		assertThat(JsonDiff.compare(null, "{\"team\":\"ml\"}"))
			.containsExactly(new JsonChange(Op.ADD, "", null, "{\"team\":\"ml\"}"));
		assertThat(JsonDiff.compare("{\"team\":\"ml\"}", " "))
			.containsExactly(new JsonChange(Op.REMOVE, "", "{\"team\":\"ml\"}", null));
		assertThat(JsonDiff.compare(null, "")).isEmpty();
	}

	@Test
	void pointersEscapeSlashesInNames() {
		assertThat(JsonDiff.compare("{\"aws:cloudformation/stack\":\"a\"}", "{\"aws:cloudformation/stack\":\"b\"}"))
			.isEqualTo(List.of(new JsonChange(Op.REPLACE, "/aws:cloudformation~1stack", "\"a\"", "\"b\"")));
	}

	@Test
	void refusesWhatIsNotJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonDiff.compare("{", "{}"))
			.withMessageStartingWith("not a JSON document");
	}

}
