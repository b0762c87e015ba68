package org.mlgov.console.security;

import java.io.Serial;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal: Spring Security's {@link User} plus the display name, the console roles and whether the
 * password is a temporary one that must be changed before anything else. Two principals are equal when their user
 * names are (as {@link User} defines it), which is what the session registry relies on to end a user's sessions.
 */
public class ConsoleUser extends User {

	@Serial
	private static final long serialVersionUID = 2L;

	private final String displayName;

	private final Set<Role> roles;

	private final boolean passwordChangeRequired;

	public ConsoleUser(AppUser user) {
		this(user, (user.passwordHash() != null) ? user.passwordHash() : "");
	}

	protected ConsoleUser(AppUser user, String password) {
		super(user.username(), password, user.enabled(), true, true, true,
				user.roleSet().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
		this.displayName = user.displayName();
		this.roles = user.roleSet().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roleSet());
		this.passwordChangeRequired = user.passwordChangeRequired();
	}

	/**
	 * The name shown in the console.
	 * @return the display name
	 */
	public String getDisplayName() {
		return this.displayName;
	}

	/**
	 * The console roles, in declaration order.
	 * @return the roles
	 */
	public List<Role> getRoles() {
		return List.copyOf(this.roles);
	}

	/**
	 * Whether the user signed in with a temporary password and must change it before doing anything else.
	 * @return {@code true} until the password is changed
	 */
	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	/**
	 * Whether the user signed in through an OpenID Connect provider (and so has no console password).
	 * @return {@code false} for form login and HTTP Basic
	 */
	public boolean isExternal() {
		return false;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
