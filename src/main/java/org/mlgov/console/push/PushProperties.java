package org.mlgov.console.push;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code console.push.*}: how push jobs are run.
 *
 * @param pollInterval How often each console instance looks for queued pushes (a push also starts right after it is
 * stored).
 * @param heartbeatInterval How often an instance running a push records that it is alive.
 * @param staleAfter A running push whose instance has not been heard of for this long is marked failed (its finished
 * steps kept): its console stopped. Checked at start-up and at every poll; keep it well above heartbeat-interval.
 * @param iamPropagationAttempts How many times SageMaker UpdateDomain and UpdateUserProfile are sent while SageMaker
 * says the new role cannot be assumed yet (IAM's eventual consistency).
 * @param iamPropagationDelay How long to wait between those attempts.
 */
@Validated
@ConfigurationProperties("console.push")
public record PushProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration heartbeatInterval,
		@DefaultValue("60s") Duration staleAfter, @DefaultValue("8") @Min(1) @Max(60) int iamPropagationAttempts,
		@DefaultValue("5s") Duration iamPropagationDelay) {

	/**
	 * A running push is only taken for stopped when its instance missed several heartbeats.
	 * @return whether stale-after is at least three heartbeat intervals
	 */
	@AssertTrue(message = "console.push.stale-after must be at least three times console.push.heartbeat-interval")
	public boolean isStaleAfterAboveHeartbeats() {
		return this.staleAfter == null || this.heartbeatInterval == null
				|| this.staleAfter.compareTo(this.heartbeatInterval.multipliedBy(3)) >= 0;
	}

}
