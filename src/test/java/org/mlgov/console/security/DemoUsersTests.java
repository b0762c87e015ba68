package org.mlgov.console.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo users of the default (H2) configuration.
 */
@ConsoleTest
class DemoUsersTests {

	private static final Map<String, String> PASSWORDS = Map.of("admin", "admin-pass", "admin2", "admin2-pass",
			"reviewer", "reviewer-pass", "helpdesk", "helpdesk-pass", "useradmin", "useradmin-pass");

	@Autowired
	private AppUserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void theFiveDemoUsersExistWithTheirRoles() {
		Map<String, Set<Role>> rolesByUser = this.users.findAll()
			.stream()
			.filter((user) -> PASSWORDS.containsKey(user.username()))
			.collect(Collectors.toMap(AppUser::username, AppUser::roleSet));
		assertThat(rolesByUser).containsExactlyInAnyOrderEntriesOf(Map.of("admin", Set.of(Role.ADMIN), "admin2",
				Set.of(Role.ADMIN), "reviewer", Set.of(Role.REVIEWER), "helpdesk", Set.of(Role.HELPDESK), "useradmin",
				Set.of(Role.USER_ADMIN)));
	}

	@Test
	void demoUsersAreEnabledAndHaveDisplayNames() {
		PASSWORDS.keySet().forEach((username) -> {
			AppUser user = this.users.findByUsername(username).orElseThrow();
			assertThat(user.enabled()).as(username).isTrue();
			assertThat(user.displayName()).as(username).isNotBlank().isNotEqualTo(username);
			assertThat(user.createdAt()).as(username).isNotNull();
		});
	}

	@Test
	void passwordsAreStoredAsBcryptHashesOfTheDocumentedPasswords() {
		PASSWORDS.forEach((username, password) -> {
			String hash = this.users.findByUsername(username).orElseThrow().passwordHash();
			assertThat(hash).as(username).isNotEqualTo(password).startsWith("{bcrypt}$2");
			assertThat(this.passwordEncoder.matches(password, hash)).as(username).isTrue();
			assertThat(this.passwordEncoder.matches(password + "x", hash)).as(username).isFalse();
		});
	}

}
