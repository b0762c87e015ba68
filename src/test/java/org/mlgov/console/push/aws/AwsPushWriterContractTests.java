package org.mlgov.console.push.aws;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.aws.AwsLiveStateReader;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.push.AwsWriteException;
import org.mlgov.console.push.AwsWriter;
import org.mlgov.console.push.LiveState;
import org.mlgov.console.push.PlannedStep;
import org.mlgov.console.push.PushPlanner;
import org.mlgov.console.review.FrozenDocuments;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract tests of the push's SDK adapter against WireMock standing in for IAM, SageMaker and S3: every write call
 * with the request the SDK sends and the request id it returns; throttling retried with the SDK's backoff then
 * success; AccessDenied, NoSuchEntity, LimitExceeded, MalformedPolicyDocument and EntityAlreadyExists as
 * {@link AwsWriteException}s with the AWS error code, the request id and a sentence; UpdateDomain and
 * UpdateUserProfile with their exact JSON bodies (only the managed fields), retried while the role cannot be assumed
 * yet, and a stateful domain (WireMock scenarios) pushed and pushed again without a write.
 */
class AwsPushWriterContractTests {

	static final String ACCOUNT = "111122223333";

	static final String ROLE = "SageMaker-DataScientist";

	static final String ROLE_ARN = "arn:aws:iam::111122223333:role/service-role/SageMaker-DataScientist";

	static final String POLICY_ARN = "arn:aws:iam::111122223333:policy/service-role/SageMaker-DataScientist-permissions-1";

	static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

	static final String DOMAIN = "d-abc123def456";

	WireMockServer wireMock;

	AwsClients clients;

	AwsPushWriter writer;

	AwsLiveStateReader reader;

	@BeforeEach
	void start() {
		this.wireMock = new WireMockServer(options().dynamicPort());
		this.wireMock.start();
		URI endpoint = URI.create(this.wireMock.baseUrl());
		AwsProperties properties = new AwsProperties(true, "us-east-1", null, 3, true, Map.of(),
				new AwsProperties.Endpoints(endpoint, endpoint, endpoint, endpoint));
		this.clients = new AwsClients(properties,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACONTRACTTESTKEY1", "secret")));
		this.writer = new AwsPushWriter(properties, this.clients, 3, Duration.ofMillis(10));
		this.reader = new AwsLiveStateReader(properties, this.clients);
	}

	@AfterEach
	void stop() {
		this.clients.close();
		this.wireMock.stop();
	}

	static MappingBuilder iam(String action) {
		return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
	}

	static MappingBuilder sageMaker(String operation) {
		return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
	}

	static ResponseDefinitionBuilder iamOk(String action, String result) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("<" + action
				+ "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action + "Result>" + result + "</"
				+ action + "Result><ResponseMetadata><RequestId>req-" + action + "</RequestId></ResponseMetadata></"
				+ action + "Response>");
	}

	static ResponseDefinitionBuilder iamError(int status, String code, String message) {
		return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
			.withBody("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
					+ code + "</Code><Message>" + message + "</Message></Error><RequestId>req-error-" + code
					+ "</RequestId></ErrorResponse>");
	}

	static ResponseDefinitionBuilder sageMakerJson(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/x-amz-json-1.1")
			.withHeader("x-amzn-RequestId", "req-sm")
			.withBody(body);
	}

