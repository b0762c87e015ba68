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

}
