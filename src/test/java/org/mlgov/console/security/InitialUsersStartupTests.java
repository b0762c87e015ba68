package org.mlgov.console.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleLauncher;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the console does on an empty user table with each configuration, on H2. The same rules on PostgreSQL are
 * covered by {@code PostgresMigrationTests}.
 */
class InitialUsersStartupTests {

	private static final List<String> TEST = List.of("test");

	@Test
	void withoutDemoUsersAndWithoutBootstrapAdminStartUpFailsAndNamesTheVariablesToSet() {
		Throwable failure = catchThrowable(
				() -> ConsoleLauncher.start(TEST, Map.of("console.demo-users.enabled", "false")).close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("The user table is empty")
			.contains("CONSOLE_BOOTSTRAP_ADMIN_USERNAME")
			.contains("CONSOLE_BOOTSTRAP_ADMIN_PASSWORD");
	}

	@Test
	void withoutDemoUsersTheBootstrapAdminIsTheOnlyUser() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(TEST,
				Map.of("console.demo-users.enabled", "false", "console.bootstrap-admin.username", "first-admin",
						"console.bootstrap-admin.password", "a-long-enough-secret"))) {
			List<AppUser> users = context.getBean(AppUserRepository.class).findAll();
			assertThat(users).singleElement().satisfies((user) -> {
				assertThat(user.username()).isEqualTo("first-admin");
				assertThat(user.roleSet()).containsExactly(Role.ADMIN);
				assertThat(user.passwordHash()).startsWith("{bcrypt}").doesNotContain("a-long-enough-secret");
			});
		}
	}

	@Test
	void demoUsersAreRefusedWhenThePostgresProfileIsActive() {
		// The test profile comes last, so the database stays H2: the refusal comes from the profile alone.
		Throwable failure = catchThrowable(() -> ConsoleLauncher
			.start(List.of("postgres", "test"), Map.of("console.demo-users.enabled", "true"))
			.close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("console.demo-users.enabled is true")
			.contains("'postgres' profile");
	}

	/** Issue 13, item 10: a profile is not a request for demo users; only the local run asks for them. */
	@Test
	void aProfileNamedProdGetsNoDemoUsers() {
		Throwable failure = catchThrowable(() -> ConsoleLauncher.start(List.of("prod"), privateH2()).close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("The user table is empty");
	}

	@Test
	void theLocalRunWithoutAProfileAsksForTheDemoUsers() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(List.of(), privateH2())) {
			assertThat(context.getBean(AppUserRepository.class).findAll()).extracting(AppUser::username)
				.containsExactlyInAnyOrder("admin", "admin2", "reviewer", "helpdesk");
		}
	}

	@Test
	void theLocalProfileAsksForTheDemoUsersToo() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(List.of("local"), privateH2())) {
			assertThat(context.getBean(AppUserRepository.class).count()).isEqualTo(4);
		}
	}

	@Test
	void thePostgresProfileHasNoBuiltInDatabasePassword() throws Exception {
		org.springframework.core.env.PropertySource<?> postgres = new org.springframework.boot.env.YamlPropertySourceLoader()
			.load("postgres", new org.springframework.core.io.ClassPathResource("application-postgres.yml"))
			.get(0);
		assertThat(String.valueOf(postgres.getProperty("spring.datasource.password")))
			.isEqualTo("${SPRING_DATASOURCE_PASSWORD}");
	}

	/** A private in-memory H2 database without the test profile, so that only the profiles given count. */
	private static Map<String, String> privateH2() {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:initial-users-" + java.util.UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	@Test
	void aShortBootstrapPasswordIsRejected() {
		assertThatException()
			.isThrownBy(() -> ConsoleLauncher.start(TEST, Map.of("console.demo-users.enabled", "false",
					"console.bootstrap-admin.username", "first-admin", "console.bootstrap-admin.password", "short"))
				.close())
			.havingRootCause()
			.isInstanceOf(BindValidationException.class)
			.withMessageContaining("bootstrapAdmin.password");
	}

	@Test
	void aBootstrapUserNameWithoutPasswordIsRejected() {
		assertThatException()
			.isThrownBy(() -> ConsoleLauncher.start(TEST,
					Map.of("console.demo-users.enabled", "false", "console.bootstrap-admin.username", "first-admin"))
				.close())
			.havingRootCause()
			.isInstanceOf(BindValidationException.class)
			.withMessageContaining("needs both console.bootstrap-admin.username and console.bootstrap-admin.password");
	}

}
