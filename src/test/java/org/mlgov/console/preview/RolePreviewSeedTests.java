package org.mlgov.console.preview;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.policy.SeedExpectations;
import org.mlgov.console.policy.SemanticPolicy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "{@code /api/role-preview} answers the seeds' scenarios exactly": for each seed scenario a JSON specification is
 * posted and every document of the answer is compared, as IAM reads it ({@link SemanticPolicy}), with the seed's
 * document, its defects corrected as for the generator ({@link SeedExpectations}). The answer holds nothing else: no
 * other policy, attachment or CORS rule.
 */
@ConsoleTest
@WithMockUser(roles = "ADMIN")
class RolePreviewSeedTests {

	static final String ROLE_ARN = "arn:aws:iam::111122223333:role/service-role/SageMaker-Seed";

	@Autowired
	MockMvc mvc;

	/** A role with no activity, plus {@code section} (JSON members): what each seed scenario asks for. */
	JsonNode preview(String section) throws Exception {
		String spec = """
				{"accountId": "111122223333", "region": "us-east-1", "roleName": "SageMaker-Seed", "persona": "custom",
				 "activities": [], %s}""".formatted(section);
		JsonNode body = RolePreviewApiTests.json(this.mvc.perform(post("/api/role-preview").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(spec)).andReturn(), 200);
		assertThat(body.get("blocked").asBoolean()).as("%s", body.get("findings")).isFalse();
		return body;
	}

	/** The only policy of the answer, with its name and kind. */
	static JsonNode onlyPolicy(JsonNode body, String name, String kind) {
		assertThat(body.get("policies")).hasSize(1);
		JsonNode policy = body.get("policies").get(0);
		assertThat(policy.get("name").asString()).isEqualTo(name);
		assertThat(policy.get("kind").asString()).isEqualTo(kind);
		assertThat(policy.at("/document/Version").asString()).isEqualTo("2012-10-17");
		return policy.get("document");
	}

	static JsonNode guardrails(JsonNode body) {
		return onlyPolicy(body, "ModelAccessGuardrails", "INLINE");
	}

	static JsonNode permissions(JsonNode body) {
		return onlyPolicy(body, "SageMaker-Seed-permissions-1", "CUSTOMER_MANAGED");
	}

	/** Same statements, actions, resources and conditions; Sids compared when the seed has them. */
	static void assertSemanticallyEqual(JsonNode actual, JsonNode expected, boolean withSids) {
		assertThat(SemanticPolicy.canonicalStatements(actual, withSids))
			.containsExactlyElementsOf(SemanticPolicy.canonicalStatements(expected, withSids));
	}

	static void assertNoAttachmentsOrCors(JsonNode body) {
		assertThat(body.get("awsManagedPolicyArns")).isEmpty();
		assertThat(body.get("cors")).isEmpty();
		assertThat(body.get("bedrockRole").isNull()).isTrue();
	}

	static String json(String... values) {
		ArrayNode array = SemanticPolicy.MAPPER.createArrayNode();
		for (String value : values) {
			array.add(value);
		}
		return array.toString();
	}

	@Test
	void bedrockDenyAll() throws Exception {
		JsonNode body = preview("\"bedrock\": {\"mode\": \"DENY_ALL\", \"denyFineTuning\": false}");
		assertSemanticallyEqual(guardrails(body), SeedExpectations.bedrockDenyAll(), false);
		assertNoAttachmentsOrCors(body);
	}

	@Test
	void bedrockDenyAllWithFineTuning() throws Exception {
		JsonNode body = preview("\"bedrock\": {\"mode\": \"DENY_ALL\"}");
		assertSemanticallyEqual(guardrails(body), SeedExpectations.bedrockDenyAllAndFineTuning(), false);
	}

	@Test
	void bedrockDenyListed() throws Exception {
		JsonNode body = preview("\"bedrock\": {\"mode\": \"DENY_LISTED\", \"denied\": "
				+ json(SeedExpectations.BEDROCK_DENIED) + ", \"denyFineTuning\": false}");
		assertSemanticallyEqual(guardrails(body), SeedExpectations.bedrockDenyListed(), false);
		assertNoAttachmentsOrCors(body);
	}

	@Test
	void jumpStartDenyAll() throws Exception {
		JsonNode body = preview("\"jumpStart\": {\"mode\": \"DENY_ALL\"}");
		JsonNode document = guardrails(body);
		assertSemanticallyEqual(document, SeedExpectations.jumpStartDenyAll(), false);
		assertThat(document.at("/Statement/0/Condition/Null/aws:RequestTag~1sagemaker-sdk:jumpstart-model-id")
			.asString()).isEqualTo("false");
		assertNoAttachmentsOrCors(body);
	}

