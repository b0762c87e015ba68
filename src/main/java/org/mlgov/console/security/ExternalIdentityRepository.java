package org.mlgov.console.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC repository for {@link ExternalIdentity} rows.
 */
public interface ExternalIdentityRepository extends ListCrudRepository<ExternalIdentity, Long> {

	/**
	 * The identity of a person at a provider.
	 * @param issuer the issuer identifier
	 * @param subject the subject
	 * @return the identity, if that person signed in before
	 */
	Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

	/**
	 * The identities linked to a console user.
	 * @param userId the console user
	 * @return the identities, possibly none
	 */
	List<ExternalIdentity> findByUserId(Long userId);

}
