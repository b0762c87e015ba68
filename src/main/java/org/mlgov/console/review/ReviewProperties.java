package org.mlgov.console.review;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code console.review.*}, checked at start-up: the console does not start with a value it could
 * not use.
 *
 * <p>
 * The {@code @param} texts are plain text: the configuration processor copies them into the IDE metadata.
 *
 * @param requiredApprovals How many reviewers, none of them the author and each a different one, approve a
 * submitted revision before it is approved (1 to 5).
 * @param liveReadDeadline How long the review page waits for its reads of live AWS state, which run side by side
 * (more than 0, at most 2 minutes). A read still running then is shown as not answered in time.
 */
@Validated
@ConfigurationProperties("console.review")
public record ReviewProperties(@DefaultValue("1") @Min(value = 1,
		message = "must be at least 1: every revision needs a reviewer's approval") @Max(value = MAX_APPROVALS,
				message = "must be at most " + MAX_APPROVALS + " (approvals of different reviewers)") int requiredApprovals,
		@DefaultValue("15s") Duration liveReadDeadline) {

	/** The most approvals a revision may be configured to need. */
	public static final int MAX_APPROVALS = 5;

	/** The default of {@code console.review.live-read-deadline}. */
	public static final Duration DEFAULT_LIVE_READ_DEADLINE = Duration.ofSeconds(15);

	@ConstructorBinding
	public ReviewProperties {
		liveReadDeadline = (liveReadDeadline != null) ? liveReadDeadline : DEFAULT_LIVE_READ_DEADLINE;
	}

	/**
	 * Settings with the default deadline.
	 * @param requiredApprovals how many approvals a revision needs
	 */
	public ReviewProperties(int requiredApprovals) {
		this(requiredApprovals, DEFAULT_LIVE_READ_DEADLINE);
	}

	@AssertTrue(message = "console.review.live-read-deadline must be more than 0 and at most 2 minutes")
	public boolean isLiveReadDeadlineBounded() {
		return !this.liveReadDeadline.isNegative() && !this.liveReadDeadline.isZero() && this.liveReadDeadline.compareTo(Duration.ofMinutes(2)) <= 0;
	}

}
