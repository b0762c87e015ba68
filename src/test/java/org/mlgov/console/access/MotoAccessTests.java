package org.mlgov.console.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The access check and the role detail page against IAM in moto ({@code python3 -m moto.server}, started here on a
 * free port; skipped where {@code python3 -c "import moto"} fails): roles with inline, customer managed and AWS managed
 * policies and a permissions boundary, created with the SDK, are read live by the console configured for moto.
 */
@ConsoleTest
class MotoAccessTests {

	static final String ACCOUNT = "123456789012";

	static final String TRUST = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},\
			"Action":"sts:AssumeRole"}]}""";

	static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";

	static final String GUARDRAILS = """
			{"Version":"2012-10-17","Statement":[{"Sid":"DenyClaudeOpus","Effect":"Deny",\
			"Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],\
			"Resource":"arn:aws:bedrock:*::foundation-model/%s"}]}""".formatted(OPUS);

	static final String INVOKE = """
			{"Version":"2012-10-17","Statement":[{"Sid":"InvokeAnthropic","Effect":"Allow",\
			"Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],\
			"Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*"}]}""";

	static final String BOUNDARY = """
			{"Version":"2012-10-17","Statement":[{"Sid":"OnlyBedrockAndS3","Effect":"Allow",\
			"Action":["bedrock:*","s3:*","textract:*"],"Resource":"*"}]}""";

	private static Process moto;

	private static URI endpoint;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper mapper;

	private IamClient iam;

	@BeforeAll
	static void startMoto() throws Exception {
		assumeTrue(motoInstalled(), "moto is not installed (python3 -c \"import moto\" failed): skipped");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createDirectories(Path.of("target")).resolve("moto-access.log");
		ProcessBuilder server = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
				String.valueOf(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		server.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
		moto = server.start();
		endpoint = URI.create("http://127.0.0.1:" + port);
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!answers()) {
			assertThat(moto.isAlive()).as("moto.server is running (see %s)", log).isTrue();
			assertThat(System.nanoTime()).as("moto.server answered within 60 s").isLessThan(until);
			Thread.sleep(200);
		}
		// The console's default credentials chain reads these system properties.
		System.setProperty("aws.accessKeyId", "testing");
		System.setProperty("aws.secretAccessKey", "testing");
	}

	@DynamicPropertySource
	static void consoleOnMoto(DynamicPropertyRegistry registry) {
		registry.add("console.aws.enabled", () -> "true");
		registry.add("console.aws.region", () -> "us-east-1");
		registry.add("console.aws.max-attempts", () -> "1");
		registry.add("console.aws.api-call-timeout", () -> "60s");
		registry.add("console.aws.api-call-attempt-timeout", () -> "30s");
		for (String service : new String[] { "iam", "sagemaker", "s3", "sts" }) {
			registry.add("console.aws.endpoints." + service, () -> (endpoint != null) ? endpoint.toString()
					: "http://127.0.0.1:9");
		}
	}

	@AfterAll
	static void stopMoto() throws InterruptedException {
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
		if (moto != null) {
			moto.destroy();
			if (!moto.waitFor(10, TimeUnit.SECONDS)) {
				moto.destroyForcibly();
			}
		}
	}

	private static boolean motoInstalled() {
		try {
			Process check = new ProcessBuilder("python3", "-c", "import moto").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean answers() throws InterruptedException {
		try {
			return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@BeforeEach
	void createRoles() throws Exception {
		HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		this.iam = IamClient.builder()
			.region(Region.AWS_GLOBAL)
			.endpointOverride(endpoint)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
			.build();
		String boundary = this.iam.createPolicy((r) -> r.policyName("CanvasBoundary").policyDocument(BOUNDARY))
			.policy()
			.arn();
		this.iam.createRole((r) -> r.roleName("CanvasAnalysts")
			.path("/service-role/")
			.assumeRolePolicyDocument(TRUST)
			.permissionsBoundary(boundary)
			.tags((t) -> t.key("team").value("analytics")));
		this.iam.putRolePolicy((r) -> r.roleName("CanvasAnalysts").policyName("ModelGuardrails").policyDocument(GUARDRAILS));
		String invoke = this.iam.createPolicy((r) -> r.policyName("CanvasInvoke").policyDocument(INVOKE)).policy().arn();
		this.iam.attachRolePolicy((r) -> r.roleName("CanvasAnalysts").policyArn(invoke));
		this.iam.attachRolePolicy((r) -> r.roleName("CanvasAnalysts")
			.policyArn("arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess"));
	}

	@AfterEach
	void close() {
		if (this.iam != null) {
			this.iam.close();
		}
	}

	@Test
	void theAccessCheckReadsTheRoleLiveWithItsManagedPoliciesAndBoundary() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/access-check").with(httpBasic("helpdesk", "helpdesk-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId":"%s","roleName":"CanvasAnalysts","requests":[
					 {"action":"bedrock:InvokeModel","resource":"arn:aws:bedrock:us-east-1::foundation-model/%s"},
					 {"action":"bedrock:InvokeModel","resource":"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"},
					 {"action":"textract:AnalyzeDocument","resource":"*"},
					 {"action":"comprehend:DetectSentiment","resource":"*"},
					 {"action":"sagemaker:CreateEndpoint","resource":"arn:aws:sagemaker:us-east-1:%s:endpoint/x"}
					]}""".formatted(ACCOUNT, OPUS, ACCOUNT)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		JsonNode body = this.mapper.readTree(result.getResponse().getContentAsString());
		assertThat(body.get("role").get("arn").asString())
			.isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/service-role/CanvasAnalysts");
		assertThat(body.get("role").get("permissionsBoundaryArn").asString()).endsWith(":policy/CanvasBoundary");
		JsonNode results = body.get("results");
		assertThat(results.get(0).get("decision").asString()).isEqualTo("EXPLICIT_DENY");
		assertThat(results.get(0).get("sid").asString()).isEqualTo("DenyClaudeOpus");
		// The AWS managed AmazonSageMakerCanvasAIServicesAccess (read live from moto) allows bedrock:InvokeModel on *.
		assertThat(results.get(1).get("decision").asString()).isEqualTo("ALLOWED");
		assertThat(results.get(2).get("decision").asString()).isEqualTo("ALLOWED");
		assertThat(results.get(2).get("policy").asString()).isEqualTo("AmazonSageMakerCanvasAIServicesAccess");
		// Allowed by the AWS managed policy, but not by the permissions boundary.
		assertThat(results.get(3).get("decision").asString()).isEqualTo("IMPLICIT_DENY");
		assertThat(results.get(3).get("reason").asString()).contains("permissions boundary");
		assertThat(results.get(4).get("decision").asString()).isEqualTo("IMPLICIT_DENY");

		MvcResult missing = this.mvc.perform(post("/api/access-check").with(httpBasic("helpdesk", "helpdesk-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\":\"" + ACCOUNT + "\",\"roleName\":\"Nobody\",\"requests\":[{\"action\":\"s3:GetObject\"}]}"))
			.andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theRoleDetailPageReadsTheRoleLive() throws Exception {
		MvcResult result = this.mvc.perform(get("/access/role").param("accountId", ACCOUNT)
			.param("roleName", "CanvasAnalysts")
			.param("region", "us-east-1")
			.with(user("helpdesk").roles("HELPDESK"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#access-problem")).isEmpty();
		assertThat(page.select("#policies .policy-document").eachAttr("data-policy")).containsExactlyInAnyOrder("ModelGuardrails",
				"CanvasInvoke", "AmazonSageMakerCanvasAIServicesAccess", "CanvasBoundary");
		assertThat(page.select("#policies .policy-document[data-policy=AmazonSageMakerCanvasAIServicesAccess] pre")
			.text()).contains("bedrock:InvokeModel");
		assertThat(page.select("#denied-models li").eachAttr("data-model-id")).contains(OPUS);
		assertThat(page.select("#denied-models li .deny-sid").eachText()).contains("DenyClaudeOpus");
		assertThat(page.select("#model-matrix .model-cell[data-outcome=ALLOWED]").eachAttr("data-model-id"))
			.contains("amazon.titan-text-express-v1");
		assertThat(page.select("#canvas-features").text()).contains("Ready-to-use models");
	}

}
