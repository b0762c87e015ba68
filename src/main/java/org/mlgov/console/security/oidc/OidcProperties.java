package org.mlgov.console.security.oidc;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

import org.mlgov.console.security.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * {@code console.oidc.*}: sign-in through an OpenID Connect provider, next to (or instead of) console passwords.
 *
 * @param enabled Whether to offer sign-in through the OpenID Connect provider below.
 * @param issuerUri The provider's issuer identifier; its discovery document is read from
 * issuer-uri/.well-known/openid-configuration at start-up.
 * @param clientId The console's client id at the provider.
 * @param clientSecret The console's client secret at the provider.
 * @param scopes The scopes requested; the groups claim often needs a scope of its own.
 * @param groupsClaim The claim of the ID token or user info that lists the person's groups (a list, or a string of
 * names separated by spaces or commas).
 * @param usernameClaim The claim that becomes the console user name at the first sign-in (then e-mail, then
 * subject); the name never changes afterwards.
 * @param roleMapping The console role of each group, such as ml-admins: ADMIN; groups with special characters go in
 * brackets: "[/ml/admins]": ADMIN. A person with no mapped group is refused.
 * @param buttonLabel The text of the sign-in button.
 * @param registrationId The registration id in the redirect URI, {baseUrl}/login/oauth2/code/{registration-id}.
 */
@Validated
@ConfigurationProperties("console.oidc")
public record OidcProperties(@DefaultValue("false") boolean enabled, String issuerUri, String clientId,
		String clientSecret, @DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
		@DefaultValue("groups") @NotBlank String groupsClaim,
		@DefaultValue("preferred_username") @NotBlank String usernameClaim, Map<String, Role> roleMapping,
		@DefaultValue("Sign in with your organisation") String buttonLabel,
		@DefaultValue("oidc") @NotBlank String registrationId) {

	public OidcProperties {
		roleMapping = (roleMapping != null) ? Map.copyOf(new LinkedHashMap<>(roleMapping)) : Map.of();
	}

	@AssertTrue(message = "console.oidc.enabled=true needs issuer-uri, client-id, client-secret and at least one "
			+ "role-mapping entry")
	public boolean isComplete() {
		return !this.enabled || (StringUtils.hasText(this.issuerUri) && StringUtils.hasText(this.clientId)
				&& StringUtils.hasText(this.clientSecret) && !this.roleMapping.isEmpty());
	}

	/**
	 * The console roles of a person's groups.
	 * @param groups the groups the provider sent
	 * @return the mapped roles, empty when no group is mapped
	 */
	public Set<Role> rolesFor(Collection<String> groups) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String group : groups) {
			Role role = this.roleMapping.get(group);
			if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}

	@Override
	public String toString() {
		return "OidcProperties[enabled=" + this.enabled + ", issuerUri=" + this.issuerUri + ", clientId="
				+ this.clientId + ", clientSecret=******, groupsClaim=" + this.groupsClaim + ", roleMapping="
				+ this.roleMapping + "]";
	}

}
