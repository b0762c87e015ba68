package org.mlgov.console.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A console user and the roles granted to them (one aggregate: {@code app_user} with {@code app_user_role}).
 *
 * @param id database identity, {@code null} until saved
 * @param username unique sign-in name
 * @param displayName the name shown in the console
 * @param passwordHash the password in {@code {id}hash} form, never the password itself
 * @param enabled whether the user may sign in
 * @param createdAt when the user was created
 * @param roles the roles granted
 */
@Table("app_user")
public record AppUser(@Id Long id, String username, String displayName, String passwordHash, boolean enabled,
		Instant createdAt, @MappedCollection(idColumn = "user_id") Set<RoleGrant> roles) {

	public AppUser {
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/**
	 * A new, enabled user that has not been saved yet.
	 * @param username the sign-in name
	 * @param displayName the name shown in the console
	 * @param passwordHash the already encoded password
	 * @param roles the roles to grant
	 * @return the unsaved user
	 */
	public static AppUser create(String username, String displayName, String passwordHash, Set<Role> roles) {
		Set<RoleGrant> grants = roles.stream().map(RoleGrant::new).collect(Collectors.toUnmodifiableSet());
		return new AppUser(null, username, displayName, passwordHash, true, Instant.now(), grants);
	}

	/**
	 * The granted roles as an enum set.
	 * @return the roles, possibly empty
	 */
	public Set<Role> roleSet() {
		Set<Role> result = EnumSet.noneOf(Role.class);
		this.roles.forEach((grant) -> result.add(grant.role()));
		return result;
	}

	/**
	 * One row of {@code app_user_role}.
	 *
	 * @param role the granted role
	 */
	@Table("app_user_role")
	public record RoleGrant(Role role) {
	}

}
