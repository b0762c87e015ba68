package org.mlgov.console.security.oidc;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** How the claims of a provider become groups, roles and a console user name. */
class OidcClaimsTests {

	@Test
	void groupsComeAsAListOrAsOneStringOfNames() {
		assertThat(ConsoleOidcUserService.groups(List.of("ml-admins", " reviewers "))).containsExactly("ml-admins",
				"reviewers");
		assertThat(ConsoleOidcUserService.groups("ml-admins reviewers,help-desk")).containsExactly("ml-admins",
				"reviewers", "help-desk");
		assertThat(ConsoleOidcUserService.groups(null)).isEmpty();
		assertThat(ConsoleOidcUserService.groups(42)).isEmpty();
	}

	@Test
	void onlyMappedGroupsGiveRoles() {
		OidcProperties properties = new OidcProperties(true, "http://issuer", "client", "secret", List.of("openid"),
				"groups", "preferred_username", Map.of("ml-admins", Role.ADMIN, "/corp/review", Role.REVIEWER),
				"Sign in", "oidc");
		assertThat(properties.rolesFor(List.of("ml-admins", "/corp/review", "other"))).containsExactly(Role.ADMIN,
				Role.REVIEWER);
		assertThat(properties.rolesFor(List.of("ML-ADMINS", "other"))).as("group names are exact").isEmpty();
		assertThat(properties.isComplete()).isTrue();
		assertThat(new OidcProperties(true, null, "client", "secret", List.of(), "groups", "sub", Map.of(), "x", "oidc")
			.isComplete()).isFalse();
		assertThat(properties.toString()).doesNotContain("=secret").contains("clientSecret=******");
	}

	@Test
	void userNamesAreMadeValidForTheConsole() {
		assertThat(OidcAccounts.sanitize("jane.doe@corp.example")).isEqualTo("jane.doe@corp.example");
		assertThat(OidcAccounts.sanitize("Jane Doe/ML")).isEqualTo("Jane-Doe-ML");
		assertThat(OidcAccounts.sanitize("al")).isEqualTo("al_");
		assertThat(OidcAccounts.sanitize(null)).isEqualTo("user");
		assertThat(OidcAccounts.sanitize("x".repeat(100))).hasSize(60);
	}

}
