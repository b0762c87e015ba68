package org.mlgov.console.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("console.push")
public record PushProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration heartbeatInterval,
		@DefaultValue("60s") Duration staleAfter, @DefaultValue("8") int iamPropagationAttempts,
		@DefaultValue("5s") Duration iamPropagationDelay) {

}
