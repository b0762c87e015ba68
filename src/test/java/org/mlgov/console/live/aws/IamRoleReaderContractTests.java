package org.mlgov.console.live.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveRole.AttachedPolicy;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM's awsQuery contract for reading a role (GetRole and the calls that complete it). */
class IamRoleReaderContractTests extends AwsContract {

	static final String ROLE = "CanvasExecution";

	static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/service-role/" + ROLE;

	static final String TRUST = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},\
			"Action":"sts:AssumeRole"}]}""";

	static final String INLINE_S3 = """
			{"Version":"2012-10-17","Statement":[{"Sid":"Artifacts","Effect":"Allow","Action":["s3:GetObject",\
			"s3:PutObject"],"Resource":"arn:aws:s3:::canvas-artifacts/*"}]}""";

	static final String INLINE_TAGGED = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"bedrock:*","Resource":"*",\
			"Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"ml+ops"}}}]}""";

	static final String MANAGED_BEDROCK = """
			{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", \
			"Resource": "arn:aws:bedrock:*::foundation-model/anthropic.*"}]}""";

	static final String CUSTOMER_POLICY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/governance/CanvasBedrockModels";

	static final String SECOND_POLICY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/CanvasKmsUse";

	static final String KMS = """
			{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}""";

	@Test
	void readsTheRoleWithItsPoliciesAndTagsAcrossPages() {
		stubWholeRole();

		LiveRole role = reader().readRole(ACCOUNT, ROLE).valueIfFound().orElseThrow();

		assertThat(role).isEqualTo(new LiveRole(ACCOUNT, ROLE, ROLE_ARN, "/service-role/",
				"Execution role of the analytics Canvas users", 7200,
				"arn:aws:iam::" + ACCOUNT + ":policy/CanvasBoundary", TRUST,
				Map.of("ArtifactAccess", INLINE_S3, "DenyOtherTeams", INLINE_TAGGED),
				List.of(new AttachedPolicy("arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess",
						"AmazonSageMakerCanvasFullAccess", null, null),
						new AttachedPolicy(CUSTOMER_POLICY_ARN, "CanvasBedrockModels", "v3", MANAGED_BEDROCK),
						new AttachedPolicy(SECOND_POLICY_ARN, "CanvasKmsUse", "v1", KMS)),
				Map.of("team", "ml ops", "cost-center", "4711", "owner", "alice")));
		assertThat(role.inlinePolicies().get("DenyOtherTeams")).contains("\"ml+ops\"");
	}

	@Test
	void sendsTheQueryRequestsIamExpects() {
		stubWholeRole();

		reader().readRole(ACCOUNT, ROLE);

		// IAM's client runs in the partition's pseudo-Region aws-global. Against AWS the endpoint rules sign for
		// us-east-1; with an endpoint override the SDK signs with the client's Region.
		this.wireMock.verify(13, postRequestedFor(urlEqualTo("/"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withHeader("Authorization",
					matching("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/\\d{8}/aws-global/iam/aws4_request, .*")));
		String version = "&Version=2010-05-08";
		String role = "&RoleName=" + ROLE;
		assertThat(requestBodies()).containsExactly("Action=GetRole" + version + role,
				"Action=ListRolePolicies" + version + role,
				"Action=ListRolePolicies" + version + role + "&Marker=inline-2",
				"Action=GetRolePolicy" + version + role + "&PolicyName=DenyOtherTeams",
				"Action=GetRolePolicy" + version + role + "&PolicyName=ArtifactAccess",
				"Action=ListAttachedRolePolicies" + version + role,
				"Action=ListAttachedRolePolicies" + version + role + "&Marker=page-2",
				"Action=GetPolicy" + version + "&PolicyArn=" + urlEncoded(CUSTOMER_POLICY_ARN),
				"Action=GetPolicyVersion" + version + "&PolicyArn=" + urlEncoded(CUSTOMER_POLICY_ARN) + "&VersionId=v3",
				"Action=GetPolicy" + version + "&PolicyArn=" + urlEncoded(SECOND_POLICY_ARN),
				"Action=GetPolicyVersion" + version + "&PolicyArn=" + urlEncoded(SECOND_POLICY_ARN) + "&VersionId=v1",
				"Action=ListRoleTags" + version + role, "Action=ListRoleTags" + version + role + "&Marker=tags-2");
		// An AWS managed policy is listed, never fetched.
		this.wireMock.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("AmazonSageMakerCanvasFullAccess")));
	}

	/**
	 * Every call that reads a role, with each kind of failure AWS gives: the read fails with a problem that names
	 * the failing call, after one attempt for a refusal and after every attempt (two here) for throttling and 5xx.
	 */
	@ParameterizedTest(name = "{0} answers {2} {1}")
	@CsvSource(textBlock = """
			GetRole,                  NoSuchEntity,  404, NOT_FOUND,     1
			GetRole,                  AccessDenied,  403, ACCESS_DENIED, 1
			GetRole,                  Throttling,    400, THROTTLED,     2
			GetRole,                  ServiceFailure,500, SERVICE_ERROR, 2
			ListRolePolicies,         NoSuchEntity,  404, NOT_FOUND,     1
			ListRolePolicies,         AccessDenied,  403, ACCESS_DENIED, 1
			ListRolePolicies,         Throttling,    400, THROTTLED,     2
			ListRolePolicies,         ServiceFailure,500, SERVICE_ERROR, 2
			GetRolePolicy,            NoSuchEntity,  404, NOT_FOUND,     1
			GetRolePolicy,            AccessDenied,  403, ACCESS_DENIED, 1
			GetRolePolicy,            Throttling,    400, THROTTLED,     2
			GetRolePolicy,            ServiceFailure,500, SERVICE_ERROR, 2
			ListAttachedRolePolicies, NoSuchEntity,  404, NOT_FOUND,     1
			ListAttachedRolePolicies, AccessDenied,  403, ACCESS_DENIED, 1
			ListAttachedRolePolicies, Throttling,    400, THROTTLED,     2
			ListAttachedRolePolicies, ServiceFailure,500, SERVICE_ERROR, 2
			GetPolicy,                NoSuchEntity,  404, NOT_FOUND,     1
			GetPolicy,                AccessDenied,  403, ACCESS_DENIED, 1
			GetPolicy,                Throttling,    400, THROTTLED,     2
			GetPolicy,                ServiceFailure,500, SERVICE_ERROR, 2
			GetPolicyVersion,         NoSuchEntity,  404, NOT_FOUND,     1
			GetPolicyVersion,         AccessDenied,  403, ACCESS_DENIED, 1
			GetPolicyVersion,         Throttling,    400, THROTTLED,     2
			GetPolicyVersion,         ServiceFailure,500, SERVICE_ERROR, 2
			ListRoleTags,             NoSuchEntity,  404, NOT_FOUND,     1
			ListRoleTags,             AccessDenied,  403, ACCESS_DENIED, 1
			ListRoleTags,             Throttling,    400, THROTTLED,     2
			ListRoleTags,             ServiceFailure,500, SERVICE_ERROR, 2
			""")
	void eachCallsFailuresEndTheReadWithAProblemNamingThatCall(String operation, String code, int status, Kind kind,
			int attempts) {
		stubWholeRole();
		this.wireMock.stubFor(query(operation).atPriority(1).willReturn(queryError(status, code, "failed: " + code)));

		AwsProblem problem = reader(true, 2, Map.of()).readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(kind);
		assertThat(problem.service()).isEqualTo("IAM");
		assertThat(problem.operation()).isEqualTo(operation);
		assertThat(problem.message()).startsWith("IAM " + operation + " ").contains("(" + code + ")");
		assertThat(requestBodies()).filteredOn((body) -> body.startsWith("Action=" + operation + "&")).hasSize(attempts);
		// Nothing is read after the failing call.
		assertThat(requestBodies().get(requestBodies().size() - 1)).startsWith("Action=" + operation + "&");
	}

	/** The bodies of the requests WireMock received, oldest first. */
	private List<String> requestBodies() {
		List<String> bodies = new ArrayList<>(this.wireMock.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().getBodyAsString())
			.toList());
		Collections.reverse(bodies);
		return bodies;
	}

	@Test
	void aRoleThatDoesNotExistIsNotFound() {
		this.wireMock.stubFor(query("GetRole").willReturn(queryError(404, "NoSuchEntity",
				"The role with name " + ROLE + " cannot be found.")));

		assertThat(reader().readRole(ACCOUNT, ROLE)).isEqualTo(LiveRead.failed(new AwsProblem(Kind.NOT_FOUND, "IAM",
				"GetRole", "IAM GetRole found nothing (NoSuchEntity): role " + ROLE + " in account " + ACCOUNT
						+ " does not exist.")));
		assertThat(this.wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void aRefusalIsAccessDeniedAndQuotesAws() {
		this.wireMock.stubFor(query("GetRole").willReturn(queryError(403, "AccessDenied",
				"User: arn:aws:sts::" + ACCOUNT + ":assumed-role/Console/ml-governance-console is not authorized to "
						+ "perform: iam:GetRole on resource: role " + ROLE)));

		AwsProblem problem = reader().readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.ACCESS_DENIED);
		assertThat(problem.message()).isEqualTo("IAM GetRole was refused (AccessDenied): the console's credentials may "
				+ "not read role " + ROLE + " in account " + ACCOUNT + ". AWS said: User: arn:aws:sts::" + ACCOUNT
				+ ":assumed-role/Console/ml-governance-console is not authorized to perform: iam:GetRole on resource: "
				+ "role " + ROLE);
		assertThat(this.wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void throttlingIsRetriedUpToTheConfiguredAttempts() {
		this.wireMock.stubFor(query("GetRole").willReturn(queryError(400, "Throttling", "Rate exceeded")));

		AwsProblem problem = reader(true, 2, Map.of()).readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem).isEqualTo(new AwsProblem(Kind.THROTTLED, "IAM", "GetRole", "IAM GetRole was throttled "
				+ "(Throttling) on all 2 attempts while reading role " + ROLE + " in account " + ACCOUNT
				+ ": AWS limits the request rate of the account; try again in a minute."));
		assertThat(this.wireMock.getAllServeEvents()).hasSize(2);
	}

	@Test
	void aServerErrorIsRetriedThenAServiceError() {
		this.wireMock.stubFor(query("GetRole").willReturn(queryError(500, "ServiceFailure", "Internal failure")));

		AwsProblem problem = reader().readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.SERVICE_ERROR);
		assertThat(problem.message()).isEqualTo("IAM GetRole failed with HTTP 500 (ServiceFailure) while reading role "
				+ ROLE + " in account " + ACCOUNT + ". AWS said: Internal failure");
		assertThat(this.wireMock.getAllServeEvents()).hasSize(3);
	}

	@Test
	void aBrokenConnectionIsAServiceError() {
		this.wireMock.stubFor(query("GetRole").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		AwsProblem problem = reader(true, 1, Map.of()).readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.SERVICE_ERROR);
		assertThat(problem.message()).startsWith("IAM GetRole could not reach AWS while reading role " + ROLE
				+ " in account " + ACCOUNT + " (");
	}

	@Test
	void aFailureLaterInTheReadNamesItsOperation() {
		stubWholeRole();
		this.wireMock.stubFor(query("GetPolicyVersion").atPriority(1)
			.willReturn(queryError(403, "AccessDenied", "not authorized to perform: iam:GetPolicyVersion")));

		AwsProblem problem = reader().readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.ACCESS_DENIED);
		assertThat(problem.operation()).isEqualTo("GetPolicyVersion");
		assertThat(problem.message()).startsWith("IAM GetPolicyVersion was refused (AccessDenied): the console's "
				+ "credentials may not read version v3 of policy " + CUSTOMER_POLICY_ARN + " attached to role " + ROLE
				+ " in account " + ACCOUNT + ".");
	}

	@Test
	void anAnswerForAnotherAccountIsNotPassedOff() {
		this.wireMock.stubFor(query("GetRole").willReturn(iamResult("GetRole",
				role("arn:aws:iam::999988887777:role/service-role/" + ROLE))));

		AwsProblem problem = reader().readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.NOT_CONFIGURED);
		assertThat(problem.message()).isEqualTo("IAM GetRole answered for account 999988887777 instead of " + ACCOUNT
				+ " while reading role " + ROLE + " in account " + ACCOUNT + ": set console.aws.accounts." + ACCOUNT
				+ ".role-arn to a role the console may assume there.");
		assertThat(this.wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void readsTheRoleWithoutManagedDocumentsWhenAskedNotToFetchThem() {
		stubWholeRole();

		LiveRole role = reader().readRoleWithoutManagedDocuments(ACCOUNT, ROLE).valueIfFound().orElseThrow();

		assertThat(role.attachedPolicies()).containsExactly(
				new AttachedPolicy("arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess",
						"AmazonSageMakerCanvasFullAccess", null, null),
				new AttachedPolicy(CUSTOMER_POLICY_ARN, "CanvasBedrockModels", null, null),
				new AttachedPolicy(SECOND_POLICY_ARN, "CanvasKmsUse", null, null));
		assertThat(role.inlinePolicies()).containsOnlyKeys("ArtifactAccess", "DenyOtherTeams");
		this.wireMock.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetPolicy")));
		this.wireMock.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetPolicyVersion")));
	}

	@Test
	void readsAManagedPolicyAwsManagedIncludedWithItsDefaultVersion() {
		String canvasFull = "arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess";
		stubManaged(canvasFull, "AmazonSageMakerCanvasFullAccess", "v11", KMS);

		LiveRead<org.mlgov.console.live.LivePolicy> read = reader().readManagedPolicy(ACCOUNT, canvasFull);

		assertThat(read).isEqualTo(LiveRead.found(new org.mlgov.console.live.LivePolicy(canvasFull,
				"AmazonSageMakerCanvasFullAccess", "v11", KMS)));
		assertThat(read.valueIfFound().orElseThrow().awsManaged()).isTrue();
		this.wireMock.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetPolicyVersion"))
			.withRequestBody(containing("VersionId=v11")));
	}

	@Test
	void aManagedPolicyThatDoesNotExistIsNotFound() {
		this.wireMock.stubFor(query("GetPolicy").willReturn(queryError(404, "NoSuchEntity",
				"Policy arn:aws:iam::111122223333:policy/Gone does not exist.")));

		LiveRead<org.mlgov.console.live.LivePolicy> read = reader().readManagedPolicy(ACCOUNT,
				"arn:aws:iam::" + ACCOUNT + ":policy/Gone");

		assertThat(read.problemIfFailed().orElseThrow().kind()).isEqualTo(Kind.NOT_FOUND);
		assertThat(read.problemIfFailed().orElseThrow().operation()).isEqualTo("GetPolicy");
	}

	private void stubWholeRole() {
		this.wireMock.stubFor(query("GetRole").willReturn(iamResult("GetRole", role(ROLE_ARN))));
		this.wireMock.stubFor(query("ListRolePolicies").atPriority(5).willReturn(iamResult("ListRolePolicies",
				"<PolicyNames><member>DenyOtherTeams</member></PolicyNames><IsTruncated>true</IsTruncated>"
						+ "<Marker>inline-2</Marker>")));
		this.wireMock.stubFor(query("ListRolePolicies").atPriority(2)
			.withRequestBody(containing("Marker=inline-2"))
			.willReturn(iamResult("ListRolePolicies",
					"<PolicyNames><member>ArtifactAccess</member></PolicyNames><IsTruncated>false</IsTruncated>")));
		stubInline("ArtifactAccess", INLINE_S3);
		stubInline("DenyOtherTeams", INLINE_TAGGED);
		this.wireMock.stubFor(query("ListAttachedRolePolicies").atPriority(5)
			.willReturn(iamResult("ListAttachedRolePolicies", "<AttachedPolicies>"
					+ attached("AmazonSageMakerCanvasFullAccess", "arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess")
					+ attached("CanvasBedrockModels", CUSTOMER_POLICY_ARN)
					+ "</AttachedPolicies><IsTruncated>true</IsTruncated><Marker>page-2</Marker>")));
		this.wireMock.stubFor(query("ListAttachedRolePolicies").atPriority(2)
			.withRequestBody(containing("Marker=page-2"))
			.willReturn(iamResult("ListAttachedRolePolicies", "<AttachedPolicies>"
					+ attached("CanvasKmsUse", SECOND_POLICY_ARN) + "</AttachedPolicies><IsTruncated>false</IsTruncated>")));
		stubManaged(CUSTOMER_POLICY_ARN, "CanvasBedrockModels", "v3", MANAGED_BEDROCK);
		stubManaged(SECOND_POLICY_ARN, "CanvasKmsUse", "v1", KMS);
		this.wireMock.stubFor(query("ListRoleTags").atPriority(5).willReturn(iamResult("ListRoleTags",
				"<Tags>" + tag("team", "ml ops") + tag("cost-center", "4711")
						+ "</Tags><IsTruncated>true</IsTruncated><Marker>tags-2</Marker>")));
		this.wireMock.stubFor(query("ListRoleTags").atPriority(2)
			.withRequestBody(containing("Marker=tags-2"))
			.willReturn(iamResult("ListRoleTags", "<Tags>" + tag("owner", "alice") + "</Tags><IsTruncated>false</IsTruncated>")));
	}

	private void stubInline(String name, String document) {
		this.wireMock.stubFor(query("GetRolePolicy").withRequestBody(containing("PolicyName=" + name))
			.willReturn(iamResult("GetRolePolicy", "<RoleName>" + ROLE + "</RoleName><PolicyName>" + name
					+ "</PolicyName><PolicyDocument>" + urlEncoded(document) + "</PolicyDocument>")));
	}

	private void stubManaged(String arn, String name, String version, String document) {
		this.wireMock.stubFor(query("GetPolicy").withRequestBody(containing(urlEncoded(arn)))
			.willReturn(iamResult("GetPolicy", "<Policy><PolicyName>" + name + "</PolicyName><PolicyId>ANPAEXAMPLE"
					+ version + "</PolicyId><Arn>" + arn + "</Arn><Path>/</Path><DefaultVersionId>" + version
					+ "</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>"
					+ "<CreateDate>2025-03-01T10:00:00Z</CreateDate><UpdateDate>2025-06-01T10:00:00Z</UpdateDate>"
					+ "</Policy>")));
		this.wireMock.stubFor(query("GetPolicyVersion").withRequestBody(containing(urlEncoded(arn)))
			.willReturn(iamResult("GetPolicyVersion", "<PolicyVersion><Document>" + urlEncoded(document)
					+ "</Document><VersionId>" + version + "</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
					+ "<CreateDate>2025-06-01T10:00:00Z</CreateDate></PolicyVersion>")));
	}

	static String role(String arn) {
		return "<Role><Path>/service-role/</Path><AssumeRolePolicyDocument>" + urlEncoded(TRUST)
				+ "</AssumeRolePolicyDocument><MaxSessionDuration>7200</MaxSessionDuration>"
				+ "<RoleId>AROAEXAMPLEROLEID0001</RoleId><RoleName>" + ROLE + "</RoleName><Arn>" + arn + "</Arn>"
				+ "<CreateDate>2025-02-14T09:30:00Z</CreateDate>"
				+ "<Description>Execution role of the analytics Canvas users</Description>"
				+ "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
				+ "<PermissionsBoundaryArn>arn:aws:iam::" + ACCOUNT + ":policy/CanvasBoundary</PermissionsBoundaryArn>"
				+ "</PermissionsBoundary><RoleLastUsed/></Role>";
	}

	private static String attached(String name, String arn) {
		return "<member><PolicyName>" + name + "</PolicyName><PolicyArn>" + arn + "</PolicyArn></member>";
	}

	private static String tag(String key, String value) {
		return "<member><Key>" + key + "</Key><Value>" + value + "</Value></member>";
	}

}