	static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Every IAM write: the call, the Action it sends, a part of its form body. */
	static Stream<Arguments> iamWrites() {
		return Stream.of(
				Arguments.of("CreateRole", (Function<AwsWriter, String>) (w) -> w.createRole(ACCOUNT,
						new AwsWriter.RoleSettings(ROLE, "/service-role/", "Data scientists", 7200, null, DOC,
								Map.of("team", "a"))),
						"Path=%2Fservice-role%2F&RoleName=" + ROLE + "&AssumeRolePolicyDocument=" + form(DOC)
								+ "&Description=Data+scientists&MaxSessionDuration=7200&Tags.member.1.Key=team"
								+ "&Tags.member.1.Value=a"),
				Arguments.of("UpdateAssumeRolePolicy",
						(Function<AwsWriter, String>) (w) -> w.updateAssumeRolePolicy(ACCOUNT, ROLE, DOC),
						"RoleName=" + ROLE + "&PolicyDocument=" + form(DOC)),
				Arguments.of("UpdateRole",
						(Function<AwsWriter, String>) (w) -> w.updateRole(ACCOUNT, ROLE, "Data scientists", 7200),
						"RoleName=" + ROLE + "&Description=Data+scientists&MaxSessionDuration=7200"),
				Arguments.of("PutRolePermissionsBoundary",
						(Function<AwsWriter, String>) (w) -> w.putRolePermissionsBoundary(ACCOUNT, ROLE,
								"arn:aws:iam::111122223333:policy/Boundary"),
						"PermissionsBoundary=" + form("arn:aws:iam::111122223333:policy/Boundary")),
				Arguments.of("TagRole", (Function<AwsWriter, String>) (w) -> w.tagRole(ACCOUNT, ROLE, Map.of("team", "a")),
						"Tags.member.1.Key=team&Tags.member.1.Value=a"),
				Arguments.of("UntagRole", (Function<AwsWriter, String>) (w) -> w.untagRole(ACCOUNT, ROLE, List.of("old")),
						"TagKeys.member.1=old"),
				Arguments.of("PutRolePolicy",
						(Function<AwsWriter, String>) (w) -> w.putRolePolicy(ACCOUNT, ROLE, "Guardrails", DOC),
						"PolicyName=Guardrails&PolicyDocument=" + form(DOC)),
				Arguments.of("DeleteRolePolicy",
						(Function<AwsWriter, String>) (w) -> w.deleteRolePolicy(ACCOUNT, ROLE, "Old"), "PolicyName=Old"),
				Arguments.of("CreatePolicy",
						(Function<AwsWriter, String>) (w) -> w.createPolicy(ACCOUNT, "P1", "/service-role/", DOC),
						"PolicyDocument=" + form(DOC)),
				Arguments.of("CreatePolicyVersion",
						(Function<AwsWriter, String>) (w) -> w.createPolicyVersion(ACCOUNT, POLICY_ARN, DOC),
						"SetAsDefault=true"),
				Arguments.of("DeletePolicyVersion",
						(Function<AwsWriter, String>) (w) -> w.deletePolicyVersion(ACCOUNT, POLICY_ARN, "v1"),
						"VersionId=v1"),
				Arguments.of("AttachRolePolicy",
						(Function<AwsWriter, String>) (w) -> w.attachRolePolicy(ACCOUNT, ROLE, POLICY_ARN),
						"PolicyArn=" + form(POLICY_ARN)),
				Arguments.of("DetachRolePolicy",
						(Function<AwsWriter, String>) (w) -> w.detachRolePolicy(ACCOUNT, ROLE, POLICY_ARN),
						"PolicyArn=" + form(POLICY_ARN)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("iamWrites")
	void everyIamWriteSendsItsArgumentsAndReturnsTheRequestId(String action, Function<AwsWriter, String> call,
			String body) {
		this.wireMock.stubFor(iam(action).willReturn(iamOk(action, "")));
		assertThat(call.apply(this.writer)).isEqualTo("req-" + action);
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
			.withRequestBody(containing(body)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("iamWrites")
	void everyIamWriteRefusedForLackOfPermissionNamesThatPermission(String action, Function<AwsWriter, String> call,
			String body) {
		this.wireMock.stubFor(iam(action).willReturn(iamError(403, "AccessDenied", "User is not authorized")));
		assertThatThrownBy(() -> call.apply(this.writer)).isInstanceOfSatisfying(AwsWriteException.class, (ex) -> {
			assertThat(ex.errorCode()).isEqualTo("AccessDenied");
			assertThat(ex.requestId()).isEqualTo("req-error-AccessDenied");
			assertThat(ex.problem().kind()).isEqualTo(Kind.ACCESS_DENIED);
			assertThat(ex.getMessage()).contains("IAM " + action + " was refused (AccessDenied)")
				.contains("lack the permission iam:" + action)
				.contains("AWS said: User is not authorized");
		});
	}

	@Test
	void throttlingIsRetriedWithTheSdksBackoffThenSucceeds() {
		this.wireMock.stubFor(iam("PutRolePolicy").inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(iamError(400, "Throttling", "Rate exceeded"))
			.willSetStateTo("again"));
		this.wireMock.stubFor(iam("PutRolePolicy").inScenario("throttled")
			.whenScenarioStateIs("again")
			.willReturn(iamOk("PutRolePolicy", "")));
		assertThat(this.writer.putRolePolicy(ACCOUNT, ROLE, "Guardrails", DOC)).isEqualTo("req-PutRolePolicy");
		this.wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
	}

	@Test
	void throttlingOnEveryAttemptStopsWithTheCode() {
		this.wireMock.stubFor(iam("AttachRolePolicy").willReturn(iamError(400, "Throttling", "Rate exceeded")));
		assertThatThrownBy(() -> this.writer.attachRolePolicy(ACCOUNT, ROLE, POLICY_ARN))
			.isInstanceOfSatisfying(AwsWriteException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("Throttling");
				assertThat(ex.problem().kind()).isEqualTo(Kind.THROTTLED);
				assertThat(ex.getMessage()).contains("throttled (Throttling) on all 3 attempts");
			});
		this.wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
	}

	static Stream<Arguments> refusals() {
		return Stream.of(
				Arguments.of("AttachRolePolicy", 404, "NoSuchEntity", "Policy does not exist",
						(Function<AwsWriter, String>) (w) -> w.attachRolePolicy(ACCOUNT, ROLE, POLICY_ARN),
						"found nothing (NoSuchEntity)"),
				Arguments.of("CreatePolicyVersion", 409, "LimitExceeded", "A managed policy can have up to 5 versions",
						(Function<AwsWriter, String>) (w) -> w.createPolicyVersion(ACCOUNT, POLICY_ARN, DOC),
						"was refused (LimitExceeded): a quota of the account was reached"),
				Arguments.of("PutRolePolicy", 400, "MalformedPolicyDocument", "Syntax errors in policy",
						(Function<AwsWriter, String>) (w) -> w.putRolePolicy(ACCOUNT, ROLE, "Guardrails", DOC),
						"was refused (MalformedPolicyDocument): AWS did not accept what was sent"),
				Arguments.of("CreateRole", 409, "EntityAlreadyExists", "Role with name exists",
						(Function<AwsWriter, String>) (w) -> w.createRole(ACCOUNT, new AwsWriter.RoleSettings(ROLE,
								"/service-role/", null, 3600, null, DOC, Map.of())),
						"was refused (EntityAlreadyExists)"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("refusals")
	void refusalsStopWithTheAwsErrorCodeAndRequestId(String action, int status, String code, String said,
			Function<AwsWriter, String> call, String sentence) {
		this.wireMock.stubFor(iam(action).willReturn(iamError(status, code, said)));
		assertThatThrownBy(() -> call.apply(this.writer)).isInstanceOfSatisfying(AwsWriteException.class, (ex) -> {
			assertThat(ex.errorCode()).isEqualTo(code);
			assertThat(ex.requestId()).isEqualTo("req-error-" + code);
			assertThat(ex.getMessage()).contains("IAM " + action + " " + sentence).contains("AWS said: " + said);
		});
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
	}

	@Test
	void readsAPolicyWithItsVersionsAndAMissingOneAsEmpty() {
		this.wireMock.stubFor(iam("GetPolicy").withRequestBody(containing(form(POLICY_ARN)))
			.willReturn(iamOk("GetPolicy", "<Policy><Arn>" + POLICY_ARN + "</Arn><DefaultVersionId>v2</DefaultVersionId></Policy>")));
		this.wireMock.stubFor(iam("GetPolicyVersion").willReturn(iamOk("GetPolicyVersion",
				"<PolicyVersion><Document>" + form(DOC).replace("+", "%20") + "</Document><VersionId>v2</VersionId>"
						+ "<IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>")));
		this.wireMock.stubFor(iam("ListPolicyVersions").willReturn(iamOk("ListPolicyVersions", "<Versions>"
				+ "<member><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>2026-02-01T00:00:00Z</CreateDate></member>"
				+ "<member><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion><CreateDate>2026-01-01T00:00:00Z</CreateDate></member>"
				+ "</Versions><IsTruncated>false</IsTruncated>")));
		AwsWriter.ManagedPolicy policy = this.writer.readPolicy(ACCOUNT, POLICY_ARN).orElseThrow();
		assertThat(policy.defaultDocument()).isEqualTo(DOC);
		assertThat(policy.versions()).extracting(AwsWriter.Version::versionId).containsExactly("v1", "v2");

		this.wireMock.resetAll();
		this.wireMock.stubFor(iam("GetPolicy").willReturn(iamError(404, "NoSuchEntity", "not found")));
		assertThat(this.writer.readPolicy(ACCOUNT, POLICY_ARN)).isEmpty();
	}

	static final String CANVAS = """
			{"DirectDeploySettings":{"Status":"ENABLED"},"GenerativeAiSettings":{"AmazonBedrockRoleArn":"arn:aws:iam::111122223333:role/service-role/Bedrock"}}""";

	@Test
	void updateDomainSendsOnlyTheExecutionRoleAndCanvasSettings() {
		this.wireMock.stubFor(sageMaker("UpdateDomain").willReturn(sageMakerJson(200, "{\"DomainArn\":\"arn\"}")));
		assertThat(this.writer.updateDomain(ACCOUNT, "us-east-1", DOMAIN, ROLE_ARN, CANVAS)).isEqualTo("req-sm");
		this.wireMock.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.UpdateDomain"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\",\"DefaultUserSettings\":{\"ExecutionRole\":\""
					+ ROLE_ARN + "\",\"CanvasAppSettings\":" + CANVAS + "}}")));
	}

	@Test
	void updateUserProfileSendsOnlyTheExecutionRoleWithoutCanvasSettings() {
		this.wireMock.stubFor(sageMaker("UpdateUserProfile").willReturn(sageMakerJson(200, "{\"UserProfileArn\":\"arn\"}")));
		this.writer.updateUserProfile(ACCOUNT, "us-east-1", DOMAIN, "alice", ROLE_ARN, null);
		this.wireMock.verify(postRequestedFor(urlEqualTo("/"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\",\"UserProfileName\":\"alice\","
					+ "\"UserSettings\":{\"ExecutionRole\":\"" + ROLE_ARN + "\"}}")));
	}

	@Test
	void sageMakerUpdatesWaitWhileTheNewRoleCannotBeAssumedYet() {
		this.wireMock.stubFor(sageMaker("UpdateDomain").inScenario("propagation")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(400, "{\"__type\":\"ValidationException\",\"message\":\"Cannot assume role "
					+ ROLE_ARN + ". Please ensure that the role exists and allows sts:AssumeRole.\"}"))
			.willSetStateTo("visible"));
		this.wireMock.stubFor(sageMaker("UpdateDomain").inScenario("propagation")
			.whenScenarioStateIs("visible")
			.willReturn(sageMakerJson(200, "{\"DomainArn\":\"arn\"}")));
		assertThat(this.writer.updateDomain(ACCOUNT, "us-east-1", DOMAIN, ROLE_ARN, null)).isEqualTo("req-sm");
		this.wireMock.verify(2, postRequestedFor(urlEqualTo("/")));

		this.wireMock.resetAll();
		this.wireMock.stubFor(sageMaker("UpdateDomain").willReturn(sageMakerJson(400,
				"{\"__type\":\"ValidationException\",\"message\":\"Cannot assume role " + ROLE_ARN + "\"}")));
		assertThatThrownBy(() -> this.writer.updateDomain(ACCOUNT, "us-east-1", DOMAIN, ROLE_ARN, null))
			.isInstanceOfSatisfying(AwsWriteException.class,
					(ex) -> assertThat(ex.errorCode()).isEqualTo("ValidationException"));
		this.wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
	}

	@Test
	void sageMakerAndS3WritesRefusedForLackOfPermissionNameThePermissions() {
		this.wireMock.stubFor(sageMaker("UpdateDomain").willReturn(sageMakerJson(400,
				"{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform sagemaker:UpdateDomain\"}")));
		assertThatThrownBy(() -> this.writer.updateDomain(ACCOUNT, "us-east-1", DOMAIN, ROLE_ARN, null))
			.isInstanceOfSatisfying(AwsWriteException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("AccessDeniedException");
				assertThat(ex.requestId()).isEqualTo("req-sm");
				assertThat(ex.getMessage()).contains("SageMaker UpdateDomain was refused (AccessDeniedException)")
					.contains("lack the permission sagemaker:UpdateDomain and iam:PassRole");
			});
		this.wireMock.stubFor(put(urlEqualTo("/ml-eval-bucket?cors")).willReturn(aResponse().withStatus(403)
			.withHeader("x-amz-request-id", "req-s3-denied")
			.withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
		assertThatThrownBy(() -> this.writer.putBucketCors(ACCOUNT, "us-east-1", "ml-eval-bucket", "[]"))
			.isInstanceOfSatisfying(AwsWriteException.class, (ex) -> {
				assertThat(ex.errorCode()).isEqualTo("AccessDenied");
				assertThat(ex.requestId()).isEqualTo("req-s3-denied");
				assertThat(ex.getMessage()).contains("lack the permission s3:PutBucketCORS on bucket ml-eval-bucket");
			});
	}

	@Test
	void sageMakerAndS3ThrottlingIsRetriedThenSucceeds() {
		this.wireMock.stubFor(sageMaker("UpdateUserProfile").inScenario("sm").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
			.willSetStateTo("ok"));
		this.wireMock.stubFor(sageMaker("UpdateUserProfile").inScenario("sm").whenScenarioStateIs("ok")
			.willReturn(sageMakerJson(200, "{\"UserProfileArn\":\"arn\"}")));
		assertThat(this.writer.updateUserProfile(ACCOUNT, "us-east-1", DOMAIN, "alice", ROLE_ARN, null))
			.isEqualTo("req-sm");
		this.wireMock.stubFor(put(urlEqualTo("/ml-eval-bucket?cors")).inScenario("s3").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)
				.withBody("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>"))
			.willSetStateTo("ok"));
		this.wireMock.stubFor(put(urlEqualTo("/ml-eval-bucket?cors")).inScenario("s3").whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200).withHeader("x-amz-request-id", "req-s3")));
		assertThat(this.writer.putBucketCors(ACCOUNT, "us-east-1", "ml-eval-bucket", "[]")).isEqualTo("req-s3");
		this.wireMock.verify(2, putRequestedFor(urlEqualTo("/ml-eval-bucket?cors")));
		this.wireMock.verify(2, postRequestedFor(urlEqualTo("/")));
	}

