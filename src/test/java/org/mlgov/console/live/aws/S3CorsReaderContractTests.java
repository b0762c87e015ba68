package org.mlgov.console.live.aws;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** S3's restXml contract for GetBucketCors (path-style addressing). */
class S3CorsReaderContractTests extends AwsContract {

	static final String BUCKET = "canvas-artifacts-111122223333";

	@Test
	void readsTheRulesInTheS3ConsolesShape() {
		this.wireMock.stubFor(get(urlEqualTo("/" + BUCKET + "?cors")).willReturn(xml(200, """
				<?xml version="1.0" encoding="UTF-8"?>
				<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
				  <CORSRule>
				    <ID>canvas-local-upload</ID>
				    <AllowedHeader>*</AllowedHeader>
				    <AllowedMethod>POST</AllowedMethod>
				    <AllowedMethod>PUT</AllowedMethod>
				    <AllowedOrigin>https://*.sagemaker.aws</AllowedOrigin>
				    <ExposeHeader>ETag</ExposeHeader>
				    <ExposeHeader>x-amz-delete-marker</ExposeHeader>
				    <MaxAgeSeconds>3000</MaxAgeSeconds>
				  </CORSRule>
				  <CORSRule>
				    <AllowedMethod>GET</AllowedMethod>
				    <AllowedOrigin>*</AllowedOrigin>
				  </CORSRule>
				</CORSConfiguration>
				""")));

		LiveRead<LiveBucketCors> read = reader().readBucketCors(ACCOUNT, REGION, BUCKET);

		assertThat(read).isEqualTo(LiveRead.found(new LiveBucketCors(ACCOUNT, REGION, BUCKET, """
				[
				  {
				    "ID": "canvas-local-upload",
				    "AllowedHeaders": [
				      "*"
				    ],
				    "AllowedMethods": [
				      "POST",
				      "PUT"
				    ],
				    "AllowedOrigins": [
				      "https://*.sagemaker.aws"
				    ],
				    "ExposeHeaders": [
				      "ETag",
				      "x-amz-delete-marker"
				    ],
				    "MaxAgeSeconds": 3000
				  },
				  {
				    "AllowedMethods": [
				      "GET"
				    ],
				    "AllowedOrigins": [
				      "*"
				    ]
				  }
				]
				""", 2)));
		this.wireMock.verify(getRequestedFor(urlEqualTo("/" + BUCKET + "?cors"))
			.withHeader("x-amz-expected-bucket-owner", equalTo(ACCOUNT))
			.withHeader("Authorization", matching(".*Credential=" + ACCESS_KEY + "/\\d{8}/eu-west-1/s3/aws4_request.*")));
	}

	@Test
	void aBucketWithoutCorsConfigurationHasNoRules() {
		stubError(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist");

		LiveRead<LiveBucketCors> read = reader().readBucketCors(ACCOUNT, REGION, BUCKET);

		assertThat(read).isEqualTo(LiveRead.found(new LiveBucketCors(ACCOUNT, REGION, BUCKET, "[]\n", 0)));
		assertThat(this.wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void aMissingBucketIsNotFound() {
		stubError(404, "NoSuchBucket", "The specified bucket does not exist");

		assertThat(reader().readBucketCors(ACCOUNT, REGION, BUCKET)).isEqualTo(LiveRead.failed(new AwsProblem(
				Kind.NOT_FOUND, "S3", "GetBucketCors", "S3 GetBucketCors found nothing (NoSuchBucket): bucket " + BUCKET
						+ " in account " + ACCOUNT + " does not exist.")));
	}

	@Test
	void aRefusalIsAccessDenied() {
		stubError(403, "AccessDenied", "Access Denied");

		AwsProblem problem = reader().readBucketCors(ACCOUNT, REGION, BUCKET).problemIfFailed().orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.ACCESS_DENIED);
		assertThat(problem.message()).startsWith("S3 GetBucketCors was refused (AccessDenied): the console's credentials "
				+ "may not read bucket " + BUCKET);
	}

	@Test
	void aServerErrorIsRetriedThenAServiceError() {
		stubError(503, "ServiceUnavailable", "Service is unable to handle request.");

		AwsProblem problem = reader(true, 2, Map.of()).readBucketCors(ACCOUNT, REGION, BUCKET)
			.problemIfFailed()
			.orElseThrow();

		assertThat(problem.kind()).isEqualTo(Kind.SERVICE_ERROR);
		assertThat(this.wireMock.getAllServeEvents()).hasSize(2);
	}

	/**
	 * GetBucketCors with each kind of failure S3 gives, SlowDown (S3's throttling, a 503) included: a refusal ends
	 * the read at once, throttling and 5xx after every attempt (two here).
	 */
	@ParameterizedTest(name = "{1} {0}")
	@CsvSource(textBlock = """
			NoSuchBucket,       404, NOT_FOUND,     1, found nothing (NoSuchBucket)
			AccessDenied,       403, ACCESS_DENIED, 1, was refused (AccessDenied)
			SlowDown,           503, THROTTLED,     2, was throttled (SlowDown) on all 2 attempts
			InternalError,      500, SERVICE_ERROR, 2, failed with HTTP 500 (InternalError)
			ServiceUnavailable, 503, SERVICE_ERROR, 2, failed with HTTP 503 (ServiceUnavailable)
			""")
	void eachFailureBecomesItsProblem(String code, int status, Kind kind, int attempts, String says) {
		stubError(status, code, "failed: " + code);

		AwsProblem problem = reader(true, 2, Map.of()).readBucketCors(ACCOUNT, REGION, BUCKET)
			.problemIfFailed()
			.orElseThrow();

		assertThat(problem.kind()).isEqualTo(kind);
		assertThat(problem.operation()).isEqualTo("GetBucketCors");
		assertThat(problem.message()).startsWith("S3 GetBucketCors " + says);
		assertThat(this.wireMock.getAllServeEvents()).hasSize(attempts);
	}

	@Test
	void slowDownIsThrottlingWithTheAdvice() {
		stubError(503, "SlowDown", "Please reduce your request rate.");

		AwsProblem problem = reader(true, 3, Map.of()).readBucketCors(ACCOUNT, REGION, BUCKET)
			.problemIfFailed()
			.orElseThrow();

		assertThat(problem).isEqualTo(new AwsProblem(Kind.THROTTLED, "S3", "GetBucketCors", "S3 GetBucketCors was "
				+ "throttled (SlowDown) on all 3 attempts while reading bucket " + BUCKET + " in account " + ACCOUNT
				+ ": AWS limits the request rate of the account; try again in a minute."));
		assertThat(this.wireMock.getAllServeEvents()).hasSize(3);
	}

	/** An S3 error as S3 sends it: XML with the code, the message, the bucket and request ids. */
	private void stubError(int status, String code, String message) {
		this.wireMock.stubFor(get(urlEqualTo("/" + BUCKET + "?cors")).willReturn(xml(status, """
				<?xml version="1.0" encoding="UTF-8"?>
				<Error><Code>%s</Code><Message>%s</Message><BucketName>%s</BucketName>
				<RequestId>4442587FB7D0A2F9</RequestId><HostId>EXAMPLEhostid=</HostId></Error>
				""".formatted(code, message, BUCKET))));
	}

}
