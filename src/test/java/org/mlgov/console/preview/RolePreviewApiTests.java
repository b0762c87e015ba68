package org.mlgov.console.preview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/role-preview}: every document of an answer, authorization, and a 400 with one message per field,
 * never a 500, for malformed specifications. The seeds' scenarios are in {@link RolePreviewSeedTests}.
 */
@ConsoleTest
class RolePreviewApiTests {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	static final String VALID = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Api","persona":"data-scientist",
			 "activities":[{"id":"s3-bucket-access","parameters":{"S3Buckets":["ml-data"]}},
			               {"id":"manage-jobs","parameters":{"PassRoles":["arn:aws:iam::111122223333:role/Compute"]}}],
			 "vpc":{"subnetIds":["subnet-0123456789abcdef0"],"securityGroupIds":["sg-0123456789abcdef0"]},
			 "bedrock":{"mode":"DENY_LISTED","denied":["ai21.j2-mid-v1"],"denyFineTuning":false},
			 "jumpStart":{"mode":"DENY_ALL"},
			 "evaluation":{"automatic":true,"corsBuckets":["eval-bucket"]}}
			""";

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser(roles = "ADMIN")
	void answersWithEveryDocument() throws Exception {
		JsonNode body = json(this.mvc.perform(post("/api/role-preview").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn(), 200);
		assertThat(body.get("catalogVersion").asString()).matches("\\d{4}\\.\\d{2}\\.\\d{2}-\\d+\\+[0-9a-f]{12}");
		assertThat(body.get("blocked").asBoolean()).isFalse();
		assertThat(body.at("/role/arn").asString())
			.isEqualTo("arn:aws:iam::111122223333:role/service-role/SageMaker-Api");
		assertThat(body.at("/role/trustPolicy/Statement/0/Principal/Service").asString())
			.isEqualTo("sagemaker.amazonaws.com");
		JsonNode guardrails = body.get("policies").get(0);
		assertThat(guardrails.get("name").asString()).isEqualTo("ModelAccessGuardrails");
		assertThat(guardrails.get("kind").asString()).isEqualTo("INLINE");
		JsonNode jumpStart = guardrails.at("/document/Statement/1");
		assertThat(jumpStart.at("/Condition/Null/aws:RequestTag~1sagemaker-sdk:jumpstart-model-id").asString())
			.isEqualTo("false");
		assertThat(guardrails.at("/document/Statement/0/Resource/0").asString())
			.isEqualTo("arn:aws:bedrock:*::foundation-model/ai21.j2-mid-v1");
		assertThat(body.at("/cors/0/bucket").asString()).isEqualTo("eval-bucket");
		assertThat(body.at("/cors/0/corsRules/0/AllowedMethods").toString()).isEqualTo("[\"GET\",\"PUT\",\"POST\",\"DELETE\"]");
		List<String> codes = new ArrayList<>();
		body.get("findings").forEach((f) -> codes.add(f.get("code").asString()));
		assertThat(codes).contains("CORS_WILDCARD_ORIGIN", "VPC_NOT_BINDABLE");
	}

	@Test
	void theReadmeExampleIsAccepted() throws Exception {
		String example = Files.readString(Path.of("docs/examples/data-scientist.json"));
		JsonNode body = json(this.mvc.perform(post("/api/role-preview").with(httpBasic("admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(example)).andReturn(), 200);
		assertThat(body.get("blocked").asBoolean()).isFalse();
		assertThat(body.at("/bedrockRole/name").asString())
			.isEqualTo("AmazonSagemakerCanvasBedrockRole-SageMaker-DataScientist");
		assertThat(body.at("/canvasAppSettings/DirectDeploySettings/Status").asString()).isEqualTo("ENABLED");
	}

	@Test
	void scriptsUseHttpBasicWithoutCsrf() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview").with(httpBasic("admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	@WithMockUser(roles = "REVIEWER")
	void onlyAdministratorsMayPreview() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void anonymousCallersGet401() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getHeader("Location")).isNull();
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"status\":401");
	}

	@Test
	void anonymousCallersWithoutACsrfTokenGet401NotARedirect() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn();
		assertThat(result.getResponse().getStatus()).isIn(401, 403);
		assertThat(result.getResponse().getHeader("Location")).isNull();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void browserSessionsNeedTheCsrfToken() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/role-preview").contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	static ObjectNode valid() {
		return (ObjectNode) MAPPER.readTree(VALID);
	}

	static String edit(Consumer<ObjectNode> change) {
		ObjectNode spec = valid();
		change.accept(spec);
		return spec.toString();
	}

	static Arguments malformed(String name, String body, String field) {
		return Arguments.of(name, body, field);
	}

	/** At least 50 malformed specifications, each with the field the 400 must name. */
	static Stream<Arguments> malformedSpecs() {
		List<Arguments> cases = new ArrayList<>();
		// Not JSON, or not an object of the right shape.
		cases.add(malformed("empty body", "", ""));
		cases.add(malformed("truncated JSON", "{\"accountId\":\"1111", "accountId"));
		cases.add(malformed("a JSON array", "[1,2,3]", ""));
		cases.add(malformed("a JSON string", "\"spec\"", ""));
		cases.add(malformed("JSON null", "null", ""));
		cases.add(malformed("trailing garbage", VALID + "}", ""));
		cases.add(malformed("unknown top-level field", edit((s) -> s.put("bedrok", "x")), "bedrok"));
		cases.add(malformed("unknown nested field", edit((s) -> ((ObjectNode) s.get("vpc")).put("subnets", "x")), "vpc.subnets"));
		// The format version of stored drafts and revisions is not part of the API.
		cases.add(malformed("stored format version", edit((s) -> s.put("formatVersion", 2)), "formatVersion"));
		cases.add(malformed("activities not a list", edit((s) -> s.put("activities", "manage-jobs")), "activities"));
		cases.add(malformed("parameters not a map", edit((s) -> ((ObjectNode) s.get("activities").get(0)).put("parameters", 3)), "activities[0].parameters"));
		cases.add(malformed("maxSession a string", edit((s) -> s.put("maxSessionDurationSeconds", "an hour")), "maxSessionDurationSeconds"));
		cases.add(malformed("unknown Bedrock mode", edit((s) -> ((ObjectNode) s.get("bedrock")).put("mode", "ALLOW_SOME")), "bedrock.mode"));
		cases.add(malformed("unknown JumpStart mode", edit((s) -> ((ObjectNode) s.get("jumpStart")).put("mode", "deny_all")), "jumpStart.mode"));
		cases.add(malformed("boolean as number", edit((s) -> ((ObjectNode) s.get("evaluation")).put("automatic", "maybe")), "evaluation.automatic"));
		cases.add(malformed("object for a string", edit((s) -> s.putObject("roleName").put("value", "x")), "roleName"));
		cases.add(malformed("tags not a list", edit((s) -> s.put("tags", "team=a")), "tags"));
		// Account, region, partition.
		cases.add(malformed("missing account", edit((s) -> s.remove("accountId")), "accountId"));
		cases.add(malformed("short account", edit((s) -> s.put("accountId", "12345")), "accountId"));
		cases.add(malformed("letters in account", edit((s) -> s.put("accountId", "11112222333x")), "accountId"));
		cases.add(malformed("missing region", edit((s) -> s.remove("region")), "region"));
		cases.add(malformed("bad region", edit((s) -> s.put("region", "US-EAST-1")), "region"));
		cases.add(malformed("unknown partition", edit((s) -> s.put("partition", "aws-mars")), "partition"));
		cases.add(malformed("partition/region mismatch", edit((s) -> s.put("partition", "aws-cn")), "partition"));
		// Role name, path, tags, description, session, boundary.
		cases.add(malformed("missing role name", edit((s) -> s.remove("roleName")), "roleName"));
		cases.add(malformed("65-char role name", edit((s) -> s.put("roleName", "r".repeat(65))), "roleName"));
		cases.add(malformed("space in role name", edit((s) -> s.put("roleName", "My Role")), "roleName"));
		cases.add(malformed("path without slashes", edit((s) -> s.put("rolePath", "service-role")), "rolePath"));
		cases.add(malformed("session too short", edit((s) -> s.put("maxSessionDurationSeconds", 60)), "maxSessionDurationSeconds"));
		cases.add(malformed("session too long", edit((s) -> s.put("maxSessionDurationSeconds", 50000)), "maxSessionDurationSeconds"));
		cases.add(malformed("boundary not a policy ARN", edit((s) -> s.put("permissionsBoundaryArn", "arn:aws:iam::111122223333:role/x")), "permissionsBoundaryArn"));
		cases.add(malformed("aws: tag key", edit((s) -> s.putArray("tags").addObject().put("key", "aws:owner").put("value", "x")), "tags[0].key"));
		cases.add(malformed("description with emoji", edit((s) -> s.put("description", "team \uD83D\uDE80 role")), "description"));
		// Persona and activities.
		cases.add(malformed("missing persona", edit((s) -> s.remove("persona")), "persona"));
		cases.add(malformed("unknown persona", edit((s) -> s.put("persona", "data-engineer")), "persona"));
		cases.add(malformed("unknown activity", edit((s) -> ((ObjectNode) s.get("activities").get(0)).put("id", "train-models")), "activities[0].id"));
		cases.add(malformed("duplicate activity", edit((s) -> ((ArrayNode) s.get("activities")).add(s.get("activities").get(0).deepCopy())), "activities[2].id"));
		cases.add(malformed("missing required parameter", edit((s) -> ((ObjectNode) s.get("activities").get(1)).putObject("parameters")), "activities[1].parameters.PassRoles"));
		cases.add(malformed("parameter the activity does not take", edit((s) -> ((ObjectNode) s.get("activities").get(0).get("parameters")).putArray("PassRoles").add("arn:aws:iam::111122223333:role/x")), "activities[0].parameters.PassRoles"));
		cases.add(malformed("bucket with capitals", edit((s) -> ((ArrayNode) s.at("/activities/0/parameters/S3Buckets")).set(0, "ML-Data")), "activities[0].parameters.S3Buckets[0]"));
		cases.add(malformed("bucket too short", edit((s) -> ((ArrayNode) s.at("/activities/0/parameters/S3Buckets")).set(0, "ml")), "activities[0].parameters.S3Buckets[0]"));
		cases.add(malformed("bucket that is an IP", edit((s) -> ((ArrayNode) s.at("/activities/0/parameters/S3Buckets")).set(0, "192.168.1.10")), "activities[0].parameters.S3Buckets[0]"));
		cases.add(malformed("duplicate bucket", edit((s) -> ((ArrayNode) s.at("/activities/0/parameters/S3Buckets")).add("ml-data")), "activities[0].parameters.S3Buckets[1]"));
		cases.add(malformed("PassRole not a role ARN", edit((s) -> ((ArrayNode) s.at("/activities/1/parameters/PassRoles")).set(0, "Compute")), "activities[1].parameters.PassRoles[0]"));
		cases.add(malformed("PassRole of another partition", edit((s) -> ((ArrayNode) s.at("/activities/1/parameters/PassRoles")).set(0, "arn:aws-cn:iam::111122223333:role/Compute")), "activities[1].parameters.PassRoles[0]"));
		cases.add(malformed("101 buckets", edit((s) -> {
			ArrayNode buckets = (ArrayNode) s.at("/activities/0/parameters/S3Buckets");
			for (int i = 0; i < 100; i++) {
				buckets.add("bucket-number-" + i);
			}
		}), "activities[0].parameters.S3Buckets"));
		// VPC and KMS.
		cases.add(malformed("bad subnet id", edit((s) -> ((ArrayNode) s.at("/vpc/subnetIds")).set(0, "subnet-xyz")), "vpc.subnetIds[0]"));
		cases.add(malformed("bad security group", edit((s) -> ((ArrayNode) s.at("/vpc/securityGroupIds")).set(0, "sg-12")), "vpc.securityGroupIds[0]"));
		cases.add(malformed("subnets without security groups", edit((s) -> ((ObjectNode) s.get("vpc")).putArray("securityGroupIds")), "vpc.securityGroupIds"));
		cases.add(malformed("KMS alias instead of key", edit((s) -> s.putObject("kms").<ObjectNode>set("dataKeyArns", MAPPER.createArrayNode().add("arn:aws:kms:us-east-1:111122223333:alias/ml")).putArray("volumeKeyArns").add("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")), "kms.dataKeyArns[0]"));
		cases.add(malformed("data keys without volume keys", edit((s) -> s.putObject("kms").putArray("dataKeyArns").add("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")), "kms.volumeKeyArns"));
		// Models.
		cases.add(malformed("shorthand Bedrock id", edit((s) -> ((ArrayNode) s.at("/bedrock/denied")).set(0, "j2-mid-v1")), "bedrock.denied[0]"));
		cases.add(malformed("deny list empty", edit((s) -> ((ObjectNode) s.get("bedrock")).putArray("denied")), "bedrock.denied"));
		cases.add(malformed("list given in DENY_ALL", edit((s) -> ((ObjectNode) s.get("jumpStart")).putArray("denied").add("huggingface-llm-falcon-*")), "jumpStart.denied"));
		cases.add(malformed("JumpStart id with a space", edit((s) -> s.putObject("jumpStart").put("mode", "DENY_LISTED").putArray("denied").add("meta llama")), "jumpStart.denied[0]"));
		cases.add(malformed("allow list of only *", edit((s) -> s.putObject("bedrock").put("mode", "ALLOW_LISTED").putArray("allowed").add("*")), "bedrock.allowed[0]"));
		// Canvas and evaluation.
		cases.add(malformed("existing Bedrock role without ARN", edit((s) -> s.putObject("canvas").put("generativeAi", true).put("bedrockRole", "EXISTING")), "canvas.bedrockRoleArn"));
		cases.add(malformed("forecast role without forecasting", edit((s) -> s.putObject("canvas").put("forecastRoleArn", "arn:aws:iam::111122223333:role/Forecast")), "canvas.forecastRoleArn"));
		cases.add(malformed("CORS bucket invalid", edit((s) -> ((ArrayNode) s.at("/evaluation/corsBuckets")).set(0, "Eval_Bucket")), "evaluation.corsBuckets[0]"));
		cases.add(malformed("CORS origin with a path", edit((s) -> ((ObjectNode) s.get("evaluation")).putArray("corsAllowedOrigins").add("https://console.aws.amazon.com/bedrock")), "evaluation.corsAllowedOrigins[0]"));
		cases.add(malformed("evaluation without buckets", edit((s) -> ((ObjectNode) s.get("evaluation")).putArray("corsBuckets")), "evaluation.corsBuckets"));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedSpecs")
	@WithMockUser(roles = "ADMIN")
	void malformedSpecificationsGet400WithTheField(String name, String body, String field) throws Exception {
		JsonNode problem = json(this.mvc.perform(post("/api/role-preview").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn(), 400);
		assertThat(problem.get("title").asString()).isEqualTo("Invalid role specification");
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> {
			fields.add(e.get("field").asString());
			assertThat(e.get("message").asString()).isNotBlank();
			assertThat(e.get("pointer").asString()).startsWith(e.get("field").asString().isEmpty() ? "" : "/");
		});
		assertThat(fields).contains(field);
	}

	@Test
	void thereAreAtLeastFiftyMalformedCases() {
		assertThat(malformedSpecs().count()).isGreaterThanOrEqualTo(50);
	}

	static JsonNode json(MvcResult result, int status) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		return MAPPER.readTree(result.getResponse().getContentAsString());
	}

}
