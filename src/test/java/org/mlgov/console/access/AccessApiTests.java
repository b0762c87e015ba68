package org.mlgov.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.live.FakeLiveStateReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/access-check} and {@code GET /api/profiles} against a fake AWS. */
@ConsoleTest
@Import(FakeLiveStateReader.Installed.class)
class AccessApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeLiveStateReader aws;

	@Autowired
	ObjectMapper mapper;

	@BeforeEach
	void account() {
		this.aws.reset();
		AccessFixtures.install(this.aws);
	}

	private MvcResult check(String user, String password, String body) throws Exception {
		return this.mvc.perform(post("/api/access-check").with(httpBasic(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private JsonNode json(MvcResult result) throws Exception {
		return this.mapper.readTree(result.getResponse().getContentAsString());
	}

	static final String CHECK = """
			{"accountId":"111122223333","roleName":"CanvasAnalysts","requests":[
			 {"action":"bedrock:InvokeModel","resource":"arn:aws:bedrock:eu-west-1::foundation-model/%s"},
			 {"action":"bedrock:InvokeModel","resource":"arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"},
			 {"action":"bedrock:InvokeModel","resource":"arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-express-v1"},
			 {"action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"aws:SourceIp":["10.0.0.1"]}}
			]}""".formatted(AccessFixtures.OPUS);

	@Test
	void answersEachRequestInOrderWithTheDecidingStatement() throws Exception {
		for (String[] user : new String[][] { { "helpdesk", "helpdesk-pass" }, { "reviewer", "reviewer-pass" },
				{ "admin", "admin-pass" } }) {
			MvcResult result = check(user[0], user[1], CHECK);
			assertThat(result.getResponse().getStatus()).as(user[0]).isEqualTo(200);
			JsonNode body = json(result);
			assertThat(body.get("role").get("arn").asString()).isEqualTo(AccessFixtures.ROLE_ARN);
			JsonNode results = body.get("results");
			assertThat(results).hasSize(4);
			assertThat(results.get(0).get("decision").asString()).isEqualTo("EXPLICIT_DENY");
			assertThat(results.get(0).get("policy").asString()).isEqualTo("ModelGuardrails");
			assertThat(results.get(0).get("sid").asString()).isEqualTo("DenyClaudeOpus");
			assertThat(results.get(1).get("decision").asString()).isEqualTo("ALLOWED");
			assertThat(results.get(1).get("policy").asString()).isEqualTo("CanvasInvoke");
			assertThat(results.get(1).get("sid").asString()).isEqualTo("InvokeAnthropic");
			assertThat(results.get(2).get("decision").asString()).isEqualTo("IMPLICIT_DENY");
			assertThat(results.get(3).get("decision").asString()).isEqualTo("IMPLICIT_DENY");
			assertThat(results.get(3).get("reason").asString()).isNotBlank();
		}
	}

	@Test
	void acceptsARoleArn() throws Exception {
		MvcResult result = check("helpdesk", "helpdesk-pass", """
				{"roleArn":"%s","requests":[{"action":"bedrock:InvokeModel",				"resource":"arn:aws:bedrock:eu-west-1::foundation-model/%s"}]}"""
			.formatted(AccessFixtures.ROLE_ARN, AccessFixtures.OPUS));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(json(result).get("results").get(0).get("decision").asString()).isEqualTo("EXPLICIT_DENY");
	}

	@Test
	void aRoleThatCannotBeReadGivesTheReadProblem() throws Exception {
		String body = """
				{"accountId":"111122223333","roleName":"%s","requests":[{"action":"bedrock:InvokeModel","resource":"*"}]}""";
		MvcResult missing = check("helpdesk", "helpdesk-pass", body.formatted("NoSuchRole"));
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		assertThat(json(missing).get("kind").asString()).isEqualTo("NOT_FOUND");

		this.aws.role(AccessFixtures.ACCOUNT, "Slow", FakeLiveStateReader.problem(AwsProblem.Kind.TIMED_OUT, "IAM",
				"GetRole", "IAM GetRole did not answer in time."));
		assertThat(check("helpdesk", "helpdesk-pass", body.formatted("Slow")).getResponse().getStatus()).isEqualTo(504);
		this.aws.role(AccessFixtures.ACCOUNT, "Broken", FakeLiveStateReader.problem(AwsProblem.Kind.SERVICE_ERROR,
				"IAM", "GetRole", "IAM failed."));
		assertThat(check("helpdesk", "helpdesk-pass", body.formatted("Broken")).getResponse().getStatus())
			.isEqualTo(502);
		this.aws.role(AccessFixtures.ACCOUNT, "Throttled", FakeLiveStateReader.problem(AwsProblem.Kind.THROTTLED,
				"IAM", "GetRole", "Rate exceeded."));
		assertThat(check("helpdesk", "helpdesk-pass", body.formatted("Throttled")).getResponse().getStatus())
			.isEqualTo(502);
	}

	@Test
	void aMalformedCheckIsABadRequestNeverA500() throws Exception {
		for (String body : new String[] { "", "[]", "{not json", "{\"accountId\":\"1\",\"roleName\":\"R\",\"requests\":[]}",
				"{\"accountId\":\"111122223333\",\"roleName\":\"R\"}",
				"{\"accountId\":\"111122223333\",\"roleName\":\"R\",\"requests\":[{\"action\":\"nocolon\"}]}",
				"{\"accountId\":\"111122223333\",\"roleName\":\"R\",\"requests\":[{\"action\":\"s3:Get\",\"context\":{\"k\":{}}}]}",
				"{\"roleArn\":\"arn:aws:s3:::bucket\",\"requests\":[{\"action\":\"s3:Get\"}]}" }) {
			assertThat(check("helpdesk", "helpdesk-pass", body).getResponse().getStatus()).as(body).isEqualTo(400);
		}
	}

	@Test
	void listsTheProfilesOfADomainWithTheirEffectiveRoleAndStatus() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/profiles").param("accountId", AccessFixtures.ACCOUNT)
			.param("region", AccessFixtures.REGION)
			.param("domainId", AccessFixtures.DOMAIN)
			.with(httpBasic("helpdesk", "helpdesk-pass"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		JsonNode body = json(result);
		assertThat(body.get("total").asInt()).isEqualTo(2);
		JsonNode alice = body.get("profiles").get(0);
		assertThat(alice.get("userProfileName").asString()).isEqualTo("alice");
		assertThat(alice.get("executionRoleArn").asString()).isEqualTo(AccessFixtures.ROLE_ARN);
		assertThat(alice.get("roleSource").asString()).isEqualTo("user profile");
		assertThat(alice.get("status").asString()).isEqualTo("NOT_MANAGED");
		assertThat(alice.get("canvasAppSettings").get("KendraSettings").get("Status").asString()).isEqualTo("DISABLED");
		assertThat(alice.get("canvasAppSettings").get("DirectDeploySettings").get("Status").asString())
			.isEqualTo("DISABLED");
		JsonNode bob = body.get("profiles").get(1);
		assertThat(bob.get("executionRoleArn").asString()).isEqualTo(AccessFixtures.OTHER_ROLE_ARN);
		assertThat(bob.get("roleSource").asString()).isEqualTo("domain default");
	}

	@Test
	void anUnknownDomainIs404AndBadParametersAre400() throws Exception {
		assertThat(this.mvc.perform(get("/api/profiles").param("accountId", AccessFixtures.ACCOUNT)
			.param("domainId", "d-nosuchdomain")
			.with(httpBasic("helpdesk", "helpdesk-pass"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/api/profiles").param("accountId", "12")
			.param("domainId", AccessFixtures.DOMAIN)
			.with(httpBasic("helpdesk", "helpdesk-pass"))).andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void aBrowserSessionNeedsTheCsrfToken() throws Exception {
		assertThat(this.mvc.perform(post("/api/access-check").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("helpdesk").roles("HELPDESK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CHECK)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/api/access-check").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("helpdesk").roles("HELPDESK"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(CHECK)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

}