	@Test
	void putBucketCorsSendsEveryRuleAndTheExpectedOwner() {
		this.wireMock.stubFor(put(urlEqualTo("/ml-eval-bucket?cors")).willReturn(aResponse().withStatus(200)
			.withHeader("x-amz-request-id", "req-s3")));
		String rules = """
				[{"ID":"team-upload","AllowedMethods":["PUT"],"AllowedOrigins":["https://team.example.com"]},
				 {"AllowedHeaders":["*"],"AllowedMethods":["GET","PUT"],"AllowedOrigins":["*"],"ExposeHeaders":["ETag"],"MaxAgeSeconds":3000}]""";
		assertThat(this.writer.putBucketCors(ACCOUNT, "us-east-1", "ml-eval-bucket", rules)).isEqualTo("req-s3");
		this.wireMock.verify(putRequestedFor(urlEqualTo("/ml-eval-bucket?cors"))
			.withHeader("x-amz-expected-bucket-owner", equalTo(ACCOUNT))
			.withRequestBody(containing("<ID>team-upload</ID>"))
			.withRequestBody(containing("<AllowedOrigin>https://team.example.com</AllowedOrigin>"))
			.withRequestBody(containing("<ExposeHeader>ETag</ExposeHeader>"))
			.withRequestBody(containing("<MaxAgeSeconds>3000</MaxAgeSeconds>")));
	}

