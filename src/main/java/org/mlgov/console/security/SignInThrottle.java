package org.mlgov.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Counts failed sign-ins per user name and per client address, in memory, and locks either once it reaches its
 * limit within the failure window. A lock refuses every sign-in of that name, or from that address, until it ends;
 * a successful sign-in clears the failures of its user name (not of its address, so that an attacker's own account
 * cannot reset the count of an address).
 */
final class SignInThrottle {

	/** Beyond this many tracked names and addresses, expired entries are dropped. */
	private static final int SWEEP_ABOVE = 10_000;

	private final SignInProperties properties;

	private final Clock clock;

	private final Consumer<SignInLockout> lockouts;

	private final Map<String, Counter> users = new ConcurrentHashMap<>();

	private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

	SignInThrottle(SignInProperties properties, Clock clock, Consumer<SignInLockout> lockouts) {
		this.properties = properties;
		this.clock = clock;
		this.lockouts = lockouts;
	}

	/**
	 * When the sign-in may not even be tried.
	 * @param username the user name typed
	 * @param address the client address, may be null
	 * @return the end of the lock that refuses it, or empty when it may be tried
	 */
	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = this.clock.instant();
		Instant user = lockOf(this.users, userKey(username), now);
		Instant client = (address != null) ? lockOf(this.addresses, address, now) : null;
		if (user == null) {
			return Optional.ofNullable(client);
		}
		return Optional.of((client == null || user.isAfter(client)) ? user : client);
	}

	/**
	 * Counts a failed sign-in; locks the name or the address that reaches its limit, and says so.
	 * @param username the user name typed
	 * @param address the client address, may be null
	 */
	void failed(String username, String address) {
		Instant now = this.clock.instant();
		sweepIfLarge(now);
		count(this.users, userKey(username), this.properties.maxFailuresPerUser(), now)
			.ifPresent((until) -> this.lockouts.accept(new SignInLockout(SignInLockout.Kind.USER, username, address,
					this.properties.maxFailuresPerUser(), until)));
		if (address != null) {
			count(this.addresses, address, this.properties.maxFailuresPerAddress(), now)
				.ifPresent((until) -> this.lockouts.accept(new SignInLockout(SignInLockout.Kind.ADDRESS, username,
						address, this.properties.maxFailuresPerAddress(), until)));
		}
	}

	/**
	 * Clears the failures of a user name after a successful sign-in.
	 * @param username the user name
	 */
	void succeeded(String username) {
		this.users.remove(userKey(username));
	}

	/** Forgets every failure and lock (tests). */
	void reset() {
		this.users.clear();
		this.addresses.clear();
	}

	private static String userKey(String username) {
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static Instant lockOf(Map<String, Counter> counters, String key, Instant now) {
		Counter counter = counters.get(key);
		if (counter == null) {
			return null;
		}
		synchronized (counter) {
			return (counter.lockedUntil != null && now.isBefore(counter.lockedUntil)) ? counter.lockedUntil : null;
		}
	}

	/** Counts one failure; the end of the lock it starts, if it starts one. */
	private Optional<Instant> count(Map<String, Counter> counters, String key, int limit, Instant now) {
		Counter counter = counters.computeIfAbsent(key, (k) -> new Counter());
		synchronized (counter) {
			if (counter.lockedUntil != null && now.isBefore(counter.lockedUntil)) {
				return Optional.empty();
			}
			Duration window = this.properties.failureWindow();
			if (counter.firstFailure == null || !now.isBefore(counter.firstFailure.plus(window))
					|| counter.lockedUntil != null) {
				counter.firstFailure = now;
				counter.failures = 0;
				counter.lockedUntil = null;
			}
			counter.failures++;
			if (counter.failures >= limit) {
				counter.lockedUntil = now.plus(this.properties.lockout());
				return Optional.of(counter.lockedUntil);
			}
			return Optional.empty();
		}
	}

	private void sweepIfLarge(Instant now) {
		if (this.users.size() + this.addresses.size() <= SWEEP_ABOVE) {
			return;
		}
		Duration window = this.properties.failureWindow();
		for (Map<String, Counter> counters : java.util.List.of(this.users, this.addresses)) {
			counters.entrySet().removeIf((entry) -> {
				Counter counter = entry.getValue();
				synchronized (counter) {
					boolean locked = counter.lockedUntil != null && now.isBefore(counter.lockedUntil);
					boolean counting = counter.firstFailure != null && now.isBefore(counter.firstFailure.plus(window));
					return !locked && !counting;
				}
			});
		}
	}

	private static final class Counter {

		private Instant firstFailure;

		private int failures;

		private Instant lockedUntil;

	}

}
