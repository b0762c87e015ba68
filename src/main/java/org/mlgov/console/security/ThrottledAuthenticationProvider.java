package org.mlgov.console.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * User name and password sign-in (form and HTTP Basic) with limits: a user name or client address locked by failed
 * sign-ins is refused before its password is checked (no bcrypt for a flood), and at most
 * {@code console.sign-in.max-concurrent-checks} passwords are checked at once. See {@link SignInThrottle}.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final Semaphore checks;

	ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
			SignInProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.throttle = new SignInThrottle(properties, clock, (lockout) -> {
			logger.warn("Sign-in locked: {} {} after {} failed sign-ins, until {}", lockout.kind(),
					(lockout.kind() == SignInLockout.Kind.USER) ? lockout.username() : lockout.remoteAddress(),
					lockout.failures(), lockout.until());
			events.publishEvent(lockout);
		});
		this.checks = new Semaphore(properties.maxConcurrentChecks());
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails web)
				? web.getRemoteAddress() : null;
		Optional<Instant> locked = this.throttle.lockedUntil(username, address);
		if (locked.isPresent()) {
			throw new LockedException("Too many failed sign-ins; locked until " + locked.get());
		}
		boolean acquired;
		try {
			acquired = this.checks.tryAcquire(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new AuthenticationServiceException("Too many sign-ins at once; try again in a moment");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
		finally {
			this.checks.release();
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Forgets every failure and lock (tests). */
	void reset() {
		this.throttle.reset();
	}

}
