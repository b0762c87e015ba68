package org.mlgov.console.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code console.review.*}, checked at start-up: the console does not start with a value it could
 * not use.
 *
 * @param requiredApprovals how many reviewers, none of them the author and each a different one, approve a
 * submitted revision before it is approved: 1 (the default) to {@value #MAX_APPROVALS}
 */
@Validated
@ConfigurationProperties("console.review")
public record ReviewProperties(@DefaultValue("1") @Min(value = 1,
		message = "must be at least 1: every revision needs a reviewer's approval") @Max(value = MAX_APPROVALS,
				message = "must be at most " + MAX_APPROVALS + " (approvals of different reviewers)") int requiredApprovals) {

	/** The most approvals a revision may be configured to need. */
	public static final int MAX_APPROVALS = 5;

}
