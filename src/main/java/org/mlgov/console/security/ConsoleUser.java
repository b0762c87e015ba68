package org.mlgov.console.security;

import java.io.Serial;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in principal: Spring Security's {@link User} plus the display name and the console roles.
 */
public class ConsoleUser extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String displayName;

	private final Set<Role> roles;

	ConsoleUser(AppUser user) {
		super(user.username(), user.passwordHash(), user.enabled(), true, true, true,
				user.roleSet().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
		this.displayName = user.displayName();
		this.roles = user.roleSet().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roleSet());
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

}
