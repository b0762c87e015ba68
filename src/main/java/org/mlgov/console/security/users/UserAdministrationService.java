package org.mlgov.console.security.users;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.ExternalIdentityRepository;
import org.mlgov.console.security.Role;
import org.mlgov.console.security.UserEvents;
import org.mlgov.console.security.UserSessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The user administration, for console administrators ({@link Role#USER_ADMIN}) only: list, create, disable and
 * re-enable users, grant and revoke roles, set a temporary password. Every change is one transaction with its audit
 * events (who, whom, what; the audit trail adds when and from where): either both are saved or neither.
 * <p>
 * Rules: a user name is 3 to 64 letters, digits or {@code . _ @ -} and is never reused (users are not deleted, they
 * are disabled, because their names stay in the audit trail and the reviews); a console administrator holds neither
 * {@link Role#ADMIN} nor {@link Role#REVIEWER} (separation of duties); the last enabled console administrator can
 * neither be disabled nor lose the role; nobody disables themselves; the roles of a user who signs in through OpenID
 * Connect come from the provider's groups and are not changed here. Disabling a user, revoking a role or setting a
 * temporary password ends the user's sessions once the change is committed.
 */
@Service
@PreAuthorize("hasRole('USER_ADMIN')")
public class UserAdministrationService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

	private final AppUserRepository users;

	private final ExternalIdentityRepository identities;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final UserSessions sessions;

	private final JdbcClient jdbc;

	UserAdministrationService(AppUserRepository users, ExternalIdentityRepository identities,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, UserSessions sessions, JdbcClient jdbc) {
		this.users = users;
		this.identities = identities;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.sessions = sessions;
		this.jdbc = jdbc;
	}

	/**
	 * Every console user, by user name.
	 * @return the users
	 */
	@Transactional(readOnly = true)
	public List<UserView> list() {
		return this.users.findAll()
			.stream()
			.sorted(Comparator.comparing((AppUser user) -> user.username().toLowerCase(Locale.ROOT)))
			.map(this::view)
			.toList();
	}

	/**
	 * One console user.
	 * @param id the user's id
	 * @return the user
	 * @throws UserNotFoundException when there is no such user
	 */
	@Transactional(readOnly = true)
	public UserView find(long id) {
		return view(load(id));
	}

	/**
	 * Creates a local user with a temporary password, which they must change at their first sign-in.
	 * @param username the sign-in name
	 * @param displayName the name shown in the console
	 * @param email the e-mail address, or blank
	 * @param roles the roles to grant, at least one
	 * @param temporaryPassword the first password
	 * @param actor the console administrator
	 * @return the new user
	 */
	@Transactional
	public UserView create(String username, String displayName, String email, Set<Role> roles,
			String temporaryPassword, String actor) {
		String name = (username == null) ? "" : username.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new UserAdministrationException("username", "Use 3 to 64 letters, digits or . _ @ -.");
		}
		if (this.users.existsByUsernameIgnoreCase(name)) {
			throw new UserAdministrationException("username",
					"This user name is taken (user names are never reused, not even those of disabled users).");
		}
		String display = (displayName == null || displayName.isBlank()) ? name : displayName.strip();
		if (display.length() > 200) {
			throw new UserAdministrationException("displayName", "Use at most 200 characters.");
		}
		String mail = (email == null || email.isBlank()) ? null : email.strip();
		if (mail != null && (mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+"))) {
			throw new UserAdministrationException("email", "Enter an e-mail address such as name@example.com, or nothing.");
		}
		Set<Role> granted = checkedRoles(roles);
		requireAcceptable(name, temporaryPassword, "temporaryPassword");
		AppUser user = AppUser.create(name, display, this.passwordEncoder.encode(temporaryPassword), granted)
			.withProfile(display, mail);
		user = this.users.save(user.withPassword(user.passwordHash(), true));
		publish(actor, AuditAction.USER_CREATED, name, "roles: " + names(granted) + "; temporary password");
		return view(user);
	}

	/**
	 * Sets the roles of a user: grants the missing ones and revokes the others, each recorded.
	 * @param id the user
	 * @param roles the roles the user should hold, at least one
	 * @param actor the console administrator
	 * @return the user after the change
	 */
	@Transactional
	public UserView setRoles(long id, Set<Role> roles, String actor) {
		AppUser user = load(id);
		if (!this.identities.findByUserId(user.id()).isEmpty()) {
			throw new UserAdministrationException("roles", user.username() + " signs in through OpenID Connect: "
					+ "their roles come from the provider's groups at every sign-in. Change their groups there.");
		}
		Set<Role> wanted = checkedRoles(roles);
		Set<Role> current = user.roleSet();
		if (wanted.equals(current)) {
			return view(user);
		}
		if (current.contains(Role.USER_ADMIN) && !wanted.contains(Role.USER_ADMIN) && user.enabled()) {
			requireAnotherEnabledUserAdmin(user, "roles",
					"This is the last enabled console administrator: grant the role to someone else first.");
		}
		AppUser saved = this.users.save(user.withRoles(wanted));
		for (Role role : Role.values()) {
			if (wanted.contains(role) && !current.contains(role)) {
				publish(actor, AuditAction.USER_ROLE_GRANTED, user.username(), "role: " + role.name());
			}
			else if (!wanted.contains(role) && current.contains(role)) {
				publish(actor, AuditAction.USER_ROLE_REVOKED, user.username(), "role: " + role.name());
			}
		}
		if (!current.stream().allMatch(wanted::contains)) {
			endSessionsAfterCommit(user.username());
		}
		return view(saved);
	}

	/**
	 * Disables a user: they can no longer sign in, and their sessions end.
	 * @param id the user
	 * @param actor the console administrator
	 * @return the user after the change
	 */
	@Transactional
	public UserView disable(long id, String actor) {
		AppUser user = load(id);
		if (!user.enabled()) {
			return view(user);
		}
		if (user.username().equals(actor)) {
			throw new UserAdministrationException(null, "You cannot disable your own account.");
		}
		if (user.roleSet().contains(Role.USER_ADMIN)) {
			requireAnotherEnabledUserAdmin(user, null,
					"This is the last enabled console administrator: enable or create another one first.");
		}
		AppUser saved = this.users.save(user.withEnabled(false));
		publish(actor, AuditAction.USER_DISABLED, user.username(), null);
		endSessionsAfterCommit(user.username());
		return view(saved);
	}

	/**
	 * Enables a disabled user again.
	 * @param id the user
	 * @param actor the console administrator
	 * @return the user after the change
	 */
	@Transactional
	public UserView enable(long id, String actor) {
		AppUser user = load(id);
		if (user.enabled()) {
			return view(user);
		}
		AppUser saved = this.users.save(user.withEnabled(true));
		publish(actor, AuditAction.USER_ENABLED, user.username(), null);
		return view(saved);
	}

	/**
	 * Sets a temporary password, which the user must change at their next sign-in; their sessions end.
	 * @param id the user
	 * @param temporaryPassword the new password
	 * @param actor the console administrator
	 * @return the user after the change
	 */
	@Transactional
	public UserView resetPassword(long id, String temporaryPassword, String actor) {
		AppUser user = load(id);
		if (!this.identities.findByUserId(user.id()).isEmpty() && !user.hasLocalPassword()) {
			throw new UserAdministrationException("temporaryPassword", user.username()
					+ " signs in through OpenID Connect and has no console password.");
		}
		requireAcceptable(user.username(), temporaryPassword, "temporaryPassword");
		AppUser saved = this.users.save(user.withPassword(this.passwordEncoder.encode(temporaryPassword), true));
		publish(actor, AuditAction.USER_PASSWORD_RESET, user.username(), null);
		endSessionsAfterCommit(user.username());
		return view(saved);
	}

	private AppUser load(long id) {
		return this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
	}

	private UserView view(AppUser user) {
		return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.enabled(),
				user.passwordChangeRequired(), user.hasLocalPassword(), user.roleSet(), user.createdAt(),
				this.identities.findByUserId(user.id()));
	}

	private static Set<Role> checkedRoles(Set<Role> roles) {
		Set<Role> result = (roles == null || roles.isEmpty()) ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		if (result.isEmpty()) {
			throw new UserAdministrationException("roles", "Choose at least one role.");
		}
		if (result.contains(Role.USER_ADMIN) && !result.stream().allMatch(Role.USER_ADMIN::compatibleWith)) {
			throw new UserAdministrationException("roles", "A console administrator can be neither an ML "
					+ "administrator nor a security reviewer: whoever manages accounts must not author or approve "
					+ "drafts (separation of duties). Use a separate account.");
		}
		return result;
	}

	private static void requireAcceptable(String username, String password, String field) {
		PasswordPolicy.problem(username, password).ifPresent((problem) -> {
			throw new UserAdministrationException(field, problem);
		});
	}

	/**
	 * Refuses the change unless another enabled console administrator remains. The rows of the enabled console
	 * administrators are locked first, so that two administrators cannot disable each other at the same time.
	 */
	private void requireAnotherEnabledUserAdmin(AppUser user, String field, String message) {
		List<Long> enabledUserAdmins = this.jdbc
			.sql("select id from app_user where enabled and id in "
					+ "(select user_id from app_user_role where role = 'USER_ADMIN') order by id for update")
			.query(Long.class)
			.list();
		if (enabledUserAdmins.stream().noneMatch((other) -> !other.equals(user.id()))) {
			throw new UserAdministrationException(field, message);
		}
	}

	private void endSessionsAfterCommit(String username) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					UserAdministrationService.this.sessions.endSessionsOf(username);
				}
			});
		}
		else {
			this.sessions.endSessionsOf(username);
		}
	}

	private void publish(String actor, AuditAction action, String username, String detail) {
		this.events.publishEvent(UserEvents.of(actor, action, username, detail));
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Role::name).collect(Collectors.joining(", "));
	}

}
