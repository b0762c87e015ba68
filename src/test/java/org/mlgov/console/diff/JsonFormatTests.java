package org.mlgov.console.diff;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.Json;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFormatTests {

	static final Map<String, Object> POLICY = Map.of("Version", "2012-10-17", "Statement",
			List.of(Map.of("Effect", "Allow", "Action", List.of("s3:GetObject", "s3:PutObject"), "Resource", "*",
					"Condition", Map.of("StringEquals", Map.of("aws:ResourceAccount", "111122223333")))));

	@Test
	void aCompactDocumentComesOutAsTheGeneratorWritesIt() {
		assertThat(JsonFormat.pretty(Json.compact(POLICY))).isEqualTo(Json.pretty(POLICY));
		assertThat(JsonFormat.pretty(Json.pretty(POLICY))).isEqualTo(Json.pretty(POLICY));
	}

	@Test
	void keepsMemberOrderEmptyContainersAndEscapes() {
		assertThat(JsonFormat.pretty("{\"b\":[],\"a\":{},\"c\":\"x\\\"y\",\"d\":[1,true,null]}")).isEqualTo("""
				{
				  "b": [],
				  "a": {},
				  "c": "x\\"y",
				  "d": [
				    1,
				    true,
				    null
				  ]
				}
				""");
	}

	@Test
	void leavesWhatIsNotJsonAsItCame() {
		assertThat(JsonFormat.pretty(null)).isNull();
		assertThat(JsonFormat.pretty(" ")).isEqualTo(" ");
		assertThat(JsonFormat.pretty("{not json")).isEqualTo("{not json");
	}

	@Test
	void bothSidesOfAComparisonArePrettyPrintedAlike() {
		DocumentChange change = DocumentChange.ofPolicy("p", "Inline policy p", Json.compact(POLICY), Json.pretty(POLICY));
		assertThat(change.before()).isEqualTo(change.after()).isEqualTo(Json.pretty(POLICY));
		DocumentChange cors = DocumentChange.ofJson("c", "CORS", "[{\"AllowedMethods\":[\"GET\"]}]", null);
		assertThat(cors.before()).isEqualTo("[\n  {\n    \"AllowedMethods\": [\n      \"GET\"\n    ]\n  }\n]\n");
	}

}
