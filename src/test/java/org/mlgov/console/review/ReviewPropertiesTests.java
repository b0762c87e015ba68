package org.mlgov.console.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
