package org.mlgov.console.security.oidc;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.Role;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person whom the OpenID Connect provider authenticated into a console user: reads their groups from the
 * configured claim (ID token and user info), maps them to roles with {@code console.oidc.role-mapping}, refuses them
 * when no group maps ({@value #NO_ROLE}) or when their console user is disabled ({@value #DISABLED}), and otherwise
 * records the sign-in ({@link OidcAccounts}) and returns a {@link ConsoleOidcUser} with the mapped roles.
 */
class ConsoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The error code of a refusal because no group maps to a console role. */
	static final String NO_ROLE = "console_no_role";

	/** The error code of a refusal because the console user is disabled. */
	static final String DISABLED = "console_account_disabled";

	private final OidcUserService delegate = new OidcUserService();

	private final OidcProperties properties;

	private final OidcAccounts accounts;

	ConsoleOidcUserService(OidcProperties properties, OidcAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser oidcUser = this.delegate.loadUser(request);
		Set<String> groups = groups(oidcUser.getClaims().get(this.properties.groupsClaim()));
		OidcAccounts.Person person = new OidcAccounts.Person(oidcUser.getIdToken().getIssuer().toString(),
				oidcUser.getSubject(), preferredUsername(oidcUser), oidcUser.getFullName(), oidcUser.getEmail());
		Set<Role> roles = this.properties.rolesFor(groups);
		if (roles.isEmpty()) {
			this.accounts.refused(person, groups);
			throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
					"None of the person's groups is mapped to a console role", null));
		}
		AppUser user = this.accounts.signIn(person, roles);
		if (!user.enabled()) {
			throw new OAuth2AuthenticationException(new OAuth2Error(DISABLED, "The console user is disabled", null));
		}
		return new ConsoleOidcUser(user, oidcUser.getIdToken(), oidcUser.getUserInfo());
	}

	private String preferredUsername(OidcUser user) {
		Object claim = user.getClaims().get(this.properties.usernameClaim());
		if (claim instanceof String value && !value.isBlank()) {
			return value;
		}
		if (user.getEmail() != null && !user.getEmail().isBlank()) {
			return user.getEmail();
		}
		return user.getSubject();
	}

	/** A list claim, or one string of names separated by spaces or commas. */
	static Set<String> groups(Object claim) {
		Set<String> groups = new LinkedHashSet<>();
		if (claim instanceof Collection<?> values) {
			values.stream().filter((value) -> value != null).forEach((value) -> groups.add(value.toString().strip()));
		}
		else if (claim instanceof String value) {
			Arrays.stream(value.split("[,\\s]+")).filter((group) -> !group.isBlank()).forEach(groups::add);
		}
		groups.remove("");
		return groups;
	}

}
