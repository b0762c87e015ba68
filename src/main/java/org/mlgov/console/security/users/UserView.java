package org.mlgov.console.security.users;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.mlgov.console.security.ExternalIdentity;
import org.mlgov.console.security.Role;

/**
 * A console user as the user administration shows it; never the password hash.
 *
 * @param id the user's id
 * @param username the sign-in name, never changed
 * @param displayName the name shown in the console
 * @param email the e-mail address, or {@code null}
 * @param enabled whether the user may sign in
 * @param passwordChangeRequired whether the password is temporary
 * @param localPassword whether the user has a local password (otherwise they sign in only through OpenID Connect)
 * @param roles the roles
 * @param createdAt when the user was created
 * @param identities the OpenID Connect identities linked to the user
 */
public record UserView(long id, String username, String displayName, String email, boolean enabled,
		boolean passwordChangeRequired, boolean localPassword, Set<Role> roles, Instant createdAt,
		List<ExternalIdentity> identities) {

	/**
	 * Whether the user signs in through OpenID Connect, so that the provider's groups decide the roles.
	 * @return {@code true} with a linked identity
	 */
	public boolean external() {
		return !this.identities.isEmpty();
	}

	/**
	 * Whether the user holds a role.
	 * @param role the role
	 * @return {@code true} when granted
	 */
	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
