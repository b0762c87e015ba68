package org.mlgov.console.live.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.aws.AwsProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AWS endpoint that does not answer: every client gives up after {@code console.aws.api-call-timeout}, each
 * attempt after {@code console.aws.api-call-attempt-timeout}, and the read answers {@code TIMED_OUT} instead of
 * keeping the review page waiting (the Apache client's own socket timeout is 30 s).
 */
class AwsTimeoutContractTests extends AwsContract {

	static final Duration CALL_TIMEOUT = Duration.ofMillis(1200);

	static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);

	/** One slow call of each client, and the read that makes it. */
	enum SlowCall {

		IAM_GET_ROLE("IAM", "GetRole", "role CanvasExecution in account " + ACCOUNT,
				(reader) -> reader.readRole(ACCOUNT, "CanvasExecution")),
		SAGEMAKER_DESCRIBE_DOMAIN("SageMaker", "DescribeDomain", "domain d-abc123 in account " + ACCOUNT + " (eu-west-1)",
				(reader) -> reader.readDomain(ACCOUNT, REGION, "d-abc123")),
		S3_GET_BUCKET_CORS("S3", "GetBucketCors", "bucket canvas-artifacts in account " + ACCOUNT,
				(reader) -> reader.readBucketCors(ACCOUNT, REGION, "canvas-artifacts"));

		final String service;

		final String operation;

		final String subject;

		final Function<AwsLiveStateReader, LiveRead<?>> read;

		SlowCall(String service, String operation, String subject, Function<AwsLiveStateReader, LiveRead<?>> read) {
			this.service = service;
			this.operation = operation;
			this.subject = subject;
			this.read = read;
		}

	}

	private void stubSlow(SlowCall call, int delayMillis) {
		var slowly = switch (call) {
			case IAM_GET_ROLE -> query("GetRole");
			case SAGEMAKER_DESCRIBE_DOMAIN -> json("SageMaker.DescribeDomain");
			case S3_GET_BUCKET_CORS -> get(urlEqualTo("/canvas-artifacts?cors"));
		};
		this.wireMock.stubFor(slowly.willReturn(xml(200, "<never-read/>").withFixedDelay(delayMillis)));
	}

	/**
	 * Makes the reader build its client and run one quick call first (an error AWS answers at once), so that the
	 * timed read measures the call and not the SDK's start.
	 */
	private void warmUp(SlowCall call, AwsLiveStateReader reader) {
		var quickly = switch (call) {
			case IAM_GET_ROLE -> query("GetRole").withRequestBody(containing("RoleName=WarmUp"));
			case SAGEMAKER_DESCRIBE_DOMAIN -> json("SageMaker.DescribeDomain")
				.withRequestBody(containing("d-warmup"));
			case S3_GET_BUCKET_CORS -> get(urlEqualTo("/warm-up?cors"));
		};
		this.wireMock.stubFor(quickly.atPriority(1).willReturn(xml(403, "<Error><Code>AccessDenied</Code></Error>")));
		switch (call) {
			case IAM_GET_ROLE -> reader.readRole(ACCOUNT, "WarmUp");
			case SAGEMAKER_DESCRIBE_DOMAIN -> reader.readDomain(ACCOUNT, REGION, "d-warmup");
			case S3_GET_BUCKET_CORS -> reader.readBucketCors(ACCOUNT, REGION, "warm-up");
		}
		this.wireMock.resetRequests();
	}

	@ParameterizedTest
	@EnumSource(SlowCall.class)
	void aCallThatDoesNotAnswerTimesOutWithinTheConfiguredTime(SlowCall call) {
		stubSlow(call, 5000);
		AwsLiveStateReader reader = reader(3, Map.of(), CALL_TIMEOUT, ATTEMPT_TIMEOUT);
		warmUp(call, reader);

		long started = System.nanoTime();
		LiveRead<?> read = call.read.apply(reader);
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(read).isEqualTo(LiveRead.failed(new AwsProblem(Kind.TIMED_OUT, call.service, call.operation,
				call.service + " " + call.operation + " timed out while reading " + call.subject + ": AWS did not "
						+ "answer within the console's timeouts (console.aws.api-call-timeout, "
						+ "console.aws.api-call-attempt-timeout).")));
		// Attempts of 500 ms, retried, cut off at 1.2 s in all: well before the endpoint's 5 s.
		assertThat(tookMillis).isBetween(CALL_TIMEOUT.toMillis() - 100, CALL_TIMEOUT.toMillis() + 1500);
		// Only the attempts of this read: the warm-up's abandoned requests (which name a "warm-up" role, domain or
		// bucket) can still reach WireMock late on a busy machine.
		assertThat(this.wireMock.getAllServeEvents())
			.filteredOn((event) -> !(event.getRequest().getUrl() + event.getRequest().getBodyAsString())
				.toLowerCase(java.util.Locale.ROOT)
				.contains("warm"))
			.hasSizeBetween(2, 3);
	}

	@Test
	void aSlowAttemptIsAbandonedAndRetriedUpToTheConfiguredAttempts() {
		stubSlow(SlowCall.IAM_GET_ROLE, 3000);
		AwsLiveStateReader reader = reader(2, Map.of(), Duration.ofSeconds(10), Duration.ofMillis(400));
		warmUp(SlowCall.IAM_GET_ROLE, reader);

		long started = System.nanoTime();
		AwsProblem problem = reader.readRole(ACCOUNT, "CanvasExecution").problemIfFailed().orElseThrow();
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(problem.kind()).isEqualTo(Kind.TIMED_OUT);
		assertThat(this.wireMock.getAllServeEvents()).hasSize(2);
		assertThat(tookMillis).isBetween(800L, 2500L);
	}

	@Test
	void theStsCallThatAssumesTheAccountsRoleTimesOutToo() {
		this.wireMock.stubFor(query("AssumeRole").willReturn(xml(200, "<never-read/>").withFixedDelay(5000)));
		AwsLiveStateReader reader = reader(3,
				Map.of(ACCOUNT, new AwsProperties.Account("arn:aws:iam::" + ACCOUNT + ":role/Reader")), CALL_TIMEOUT,
				ATTEMPT_TIMEOUT);

		long started = System.nanoTime();
		AwsProblem problem = reader.readRole(ACCOUNT, "CanvasExecution").problemIfFailed().orElseThrow();
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(problem).isEqualTo(new AwsProblem(Kind.TIMED_OUT, "IAM", "GetRole", "IAM GetRole was not sent: STS "
				+ "did not answer in time when the console assumed role arn:aws:iam::" + ACCOUNT + ":role/Reader to "
				+ "read account " + ACCOUNT + " (console.aws.api-call-timeout, console.aws.api-call-attempt-timeout)."));
		// The clients are built during this read (no warm-up here), hence the wider margin.
		assertThat(tookMillis).isLessThan(CALL_TIMEOUT.toMillis() + 2500);
	}

}
