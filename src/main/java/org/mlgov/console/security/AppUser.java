package org.mlgov.console.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * @param passwordHash the password in {@code {id}hash} form, never the password itself; {@code null} for a user who
 * signs in only through OpenID Connect
 * @param enabled whether the user may sign in
 * @param createdAt when the user was created
 * @param email the e-mail address, where known
 * @param passwordChangeRequired whether the password is a temporary one that must be changed at the next sign-in
 * @param roles the roles granted
 */
@Table("app_user")
public record AppUser(@Id Long id, String username, String displayName, String passwordHash, boolean enabled,
		Instant createdAt, String email, boolean passwordChangeRequired,
		@MappedCollection(idColumn = "user_id") Set<RoleGrant> roles) {

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
		return new AppUser(null, username, displayName, passwordHash, true, Instant.now().truncatedTo(ChronoUnit.MICROS), null, false,
				grants(roles));
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
	 * Whether the user has a local password (form login and HTTP Basic); users of OpenID Connect have none.
	 * @return {@code true} with a local password
	 */
	public boolean hasLocalPassword() {
		return this.passwordHash != null;
	}

	/**
	 * This user with other roles.
	 * @param newRoles the roles
	 * @return the changed copy
	 */
	public AppUser withRoles(Set<Role> newRoles) {
		return new AppUser(this.id, this.username, this.displayName, this.passwordHash, this.enabled, this.createdAt,
				this.email, this.passwordChangeRequired, grants(newRoles));
	}

	/**
	 * This user enabled or disabled.
	 * @param value whether the user may sign in
	 * @return the changed copy
	 */
	public AppUser withEnabled(boolean value) {
		return new AppUser(this.id, this.username, this.displayName, this.passwordHash, value, this.createdAt,
				this.email, this.passwordChangeRequired, this.roles);
	}

	/**
	 * This user with another password.
	 * @param hash the encoded password
	 * @param temporary whether it must be changed at the next sign-in
	 * @return the changed copy
	 */
	public AppUser withPassword(String hash, boolean temporary) {
		return new AppUser(this.id, this.username, this.displayName, hash, this.enabled, this.createdAt, this.email,
				temporary, this.roles);
	}

	/**
	 * This user with another display name and e-mail address.
	 * @param name the display name
	 * @param mail the e-mail address, or {@code null}
	 * @return the changed copy
	 */
	public AppUser withProfile(String name, String mail) {
		return new AppUser(this.id, this.username, name, this.passwordHash, this.enabled, this.createdAt, mail,
				this.passwordChangeRequired, this.roles);
	}

	private static Set<RoleGrant> grants(Set<Role> roles) {
		return roles.stream().map(RoleGrant::new).collect(Collectors.toUnmodifiableSet());
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
