package org.mlgov.console.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mlgov.console.ConsoleApplication;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole console instances started and stopped by a test, on a database and an AWS account ({@link FakeAws}) that
 * outlive them: a restart, or two instances sharing one database.
 */
final class ConsoleInstances implements AutoCloseable {

	/** The AWS account every instance started here uses. */
	static final FakeAws AWS = new FakeAws();

	/**
	 * Installs {@link #AWS} as the instance's {@code LiveStateReader} and {@code AwsWriter}. A test configuration, so
	 * that the console's component scan leaves it out of every other test's context.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SharedAws {

		@Bean
		@Primary
		FakeAws sharedFakeAws() {
			return AWS;
		}

	}

	private final Map<String, Object> properties;

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	ConsoleInstances(Map<String, Object> properties) {
		this.properties = properties;
	}

	/** Starts a console instance on the shared database, polling and beating fast. */
	ConfigurableApplicationContext start() {
		Map<String, Object> all = new java.util.HashMap<>(Map.of("server.port", "0", "console.push.poll-interval", "300ms",
				"console.push.heartbeat-interval", "200ms", "console.push.stale-after", "2s",
				"spring.thymeleaf.cache", "false"));
		all.putAll(this.properties);
		// As command-line arguments: they win over application.yml (default properties would not).
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class, SharedAws.class)
			.run(all.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		this.running.add(context);
		return context;
	}

	static Draft approvedDraft(ConfigurableApplicationContext context, String name) {
		ReviewFixtures fixtures = new ReviewFixtures(context.getBean(DraftService.class),
				context.getBean(ReviewService.class));
		return fixtures.approved(fixtures.finished("admin", name, TestSpecs.dataScientistEverything(),
				new CanvasTargets(PushWorkflowTests.DOMAIN, true, List.of())), "reviewer");
	}

	static void freshAccount() {
		AWS.reset();
		AWS.domain(PushWorkflowTests.DOMAIN, "arn:aws:iam::111122223333:role/service-role/Old", null);
		AWS.bucket("ml-eval-bucket", PushWorkflowTests.EARLIER_RULE);
		AWS.bucket("sagemaker-us-east-1-111122223333", "[]");
	}

	static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(until);
			Thread.sleep(50);
		}
	}

	@Override
	public void close() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

}
