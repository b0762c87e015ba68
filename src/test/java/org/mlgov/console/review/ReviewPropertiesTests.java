package org.mlgov.console.review;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code console.review.*} binding and its start-up validation. */
class ReviewPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ReviewPropertiesConfiguration.class);

	@Test
	void oneApprovalByDefault() {
		this.contexts.run((context) -> assertThat(context.getBean(ReviewProperties.class))
			.isEqualTo(new ReviewProperties(1)));
	}

	@Test
	void bindsTheRequiredApprovals() {
		this.contexts.withPropertyValues("console.review.required-approvals=5")
			.run((context) -> assertThat(context.getBean(ReviewProperties.class).requiredApprovals()).isEqualTo(5));
	}

	@Test
	void theReviewPageWaitsFifteenSecondsForAwsByDefault() {
		this.contexts.run((context) -> assertThat(context.getBean(ReviewProperties.class).liveReadDeadline())
			.isEqualTo(Duration.ofSeconds(15)));
		this.contexts.withPropertyValues("console.review.live-read-deadline=30s")
			.run((context) -> assertThat(context.getBean(ReviewProperties.class).liveReadDeadline())
				.isEqualTo(Duration.ofSeconds(30)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "3m" })
	void refusesToStartWithADeadlineOutOfRange(String value) {
		this.contexts.withPropertyValues("console.review.live-read-deadline=" + value)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("console.review.live-read-deadline must be more than 0 and at most 2 minutes"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0   | must be at least 1: every revision needs a reviewer's approval
			-2  | must be at least 1: every revision needs a reviewer's approval
			6   | must be at most 5 (approvals of different reviewers)
			""")
	void refusesToStartWithRequiredApprovalsOutOfRange(String value, String complaint) {
		this.contexts.withPropertyValues("console.review.required-approvals=" + value)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("console.review.required-approvals")
				.hasMessageContaining(complaint));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ReviewProperties.class)
	static class ReviewPropertiesConfiguration {

	}

}
