package org.mlgov.console.live.aws;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import software.amazon.awssdk.core.exception.SdkClientException;
import org.mlgov.console.aws.AwsProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the console's credentials come from (base credentials, or STS AssumeRole per account), what happens
 * without any, and that AWS access switched off sends nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class AwsCredentialsContractTests extends AwsContract {

	static final String READER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/MlGovernanceConsoleReader";

	static final String TEMPORARY_KEY = "ASIATEMPORARYKEY0001";

	static final String TEMPORARY_SECRET = "temporary-secret-never-shown";

	static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

	static final String ROLE = "CanvasExecution";

	@Test
	void assumesTheAccountsRoleOnceAndSignsWithItsSession() {
		stubAssumeRole();
		stubMinimalRole();
		AwsLiveStateReader reader = reader(true, 3, Map.of(ACCOUNT, new AwsProperties.Account(READER_ROLE)));

		assertThat(reader.readRole(ACCOUNT, ROLE).isFound()).isTrue();
		assertThat(reader.readRole(ACCOUNT, ROLE).isFound()).isTrue();

		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
			.withHeader("Authorization", containing("Credential=" + ACCESS_KEY + "/"))
			.withRequestBody(equalTo("Action=AssumeRole&Version=2011-06-15&RoleArn=" + urlEncoded(READER_ROLE)
					+ "&RoleSessionName=ml-governance-console")));
		this.wireMock.verify(2, postRequestedFor(urlEqualTo("/"))
			.withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=" + TEMPORARY_KEY + "/.*"))
			.withHeader("X-Amz-Security-Token", equalTo(SESSION_TOKEN))
			.withRequestBody(action("GetRole")));
	}

	@Test
	void anAccountInAnotherPartitionIsReadThroughThatPartitionsStsAndIam() {
		stubAssumeRole();
		stubMinimalRole();
		String chinaRole = "arn:aws-cn:iam::" + ACCOUNT + ":role/MlGovernanceConsoleReader";

		assertThat(reader(true, 3, Map.of(ACCOUNT, new AwsProperties.Account(chinaRole))).readRole(ACCOUNT, ROLE).isFound())
			.isTrue();

		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
			.withHeader("Authorization", containing("/cn-north-1/sts/aws4_request"))
			.withRequestBody(action("AssumeRole")));
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
			.withHeader("Authorization", containing("/aws-cn-global/iam/aws4_request"))
			.withRequestBody(action("GetRole")));
	}

	@Test
	void aRoleThatCannotBeAssumedMeansNoCredentials() {
		this.wireMock.stubFor(query("AssumeRole").willReturn(queryError(403, "AccessDenied",
				"User: arn:aws:iam::" + ACCOUNT + ":user/console is not authorized to perform: sts:AssumeRole")));

		LiveRead<?> read = reader(true, 3, Map.of(ACCOUNT, new AwsProperties.Account(READER_ROLE)))
			.readRole(ACCOUNT, ROLE);

		assertThat(read).isEqualTo(LiveRead.failed(new AwsProblem(Kind.NO_CREDENTIALS, "IAM", "GetRole",
				"IAM GetRole was not sent: the console could not assume role " + READER_ROLE + " to read account "
						+ ACCOUNT + " (STS AccessDenied): check that role's trust policy and the console's base "
						+ "credentials.")));
		this.wireMock.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetRole")));
	}

	@Test
	void withoutAnyCredentialsNothingIsSent() {
		AwsLiveStateReader reader = reader(true, 3, Map.of(), () -> {
			throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
		});

		AwsProblem problem = reader.readDomain(ACCOUNT, null, "d-abc123").problemIfFailed().orElseThrow();

		assertThat(problem).isEqualTo(new AwsProblem(Kind.NO_CREDENTIALS, "SageMaker", "DescribeDomain",
				"SageMaker DescribeDomain was not sent: the console found no AWS credentials to read account " + ACCOUNT
						+ ": configure console.aws.profile or the default credentials provider chain."));
		assertThat(this.wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void credentialsAwsRejectsMeanNoCredentials() {
		this.wireMock.stubFor(query("GetRole").willReturn(
				queryError(403, "InvalidClientTokenId", "The security token included in the request is invalid.")));

		AwsProblem problem = reader().readRole(ACCOUNT, ROLE).problemIfFailed().orElseThrow();

		assertThat(problem).isEqualTo(new AwsProblem(Kind.NO_CREDENTIALS, "IAM", "GetRole", "IAM GetRole was refused "
				+ "(InvalidClientTokenId): AWS rejected the console's credentials while reading role " + ROLE
				+ " in account " + ACCOUNT + "."));
	}

	@Test
	void switchedOffEveryReadIsNotConfiguredAndNothingIsSent() {
		AwsLiveStateReader reader = reader(false, 3, Map.of());

		List<LiveRead<?>> reads = List.of(reader.readRole(ACCOUNT, ROLE), reader.readDomain(ACCOUNT, REGION, "d-abc123"),
				reader.readUserProfile(ACCOUNT, REGION, "d-abc123", "alice"), reader.listDomains(ACCOUNT, REGION),
				reader.listUserProfiles(ACCOUNT, REGION, "d-abc123"), reader.readBucketCors(ACCOUNT, REGION, "bucket"));

		assertThat(reads).extracting((read) -> read.problemIfFailed().orElseThrow().kind()).containsOnly(Kind.NOT_CONFIGURED);
		assertThat(reads.get(0).problemIfFailed().orElseThrow().message())
			.isEqualTo("IAM GetRole was not sent: AWS access is switched off for this console (whoever runs the console can turn it on).");
		assertThat(reads).extracting((read) -> read.problemIfFailed().orElseThrow().operation())
			.containsExactly("GetRole", "DescribeDomain", "DescribeUserProfile", "ListDomains", "ListUserProfiles",
					"GetBucketCors");
		assertThat(this.wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void neitherProblemsNorLogsContainCredentials(CapturedOutput output) {
		stubAssumeRole();
		this.wireMock.stubFor(query("GetRole").willReturn(queryError(403, "AccessDenied", "not authorized")));
		this.wireMock.stubFor(json("SageMaker.DescribeDomain").willReturn(sageMakerJson(400,
				"{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
		AwsLiveStateReader reader = reader(true, 1, Map.of(ACCOUNT, new AwsProperties.Account(READER_ROLE)));

		List<String> messages = List.of(reader.readRole(ACCOUNT, ROLE), reader.readDomain(ACCOUNT, null, "d-abc123"))
			.stream()
			.map((read) -> read.problemIfFailed().orElseThrow().message())
			.toList();

		assertThat(messages).hasSize(2).allSatisfy((message) -> assertThat(message).doesNotContain(ACCESS_KEY,
				SECRET_KEY, TEMPORARY_KEY, TEMPORARY_SECRET, SESSION_TOKEN));
		assertThat(output).contains(messages.get(0), messages.get(1))
			.doesNotContain(ACCESS_KEY, SECRET_KEY, TEMPORARY_KEY, TEMPORARY_SECRET, SESSION_TOKEN);
	}

	private void stubAssumeRole() {
		this.wireMock.stubFor(query("AssumeRole").willReturn(queryResult("AssumeRole",
				"https://sts.amazonaws.com/doc/2011-06-15/",
				"<Credentials><AccessKeyId>" + TEMPORARY_KEY + "</AccessKeyId><SecretAccessKey>" + TEMPORARY_SECRET
						+ "</SecretAccessKey><SessionToken>" + SESSION_TOKEN + "</SessionToken>"
						+ "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::"
						+ ACCOUNT + ":assumed-role/MlGovernanceConsoleReader/ml-governance-console</Arn>"
						+ "<AssumedRoleId>AROAEXAMPLEREADER:ml-governance-console</AssumedRoleId></AssumedRoleUser>")));
	}

	private void stubMinimalRole() {
		this.wireMock.stubFor(query("GetRole").willReturn(
				iamResult("GetRole", IamRoleReaderContractTests.role("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE))));
		for (String list : List.of("ListRolePolicies", "ListAttachedRolePolicies", "ListRoleTags")) {
			this.wireMock.stubFor(query(list).willReturn(iamResult(list, "<IsTruncated>false</IsTruncated>")));
		}
	}

}
