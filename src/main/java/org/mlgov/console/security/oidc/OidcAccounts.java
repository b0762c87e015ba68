package org.mlgov.console.security.oidc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.ExternalIdentity;
import org.mlgov.console.security.ExternalIdentityRepository;
import org.mlgov.console.security.Role;
import org.mlgov.console.security.UserEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the people who sign in through OpenID Connect as console users. At the first sign-in of an identity
 * (issuer and subject) it creates the user, with a user name from the configured claim that is made unique (an
 * existing local user of the same name is never taken over: the newcomer gets {@code name-2}); at every sign-in it
 * sets the roles mapped from the groups and the display name and e-mail address the provider sent. Each change is in
 * the audit trail, in the same transaction.
 */
public class OidcAccounts {

	private static final String ACTOR = "oidc";

	private final AppUserRepository users;

	private final ExternalIdentityRepository identities;

	private final ApplicationEventPublisher events;

	OidcAccounts(AppUserRepository users, ExternalIdentityRepository identities, ApplicationEventPublisher events) {
		this.users = users;
		this.identities = identities;
		this.events = events;
	}

	/**
	 * Records a sign-in.
	 * @param person what the provider said about the person
	 * @param roles the roles mapped from their groups, not empty
	 * @return the console user, possibly disabled (then nothing but the refusal was recorded)
	 */
	@Transactional
	public AppUser signIn(Person person, Set<Role> roles) {
		Instant now = Instant.now();
		Optional<ExternalIdentity> known = this.identities.findByIssuerAndSubject(person.issuer(), person.subject());
		if (known.isEmpty()) {
			String username = uniqueUsername(person.preferredUsername());
			AppUser user = this.users.save(AppUser.create(username, person.displayName(username), null, roles)
				.withProfile(person.displayName(username), person.email()));
			this.identities.save(new ExternalIdentity(null, user.id(), person.issuer(), person.subject(),
					person.email(), person.displayName(username), now, now));
			publish(AuditAction.USER_PROVISIONED, username,
					"issuer: " + person.issuer() + "; subject: " + person.subject() + "; roles: " + names(roles));
			return user;
		}
		ExternalIdentity identity = known.get();
		AppUser user = this.users.findById(identity.userId()).orElseThrow();
		if (!user.enabled()) {
			this.events.publishEvent(UserEvents.of(user.username(), AuditAction.SIGN_IN_FAILED, user.username(),
					"Account disabled (OpenID Connect)"));
			return user;
		}
		String displayName = person.displayName(user.username());
		AppUser updated = user.withRoles(roles).withProfile(displayName, person.email());
		if (!updated.roleSet().equals(user.roleSet()) || !Objects.equals(updated.displayName(), user.displayName())
				|| !Objects.equals(updated.email(), user.email())) {
			updated = this.users.save(updated);
			if (!updated.roleSet().equals(user.roleSet())) {
				publish(AuditAction.USER_ROLES_SYNCED, user.username(),
						"roles: " + names(updated.roleSet()) + " (were: " + names(user.roleSet()) + ")");
			}
		}
		this.identities.save(identity.signedInAgain(person.email(), displayName, now));
		return updated;
	}

	/**
	 * Records a refused sign-in: the provider authenticated the person, but none of their groups maps to a role.
	 * @param person what the provider said about the person
	 * @param groups the groups it sent
	 */
	@Transactional
	public void refused(Person person, Set<String> groups) {
		String groupList = String.join(", ", groups);
		if (groupList.length() > 800) {
			groupList = groupList.substring(0, 800) + "…";
		}
		String name = sanitize(person.preferredUsername());
		this.events.publishEvent(UserEvents.of(name, AuditAction.SIGN_IN_FAILED, name,
				"No console role for the groups [" + groupList + "] (OpenID Connect)"));
	}

	private String uniqueUsername(String preferred) {
		String base = sanitize(preferred);
		String candidate = base;
		for (int n = 2; this.users.existsByUsernameIgnoreCase(candidate); n++) {
			String suffix = "-" + n;
			candidate = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
		}
		return candidate;
	}

	static String sanitize(String name) {
		String cleaned = (name == null) ? "" : name.strip().replaceAll("[^A-Za-z0-9._@-]", "-");
		if (cleaned.length() > 60) {
			cleaned = cleaned.substring(0, 60);
		}
		while (cleaned.length() < 3) {
			cleaned = cleaned.isEmpty() ? "user" : cleaned + "_";
		}
		return cleaned;
	}

	private void publish(AuditAction action, String username, String detail) {
		this.events.publishEvent(UserEvents.of(ACTOR, action, username, detail));
	}

	private static String names(Set<Role> roles) {
		return roles.stream().map(Role::name).collect(Collectors.joining(", "));
	}

	/**
	 * What the provider says about a person at sign-in.
	 *
	 * @param issuer the issuer identifier
	 * @param subject the subject
	 * @param preferredUsername the user name to propose at the first sign-in
	 * @param name the full name, if sent
	 * @param email the e-mail address, if sent
	 */
	public record Person(String issuer, String subject, String preferredUsername, String name, String email) {

		String displayName(String fallback) {
			String display = (this.name != null && !this.name.isBlank()) ? this.name.strip() : fallback;
			return (display.length() > 200) ? display.substring(0, 200) : display;
		}

	}

}
