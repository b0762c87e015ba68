package org.mlgov.console.security.users;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.ConsoleUser;
import org.mlgov.console.security.UserEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every signed-in user does to their own account: change their password (the current one is required). A
 * temporary password set by a console administrator is replaced this way at the next sign-in.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

	private final AppUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	AccountService(AppUserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/**
	 * Whether the user has a console password to change (users of OpenID Connect have none).
	 * @param username the signed-in user
	 * @return {@code true} with a local password
	 */
	@Transactional(readOnly = true)
	public boolean hasLocalPassword(String username) {
		return this.users.findByUsername(username).map(AppUser::hasLocalPassword).orElse(false);
	}

	/**
	 * Changes the signed-in user's password, recorded in the audit trail.
	 * @param username the signed-in user
	 * @param currentPassword their current password
	 * @param newPassword the new password
	 * @return the principal to keep in the session (no temporary password any more)
	 * @throws UserAdministrationException naming the field that is wrong; nothing is saved then
	 */
	@Transactional
	public ConsoleUser changePassword(String username, String currentPassword, String newPassword) {
		AppUser user = this.users.findByUsername(username)
			.filter(AppUser::hasLocalPassword)
			.orElseThrow(() -> new UserAdministrationException(null,
					"You sign in through your organisation's identity provider: change your password there."));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.passwordHash())) {
			throw new UserAdministrationException("currentPassword", "This is not your current password.");
		}
		PasswordPolicy.problem(username, newPassword).ifPresent((problem) -> {
			throw new UserAdministrationException("newPassword", problem);
		});
		if (newPassword.equals(currentPassword)) {
			throw new UserAdministrationException("newPassword", "Choose a password other than the current one.");
		}
		AppUser saved = this.users.save(user.withPassword(this.passwordEncoder.encode(newPassword), false));
		this.events.publishEvent(UserEvents.of(username, AuditAction.PASSWORD_CHANGED, username,
				user.passwordChangeRequired() ? "temporary password replaced" : null));
		return new ConsoleUser(saved.withPassword("", false));
	}

}
