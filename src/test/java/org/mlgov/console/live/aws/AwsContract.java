package org.mlgov.console.live.aws;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Contract tests of the AWS adapter: an embedded WireMock server on a dynamic port stands in for IAM, STS,
 * SageMaker and S3 (every endpoint overridden to it), with a fixed Region and static credentials. Each test stubs
 * the responses AWS gives and checks the requests the SDK sends.
 */
abstract class AwsContract {

	static final String ACCOUNT = "111122223333";

	static final String ACCESS_KEY = "AKIACONTRACTTESTKEY1";

	static final String SECRET_KEY = "contract-secret-key-never-shown";

	static final String REGION = "eu-west-1";

	static final AwsCredentialsProvider STATIC_CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

	protected WireMockServer wireMock;

	private AwsClients clients;

	@BeforeEach
	void startWireMock() {
		this.wireMock = new WireMockServer(options().dynamicPort());
		this.wireMock.start();
	}

	@AfterEach
	void stopWireMock() {
		if (this.clients != null) {
			this.clients.close();
		}
		this.wireMock.stop();
	}

	/**
	 * A reader whose calls all go to WireMock.
	 * @param enabled {@code console.aws.enabled}
	 * @param maxAttempts {@code console.aws.max-attempts}
	 * @param accounts {@code console.aws.accounts}: roles to assume
	 * @param baseCredentials the base credentials
	 */
	AwsLiveStateReader reader(boolean enabled, int maxAttempts, Map<String, AwsProperties.Account> accounts,
			AwsCredentialsProvider baseCredentials) {
		return reader(enabled, maxAttempts, accounts, baseCredentials, AwsProperties.DEFAULT_API_CALL_TIMEOUT,
				AwsProperties.DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
	}

	/**
	 * A reader whose calls all go to WireMock, with the given timeouts.
	 * @param apiCallTimeout {@code console.aws.api-call-timeout}
	 * @param apiCallAttemptTimeout {@code console.aws.api-call-attempt-timeout}
	 */
	AwsLiveStateReader reader(boolean enabled, int maxAttempts, Map<String, AwsProperties.Account> accounts,
			AwsCredentialsProvider baseCredentials, Duration apiCallTimeout, Duration apiCallAttemptTimeout) {
		URI endpoint = URI.create(this.wireMock.baseUrl());
		AwsProperties properties = new AwsProperties(enabled, REGION, null, maxAttempts, true, accounts,
				new AwsProperties.Endpoints(endpoint, endpoint, endpoint, endpoint), apiCallTimeout,
				apiCallAttemptTimeout);
		this.clients = new AwsClients(properties, baseCredentials);
		return new AwsLiveStateReader(properties, this.clients);
	}

	AwsLiveStateReader reader(int maxAttempts, Map<String, AwsProperties.Account> accounts, Duration apiCallTimeout,
			Duration apiCallAttemptTimeout) {
		return reader(true, maxAttempts, accounts, STATIC_CREDENTIALS, apiCallTimeout, apiCallAttemptTimeout);
	}

	AwsLiveStateReader reader(boolean enabled, int maxAttempts, Map<String, AwsProperties.Account> accounts) {
		return reader(enabled, maxAttempts, accounts, STATIC_CREDENTIALS);
	}

	AwsLiveStateReader reader() {
		return reader(true, 3, Map.of());
	}

	/** An awsQuery call (IAM, STS): a form-encoded POST to / that names its action first. */
	static MappingBuilder query(String action) {
		return post(urlEqualTo("/")).withRequestBody(action(action));
	}

	static StringValuePattern action(String action) {
		return containing("Action=" + action + "&");
	}

	/** An awsJson1.1 call (SageMaker): a POST to / with the operation in X-Amz-Target. */
	static MappingBuilder json(String target) {
		return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
	}

	static ResponseDefinitionBuilder xml(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
	}

	/** An IAM or STS answer: {@code <XResponse><XResult>…</XResult><ResponseMetadata/></XResponse>}. */
	static ResponseDefinitionBuilder queryResult(String action, String namespace, String result) {
		return xml(200, "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result + "</"
				+ action + "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>"
				+ "</ResponseMetadata></" + action + "Response>");
	}

	static ResponseDefinitionBuilder iamResult(String action, String result) {
		return queryResult(action, "https://iam.amazonaws.com/doc/2010-05-08/", result);
	}

	/** An awsQuery error: {@code <ErrorResponse><Error><Code>…}. */
	static ResponseDefinitionBuilder queryError(int status, String code, String message) {
		return xml(status, "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
				+ "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
				+ "<RequestId>4f3e2a1b-0000-4000-8000-00000000EXAM</RequestId></ErrorResponse>");
	}

	static ResponseDefinitionBuilder sageMakerJson(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
	}

	/** A policy document as IAM returns it: URL-encoded per RFC 3986 (a space as %20, a plus as %2B). */
	static String urlEncoded(String json) {
		return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
