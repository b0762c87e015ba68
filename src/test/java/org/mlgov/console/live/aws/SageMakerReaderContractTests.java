package org.mlgov.console.live.aws;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.live.UserProfileSummary;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** SageMaker's awsJson1.1 contract for domains and user profiles. */
class SageMakerReaderContractTests extends AwsContract {

	static final String DOMAIN = "d-abc123xyz789";

	static final String DOMAIN_ARN = "arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":domain/" + DOMAIN;

	static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/service-role/CanvasExecution";

	/** Every CanvasAppSettings member, as DescribeDomain returns them (API order, API names). */
	static final String FULL_CANVAS = """
			{
			  "TimeSeriesForecastingSettings": {
			    "Status": "ENABLED",
			    "AmazonForecastRoleArn": "arn:aws:iam::111122223333:role/service-role/CanvasForecast"
			  },
			  "ModelRegisterSettings": {
			    "Status": "DISABLED",
			    "CrossAccountModelRegisterRoleArn": "arn:aws:iam::444455556666:role/ModelRegistry"
			  },
			  "WorkspaceSettings": {
			    "S3ArtifactPath": "s3://canvas-artifacts/analytics/",
			    "S3KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
			  },
			  "IdentityProviderOAuthSettings": [
			    {
			      "DataSourceName": "Snowflake",
			      "Status": "ENABLED",
			      "SecretArn": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:AmazonSageMaker-snowflake-a1b2c3"
			    },
			    {
			      "DataSourceName": "SalesforceGenie",
			      "Status": "DISABLED"
			    }
			  ],
			  "DirectDeploySettings": {
			    "Status": "ENABLED"
			  },
			  "KendraSettings": {
			    "Status": "DISABLED"
			  },
			  "GenerativeAiSettings": {
			    "AmazonBedrockRoleArn": "arn:aws:iam::111122223333:role/service-role/AmazonSagemakerCanvasBedrockRole-20240501T101010"
			  },
			  "EmrServerlessSettings": {
			    "ExecutionRoleArn": "arn:aws:iam::111122223333:role/service-role/CanvasEmrServerless",
			    "Status": "ENABLED"
			  }
			}
			""";