	@Test
	void aDomainAndAUserProfileArePushedAndPushedAgainWithoutAWrite() {
		FrozenDocuments docs = FrozenDocuments.of(
				new PolicyGenerator(CatalogLoader.loadDefault()).generate(TestSpecs.dataScientistEverything()),
				RoleMode.NEW_ROLE, new CanvasTargets(DOMAIN, true, List.of("alice")));
		String oldRole = "arn:aws:iam::111122223333:role/Old";
		// The domain and the profile, before and after the update (WireMock scenarios).
		this.wireMock.stubFor(sageMaker("DescribeDomain").inScenario("domain").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(200, describeDomain(oldRole, "{\"KendraSettings\":{\"Status\":\"ENABLED\"}}"))));
		this.wireMock.stubFor(sageMaker("UpdateDomain").inScenario("domain").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(200, "{\"DomainArn\":\"arn\"}"))
			.willSetStateTo("updated"));
		this.wireMock.stubFor(sageMaker("DescribeUserProfile").inScenario("profile").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(200, describeProfile(oldRole, null))));
		this.wireMock.stubFor(sageMaker("UpdateUserProfile").inScenario("profile").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(sageMakerJson(200, "{\"UserProfileArn\":\"arn\"}"))
			.willSetStateTo("updated"));
		String merged = JsonMerge.merge("{\"KendraSettings\":{\"Status\":\"ENABLED\"}}", docs.canvasAppSettingsJson());
		this.wireMock.stubFor(sageMaker("DescribeDomain").inScenario("domain").whenScenarioStateIs("updated")
			.willReturn(sageMakerJson(200, describeDomain(docs.role().arn(), merged))));
		this.wireMock.stubFor(sageMaker("DescribeUserProfile").inScenario("profile").whenScenarioStateIs("updated")
			.willReturn(sageMakerJson(200, describeProfile(docs.role().arn(), docs.canvasAppSettingsJson()))));

		List<PlannedStep> first = sageMakerSteps(docs);
		assertThat(first).extracting(PlannedStep::operation).containsExactly("UpdateDomain", "UpdateUserProfile");
		assertThat(first).allMatch(PlannedStep::changes);
		first.forEach((step) -> step.write().run(this.writer));
		// only the managed fields, and the domain's Kendra setting, which the revision does not name, kept
		this.wireMock.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.UpdateDomain"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\",\"DefaultUserSettings\":{\"ExecutionRole\":\""
					+ docs.role().arn() + "\",\"CanvasAppSettings\":" + merged + "}}")));
		this.wireMock.verify(postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("SageMaker.UpdateUserProfile"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\",\"UserProfileName\":\"alice\","
					+ "\"UserSettings\":{\"ExecutionRole\":\"" + docs.role().arn() + "\",\"CanvasAppSettings\":"
					+ docs.canvasAppSettingsJson() + "}}")));

		List<PlannedStep> again = sageMakerSteps(docs);
		assertThat(again).noneMatch(PlannedStep::changes);
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.UpdateDomain")));
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.UpdateUserProfile")));
	}

	/** The plan's SageMaker steps against what the reader reads from WireMock. */
	private List<PlannedStep> sageMakerSteps(FrozenDocuments docs) {
		LiveDomain domain = this.reader.readDomain(ACCOUNT, "us-east-1", DOMAIN).valueIfFound().orElseThrow();
		LiveUserProfile alice = this.reader.readUserProfile(ACCOUNT, "us-east-1", DOMAIN, "alice").valueIfFound()
			.orElseThrow();
		LiveState live = new LiveState(null, null, Map.of(), domain, Map.of("alice", alice), Map.of(), java.util.Set.of());
		return PushPlanner.plan(new PushPlanner.Target(ACCOUNT, "us-east-1", "aws", docs), live)
			.stream()
			.filter((step) -> step.service().equals("SageMaker"))
			.toList();
	}

	private static String describeDomain(String executionRole, String canvas) {
		return "{\"DomainArn\":\"arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":domain/" + DOMAIN + "\",\"DomainId\":\""
				+ DOMAIN + "\",\"DomainName\":\"analytics\",\"Status\":\"InService\",\"DefaultUserSettings\":{"
				+ "\"ExecutionRole\":\"" + executionRole + "\"" + ((canvas == null) ? "" : ",\"CanvasAppSettings\":" + canvas)
				+ "}}";
	}

	private static String describeProfile(String executionRole, String canvas) {
		return "{\"UserProfileArn\":\"arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":user-profile/" + DOMAIN + "/alice\","
				+ "\"DomainId\":\"" + DOMAIN + "\",\"UserProfileName\":\"alice\",\"Status\":\"InService\","
				+ "\"UserSettings\":{\"ExecutionRole\":\"" + executionRole + "\""
				+ ((canvas == null) ? "" : ",\"CanvasAppSettings\":" + canvas) + "}}";
	}

	/** The planner's merge, as JSON a stub can return. */
	static final class JsonMerge {

		static String merge(String live, String wanted) {
			var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
			var merged = mapper.createObjectNode();
			merged.setAll((tools.jackson.databind.node.ObjectNode) mapper.readTree(live));
			merged.setAll((tools.jackson.databind.node.ObjectNode) mapper.readTree(wanted));
			return merged.toString();
		}

	}

}
