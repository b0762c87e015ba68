package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator writes and sizes policies straight from their statements; the result is what {@link Json} gives for
 * the {@link PolicyRendering#tree trees}, byte for byte.
 */
class PolicyRenderingTests {

	private static Map<String, Map<String, List<String>>> conditions() {
		Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
		Map<String, List<String>> like = new LinkedHashMap<>();
		like.put("aws:RequestTag/sagemaker-sdk:jumpstart-model-id", List.of("a-*", "b-?", "say \"hi\""));
		like.put("aws:SourceAccount", List.of("111122223333"));
		conditions.put("StringLike", like);
		conditions.put("Null", Map.of("aws:RequestTag/x", List.of("false")));
		conditions.put("ForAnyValue:StringEquals", Map.of());
		conditions.put("StringEquals", Map.of("key\twith tab", List.of()));
		return conditions;
	}

	static List<Statement> awkward() {
		List<Statement> statements = new ArrayList<>();
		statements.add(Statement.allow("a", List.of("s3:GetObject"), List.of("*")));
		statements.add(Statement.allow("a", List.of("s3:GetObject", "s3:PutObject"),
				List.of("arn:aws:s3:::bucket/*", "arn:aws:s3:::other bucket\u2003/\u00a0x", "back\\slash\u0007"))
			.withSid("Sid1"));
		statements.add(Statement.deny("b", List.of(), List.of("arn:aws:bedrock:*::foundation-model/x"))
			.withConditions(conditions())
			.withSid("Deny2"));
		statements.add(Statement.denyNotResource("c", List.of("bedrock:InvokeModel"),
				List.of("arn:aws:bedrock:*::foundation-model/a", "line\nbreak\r")));
		statements.add(Statement.trust("Trust", "sagemaker.amazonaws.com", Map.of()));
		statements.add(Statement.trust(null, "bedrock.amazonaws.com",
				Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("111122223333")))));
		return statements;
	}

	@Test
	void writtenStraightFromTheStatementsAsFromTheTree() {
		List<List<Statement>> documents = new ArrayList<>();
		documents.add(List.of());
		for (Statement statement : awkward()) {
			documents.add(List.of(statement));
		}
		documents.add(awkward());
		for (List<Statement> statements : documents) {
			PolicyDocument document = new PolicyDocument(statements);
			String json = PolicyRendering.pretty(document);
			assertThat(json).isEqualTo(Json.pretty(PolicyRendering.tree(document)));
			assertThat(PolicyRendering.iamSize(document)).isEqualTo(Json.iamSizeOf(PolicyRendering.tree(document)))
				.isEqualTo(Json.iamSize(json));
			PolicyRendering.Rendered rendered = PolicyRendering.render(document);
			assertThat(rendered.json()).isEqualTo(json);
			assertThat(rendered.size()).isEqualTo(Json.iamSize(json));
			// Statements written on their own (as the packer does) make the same document.
			Map<Statement, PolicyRendering.Rendered> written = new IdentityHashMap<>();
			for (int i = 0; i < statements.size(); i += 2) {
				written.put(statements.get(i), PolicyRendering.render(statements.get(i)));
			}
			assertThat(PolicyRendering.render(document, written::get)).isEqualTo(rendered);
		}
	}

	@Test
	void statementsAreSizedStraightFromTheStatementsAsFromTheTree() {
		for (Statement statement : awkward()) {
			assertThat(PolicyRendering.iamSize(statement)).isEqualTo(Json.iamSizeOf(PolicyRendering.tree(statement)))
				.isEqualTo(Json.iamSize(Json.compact(PolicyRendering.tree(statement))))
				.isEqualTo(PolicyRendering.render(statement).size());
		}
	}

}
