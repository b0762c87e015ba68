package org.mlgov.console.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON writer and IAM's size count, with and without writing the JSON. */
class JsonTests {

	static Map<String, Object> awkward() {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("plain", "arn:aws:s3:::bucket/*");
		tree.put("spaces and tabs", "a b\tc\nd\re");
		tree.put("quotes", "say \"hi\" \\ back");
		tree.put("control", "bell\u0007");
		tree.put("unicode space", "em\u2003space and no-break\u00a0space");
		tree.put("numbers", List.of(3600, 1.5, true, false));
		tree.put("nothing", null);
		tree.put("empty", Map.of());
		tree.put("none", List.of());
		tree.put("nested", Map.of("Statement", List.of(Map.of("Sid", "A1"), "x")));
		return tree;
	}

	@Test
	void theSizeCountedWithoutWritingIsTheSizeOfTheWrittenJson() {
		Map<String, Object> tree = awkward();
		int written = Json.iamSize(Json.compact(tree));
		assertThat(Json.iamSizeOf(tree)).isEqualTo(written);
		assertThat(Json.iamSize(Json.pretty(tree))).isEqualTo(written);
		assertThat(Json.iamSizeOf("a b")).isEqualTo(4);
		assertThat(Json.iamSizeOf(List.of())).isEqualTo(2);
		assertThat(Json.iamSizeOf(Map.of("k", List.of("v", "w")))).isEqualTo(Json.iamSize("{\"k\":[\"v\",\"w\"]}"));
	}

	@Test
	void stringsAreEscapedAndPlainStringsWrittenAsTheyAre() {
		assertThat(Json.compact(List.of("say \"hi\" \\", "a\tb\nc", "bell\u0007", "arn:aws:iam::*:role/x")))
			.isEqualTo("[\"say \\\"hi\\\" \\\\\",\"a\\tb\\nc\",\"bell\\u0007\",\"arn:aws:iam::*:role/x\"]");
	}

	@Test
	void prettyJsonIndentsByTwoSpaces() {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("Version", "2012-10-17");
		tree.put("Statement", List.of(Map.of("Effect", "Allow")));
		assertThat(Json.pretty(tree)).isEqualTo("""
				{
				  "Version": "2012-10-17",
				  "Statement": [
				    {
				      "Effect": "Allow"
				    }
				  ]
				}
				""");
	}

}
