package org.mlgov.console.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's stable identity at an OpenID Connect provider (issuer and subject, unique together), linked to the
 * console user it signs in as. The user name of that console user never changes, so that the audit trail and the
 * four-eyes rule keep naming the same person even when the provider's display name or e-mail address change.
 *
 * @param id database identity, {@code null} until saved
 * @param userId the console user ({@code app_user.id})
 * @param issuer the provider's issuer identifier
 * @param subject the person's subject at that issuer
 * @param email the e-mail address the provider sent at the last sign-in, if any
 * @param displayName the name the provider sent at the last sign-in, if any
 * @param firstSignInAt the first sign-in
 * @param lastSignInAt the latest sign-in
 */
@Table("app_user_identity")
public record ExternalIdentity(@Id Long id, Long userId, String issuer, String subject, String email,
		String displayName, Instant firstSignInAt, Instant lastSignInAt) {

	/**
	 * This identity after another sign-in.
	 * @param mail the e-mail address sent now
	 * @param name the display name sent now
	 * @param at when
	 * @return the changed copy
	 */
	public ExternalIdentity signedInAgain(String mail, String name, Instant at) {
		return new ExternalIdentity(this.id, this.userId, this.issuer, this.subject, mail, name, this.firstSignInAt,
				at);
	}

}