	@Test
	void jumpStartDenyListed() throws Exception {
		JsonNode body = preview("\"jumpStart\": {\"mode\": \"DENY_LISTED\", \"denied\": "
				+ json(SeedExpectations.JUMPSTART_DENIED) + "}");
		assertSemanticallyEqual(guardrails(body), SeedExpectations.jumpStartDenyListed(), false);
		assertNoAttachmentsOrCors(body);
	}

	@Test
	void studioClassicSharing() throws Exception {
		JsonNode body = preview(
				"\"collaboration\": {\"studioClassicModelSharing\": true, \"scope\": \"AS_DOCUMENTED\"}");
		assertSemanticallyEqual(permissions(body), SeedExpectations.studioClassicSharing(), false);
		assertNoAttachmentsOrCors(body);
	}

	@Test
	void automaticEvaluation() throws Exception {
		JsonNode body = preview("\"evaluation\": {\"automatic\": true, \"corsBuckets\": [\"eval-bucket\"], "
				+ "\"s3Scope\": \"AS_DOCUMENTED\"}");
		assertSemanticallyEqual(permissions(body), SeedExpectations.automaticEvaluation(), true);
	}

	@Test
	void humanEvaluation() throws Exception {
		JsonNode body = preview("\"evaluation\": {\"human\": true, \"corsBuckets\": [\"eval-bucket\"], "
				+ "\"s3Scope\": \"AS_DOCUMENTED\"}");
		assertSemanticallyEqual(permissions(body), SeedExpectations.humanEvaluation(), true);
	}

	@Test
	void evaluationCors() throws Exception {
		JsonNode body = preview("\"evaluation\": {\"automatic\": true, "
				+ "\"corsBuckets\": [\"eval-bucket\", \"eval-results\"], \"s3Scope\": \"AS_DOCUMENTED\"}");
		List<String> buckets = new ArrayList<>();
		for (JsonNode cors : body.get("cors")) {
			buckets.add(cors.get("bucket").asString());
			assertThat(cors.get("corsRules")).isEqualTo(SeedExpectations.evaluationCors());
		}
		assertThat(buckets).containsExactly("eval-bucket", "eval-results");
	}

	@Test
	void canvasBedrockPermissions() throws Exception {
		JsonNode body = preview("\"canvas\": {\"readyToUseModels\": true, \"generativeAi\": true}");
		assertThat(SemanticPolicy.list(body.get("awsManagedPolicyArns")).stream().map(JsonNode::asString).toList())
			.containsExactly("arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess",
					"arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess");
		// The execution role itself trusts Bedrock, with the statement of the role the console creates.
		JsonNode bedrockTrust = SeedExpectations.canvasBedrockRoleTrust().get("Statement").get(0);
		assertThat(SemanticPolicy.canonicalStatements(body.at("/role/trustPolicy"), true))
			.contains(SemanticPolicy.canonical(bedrockTrust, true))
			.hasSize(2);
		assertThat(body.at("/canvasAppSettings/GenerativeAiSettings/AmazonBedrockRoleArn").asString())
			.isEqualTo(ROLE_ARN);
		assertThat(body.get("policies")).isEmpty();
	}

	@Test
	void canvasBedrockRoleTrustRelationship() throws Exception {
		JsonNode body = preview("\"canvas\": {\"readyToUseModels\": true, \"generativeAi\": true, "
				+ "\"bedrockRole\": \"CREATE\"}");
		JsonNode role = body.get("bedrockRole");
		assertThat(role.get("create").asBoolean()).isTrue();
		assertThat(role.get("arn").asString()).isEqualTo(
				"arn:aws:iam::111122223333:role/service-role/AmazonSagemakerCanvasBedrockRole-SageMaker-Seed");
		assertThat(SemanticPolicy.list(role.get("managedPolicyArns")).stream().map(JsonNode::asString).toList())
			.containsExactly("arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess");
		ObjectNode expected = SeedExpectations.canvasBedrockRoleTrust();
		assertThat(role.at("/trustPolicy/Version").asString()).isEqualTo("2012-10-17");
		assertSemanticallyEqual(role.get("trustPolicy"), expected, true);
		assertThat(body.at("/canvasAppSettings/GenerativeAiSettings/AmazonBedrockRoleArn").asString())
			.isEqualTo(role.get("arn").asString());
	}

}
