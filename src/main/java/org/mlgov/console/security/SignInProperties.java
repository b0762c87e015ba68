package org.mlgov.console.security;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code console.sign-in.*}: limits on failed sign-ins (form and HTTP Basic alike), kept in memory.
 *
 * @param maxFailuresPerUser Failed sign-ins under one user name, within the failure window, that lock that name
 * (whether or not the user exists) for the lockout time.
 * @param maxFailuresPerAddress Failed sign-ins from one client address, within the failure window, that lock that
 * address for the lockout time. Behind a proxy the address is the client's only when
 * {@code server.forward-headers-strategy} is set.
 * @param failureWindow How long a failed sign-in counts.
 * @param lockout How long a lock lasts. While locked, sign-ins are refused without checking the password, the
 * right one included.
 * @param maxConcurrentChecks Password checks (bcrypt, deliberately slow) that may run at once; a sign-in that
 * finds them all busy for a second is refused, so that a flood of sign-ins cannot take the processors from
 * signed-in users.
 */
@Validated
@ConfigurationProperties("console.sign-in")
public record SignInProperties(@DefaultValue("5") @Min(1) @Max(1000) int maxFailuresPerUser,
		@DefaultValue("20") @Min(1) @Max(100000) int maxFailuresPerAddress,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration lockout,
		@DefaultValue("2") @Min(1) @Max(64) int maxConcurrentChecks) {

}
