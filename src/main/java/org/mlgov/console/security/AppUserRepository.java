package org.mlgov.console.security;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC repository for {@link AppUser} aggregates.
 */
public interface AppUserRepository extends ListCrudRepository<AppUser, Long> {

	/**
	 * Finds a user with their roles.
	 * @param username the exact sign-in name
	 * @return the user, if there is one
	 */
	Optional<AppUser> findByUsername(String username);

	/**
	 * Whether a user name is taken, ignoring case (so that {@code Alice} cannot appear next to {@code alice}).
	 * @param username the sign-in name
	 * @return {@code true} when some user has it
	 */
	boolean existsByUsernameIgnoreCase(String username);

}