	@Test
	void describesTheDomainWithItsDefaultCanvasSettings() {
		this.wireMock.stubFor(json("SageMaker.DescribeDomain").willReturn(sageMakerJson(200, """
				{"DomainArn":"%s","DomainId":"%s","DomainName":"analytics","Status":"InService","AuthMode":"IAM",
				 "CreationTime":1.714556e9,"LastModifiedTime":1.717e9,"AppNetworkAccessType":"VpcOnly",
				 "Url":"https://%s.studio.eu-west-1.sagemaker.aws","VpcId":"vpc-0a1b2c3d","SubnetIds":["subnet-0a1b"],
				 "DefaultUserSettings":{"ExecutionRole":"%s","SecurityGroups":["sg-0123"],
				   "SharingSettings":{"NotebookOutputOption":"Disabled"},
				   "JupyterServerAppSettings":{"DefaultResourceSpec":{"InstanceType":"system"}},
				   "CanvasAppSettings":%s,
				   "StudioWebPortal":"ENABLED"}}
				""".formatted(DOMAIN_ARN, DOMAIN, DOMAIN, EXECUTION_ROLE, FULL_CANVAS))));

		LiveRead<LiveDomain> read = reader().readDomain(ACCOUNT, null, DOMAIN);

		assertThat(read).isEqualTo(LiveRead.found(new LiveDomain(ACCOUNT, REGION, DOMAIN, DOMAIN_ARN, "analytics",
				"InService", EXECUTION_ROLE, FULL_CANVAS)));
		this.wireMock.verify(postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("SageMaker.DescribeDomain"))
			.withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
			.withHeader("Authorization", matching(".*Credential=" + ACCESS_KEY + "/\\d{8}/eu-west-1/sagemaker/aws4_request.*"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\"}")));
	}

	@Test
	void keepsOnlyTheCanvasMembersPresentAndEnumValuesNewerThanTheSdk() {
		this.wireMock.stubFor(json("SageMaker.DescribeDomain").willReturn(sageMakerJson(200, """
				{"DomainArn":"%s","DomainId":"%s","DomainName":"analytics","Status":"Updating",
				 "DefaultUserSettings":{"CanvasAppSettings":{"DirectDeploySettings":{"Status":"ENABLED_FOR_ADMINS"},
				   "WorkspaceSettings":{"S3ArtifactPath":"s3://canvas-artifacts/"}}}}
				""".formatted(DOMAIN_ARN, DOMAIN))));

		LiveDomain domain = reader().readDomain(ACCOUNT, REGION, DOMAIN).valueIfFound().orElseThrow();

		assertThat(domain.defaultExecutionRoleArn()).isNull();
		assertThat(domain.status()).isEqualTo("Updating");
		assertThat(domain.canvasAppSettingsJson()).isEqualTo("""
				{
				  "WorkspaceSettings": {
				    "S3ArtifactPath": "s3://canvas-artifacts/"
				  },
				  "DirectDeploySettings": {
				    "Status": "ENABLED_FOR_ADMINS"
				  }
				}
				""");
	}

	@Test
	void describesAUserProfileWithItsOwnSettings() {
		String profileArn = "arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":user-profile/" + DOMAIN + "/alice";
		this.wireMock.stubFor(json("SageMaker.DescribeUserProfile").willReturn(sageMakerJson(200, """
				{"DomainId":"%s","UserProfileArn":"%s","UserProfileName":"alice","Status":"InService",
				 "HomeEfsFileSystemUid":"200001","UserSettings":{"ExecutionRole":"arn:aws:iam::%s:role/AliceCanvas",
				 "CanvasAppSettings":{"KendraSettings":{"Status":"ENABLED"}}}}
				""".formatted(DOMAIN, profileArn, ACCOUNT))));

		LiveRead<LiveUserProfile> read = reader().readUserProfile(ACCOUNT, REGION, DOMAIN, "alice");

		assertThat(read).isEqualTo(LiveRead.found(new LiveUserProfile(ACCOUNT, REGION, DOMAIN, "alice", profileArn,
				"InService", "arn:aws:iam::" + ACCOUNT + ":role/AliceCanvas",
				"{\n  \"KendraSettings\": {\n    \"Status\": \"ENABLED\"\n  }\n}\n")));
		this.wireMock.verify(postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("SageMaker.DescribeUserProfile"))
			.withRequestBody(equalToJson("{\"DomainId\":\"" + DOMAIN + "\",\"UserProfileName\":\"alice\"}")));
	}

	@Test
	void aUserProfileWithoutOwnSettingsHasNone() {
		this.wireMock.stubFor(json("SageMaker.DescribeUserProfile").willReturn(sageMakerJson(200, """
				{"DomainId":"%s","UserProfileArn":"arn:aws:sagemaker:eu-west-1:%s:user-profile/%s/bob",
				 "UserProfileName":"bob","Status":"InService","UserSettings":{}}
				""".formatted(DOMAIN, ACCOUNT, DOMAIN))));

		LiveUserProfile profile = reader().readUserProfile(ACCOUNT, REGION, DOMAIN, "bob").valueIfFound().orElseThrow();

		assertThat(profile.executionRoleArn()).isNull();
		assertThat(profile.canvasAppSettingsJson()).isNull();
	}

	@Test
	void listsTheDomains() {
		this.wireMock.stubFor(json("SageMaker.ListDomains").willReturn(sageMakerJson(200, """
				{"Domains":[{"DomainArn":"%s","DomainId":"%s","DomainName":"analytics","Status":"InService",
				  "CreationTime":1.714556e9,"LastModifiedTime":1.717e9,"Url":"https://x.studio.eu-west-1.sagemaker.aws"},
				 {"DomainArn":"arn:aws:sagemaker:eu-west-1:%s:domain/d-second0000001","DomainId":"d-second0000001",
				  "DomainName":"sandbox","Status":"Failed"}]}
				""".formatted(DOMAIN_ARN, DOMAIN, ACCOUNT))));

		LiveRead<List<DomainSummary>> read = reader().listDomains(ACCOUNT, REGION);

		assertThat(read).isEqualTo(LiveRead.found(List.of(new DomainSummary(DOMAIN, "analytics", "InService", DOMAIN_ARN),
				new DomainSummary("d-second0000001", "sandbox", "Failed",
						"arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":domain/d-second0000001"))));
		this.wireMock.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.ListDomains"))
			.withRequestBody(equalToJson("{}")));
	}

	@Test
	void listsUserProfilesAcrossPages() {
		this.wireMock.stubFor(json("SageMaker.ListUserProfiles").atPriority(5).willReturn(sageMakerJson(200, """
				{"UserProfiles":[{"DomainId":"%s","UserProfileName":"alice","Status":"InService"},
				 {"DomainId":"%s","UserProfileName":"bob","Status":"Pending"}],"NextToken":"page-2-token"}
				""".formatted(DOMAIN, DOMAIN))));
		this.wireMock.stubFor(json("SageMaker.ListUserProfiles").atPriority(1)
			.withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2-token")))
			.willReturn(sageMakerJson(200, """
					{"UserProfiles":[{"DomainId":"%s","UserProfileName":"carol","Status":"Update_Failed"}]}
					""".formatted(DOMAIN))));

		LiveRead<List<UserProfileSummary>> read = reader().listUserProfiles(ACCOUNT, REGION, DOMAIN);

		assertThat(read).isEqualTo(LiveRead.found(List.of(new UserProfileSummary(DOMAIN, "alice", "InService"),
				new UserProfileSummary(DOMAIN, "bob", "Pending"), new UserProfileSummary(DOMAIN, "carol", "Update_Failed"))));
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("SageMaker.ListUserProfiles"))
			.withRequestBody(equalToJson("{\"DomainIdEquals\":\"" + DOMAIN + "\"}")));
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
			.withHeader("X-Amz-Target", equalTo("SageMaker.ListUserProfiles"))
			.withRequestBody(equalToJson("{\"DomainIdEquals\":\"" + DOMAIN + "\",\"NextToken\":\"page-2-token\"}")));
	}

	@Test
	void anUnknownDomainIsNotFound() {
		this.wireMock.stubFor(json("SageMaker.DescribeDomain").willReturn(sageMakerJson(400,
				"{\"__type\":\"ResourceNotFound\",\"Message\":\"Domain " + DOMAIN + " does not exist\"}")));

		assertThat(reader().readDomain(ACCOUNT, REGION, DOMAIN)).isEqualTo(LiveRead.failed(new AwsProblem(Kind.NOT_FOUND,
				"SageMaker", "DescribeDomain", "SageMaker DescribeDomain found nothing (ResourceNotFound): domain "
						+ DOMAIN + " in account " + ACCOUNT + " (eu-west-1) does not exist.")));
		assertThat(this.wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void aRefusedListIsAccessDenied() {
		this.wireMock.stubFor(json("SageMaker.ListUserProfiles").willReturn(sageMakerJson(400,
				"{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized to perform: "
						+ "sagemaker:ListUserProfiles\"}")));

		AwsProblem problem = reader().listUserProfiles(ACCOUNT, REGION, DOMAIN).problemIfFailed().orElseThrow();

		assertThat(problem).isEqualTo(new AwsProblem(Kind.ACCESS_DENIED, "SageMaker", "ListUserProfiles",
				"SageMaker ListUserProfiles was refused (AccessDeniedException): the console's credentials may not read "
						+ "the user profiles of domain " + DOMAIN + " in account " + ACCOUNT + " (eu-west-1). AWS said: "
						+ "not authorized to perform: sagemaker:ListUserProfiles"));
	}

	@Test
	void throttlingIsRetriedThenThrottled() {
		this.wireMock.stubFor(json("SageMaker.DescribeUserProfile").willReturn(sageMakerJson(400,
				"{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}")));

		AwsProblem problem = reader(true, 2, Map.of()).readUserProfile(ACCOUNT, REGION, DOMAIN, "alice")
			.problemIfFailed()
			.orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.THROTTLED);
		assertThat(this.wireMock.getAllServeEvents()).hasSize(2);
	}

	/** The four SageMaker reads, each by its operation name. */
	private static LiveRead<?> read(AwsLiveStateReader reader, String operation) {
		return switch (operation) {
			case "DescribeDomain" -> reader.readDomain(ACCOUNT, REGION, DOMAIN);
			case "DescribeUserProfile" -> reader.readUserProfile(ACCOUNT, REGION, DOMAIN, "alice");
			case "ListDomains" -> reader.listDomains(ACCOUNT, REGION);
			case "ListUserProfiles" -> reader.listUserProfiles(ACCOUNT, REGION, DOMAIN);
			default -> throw new IllegalArgumentException(operation);
		};
	}

	/**
	 * Each SageMaker call with each kind of failure AWS gives (awsJson1.1 errors: {@code __type} and
	 * {@code Message}): a refusal ends the read at once, throttling and 5xx after every attempt (two here).
	 * ListDomains lists an account, so there is nothing it could fail to find.
	 */
	@ParameterizedTest(name = "{0} answers {2} {1}")
	@CsvSource(textBlock = """
			DescribeDomain,      ResourceNotFound,      400, NOT_FOUND,     1
			DescribeDomain,      AccessDeniedException, 400, ACCESS_DENIED, 1
			DescribeDomain,      ThrottlingException,   400, THROTTLED,     2
			DescribeDomain,      InternalFailure,       500, SERVICE_ERROR, 2
			DescribeDomain,      ServiceUnavailable,    503, SERVICE_ERROR, 2
			DescribeUserProfile, ResourceNotFound,      400, NOT_FOUND,     1
			DescribeUserProfile, AccessDeniedException, 400, ACCESS_DENIED, 1
			DescribeUserProfile, ThrottlingException,   400, THROTTLED,     2
			DescribeUserProfile, InternalFailure,       500, SERVICE_ERROR, 2
			DescribeUserProfile, ServiceUnavailable,    503, SERVICE_ERROR, 2
			ListDomains,         AccessDeniedException, 400, ACCESS_DENIED, 1
			ListDomains,         ThrottlingException,   400, THROTTLED,     2
			ListDomains,         InternalFailure,       500, SERVICE_ERROR, 2
			ListDomains,         ServiceUnavailable,    503, SERVICE_ERROR, 2
			ListUserProfiles,    ResourceNotFound,      400, NOT_FOUND,     1
			ListUserProfiles,    AccessDeniedException, 400, ACCESS_DENIED, 1
			ListUserProfiles,    ThrottlingException,   400, THROTTLED,     2
			ListUserProfiles,    InternalFailure,       500, SERVICE_ERROR, 2
			ListUserProfiles,    ServiceUnavailable,    503, SERVICE_ERROR, 2
			""")
	void eachCallsFailuresBecomeItsProblem(String operation, String type, int status, Kind kind, int attempts) {
		this.wireMock.stubFor(json("SageMaker." + operation).willReturn(sageMakerJson(status,
				"{\"__type\":\"" + type + "\",\"Message\":\"failed: " + type + "\"}")));

		AwsProblem problem = read(reader(true, 2, Map.of()), operation).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(kind);
		assertThat(problem.service()).isEqualTo("SageMaker");
		assertThat(problem.operation()).isEqualTo(operation);
		assertThat(problem.message()).startsWith("SageMaker " + operation + " ").contains("(" + type + ")");
		if (kind == Kind.SERVICE_ERROR) {
			assertThat(problem.message()).contains("failed with HTTP " + status, "AWS said: failed: " + type);
		}
		assertThat(this.wireMock.getAllServeEvents()).hasSize(attempts);
	}

	@Test
	void aDomainOfAnotherAccountIsNotPassedOff() {
		this.wireMock.stubFor(json("SageMaker.ListDomains").willReturn(sageMakerJson(200, """
				{"Domains":[{"DomainArn":"arn:aws:sagemaker:eu-west-1:999988887777:domain/d-other","DomainId":"d-other",
				  "DomainName":"theirs","Status":"InService"}]}
				""")));

		AwsProblem problem = reader().listDomains(ACCOUNT, REGION).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.NOT_CONFIGURED);
		assertThat(problem.operation()).isEqualTo("ListDomains");
	}

}
