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
				assertThat(user.roleSet()).containsExactly(Role.USER_ADMIN);
				assertThat(user.passwordHash()).startsWith("{bcrypt}").doesNotContain("a-long-enough-secret");
			});
		}
	}

	@Test
	void theBootstrapAdminMayBeGivenFurtherRolesExplicitly() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(TEST,
				Map.of("console.demo-users.enabled", "false", "console.bootstrap-admin.username", "first-admin",
						"console.bootstrap-admin.password", "a-long-enough-secret",
						"console.bootstrap-admin.additional-roles", "HELPDESK"))) {
			assertThat(context.getBean(AppUserRepository.class).findAll()).singleElement()
				.satisfies((user) -> assertThat(user.roleSet()).containsExactlyInAnyOrder(Role.USER_ADMIN,
						Role.HELPDESK));
		}
	}

	@Test
	void anUnknownAdditionalBootstrapRoleIsRejected() {
		assertThatException()
			.isThrownBy(() -> ConsoleLauncher.start(TEST, Map.of("console.demo-users.enabled", "false",
					"console.bootstrap-admin.username", "first-admin", "console.bootstrap-admin.password",
					"a-long-enough-secret", "console.bootstrap-admin.additional-roles", "ROOT"))
				.close())
			.havingRootCause()
			.isInstanceOf(BindValidationException.class)
			.withMessageContaining("must be ADMIN, REVIEWER or HELPDESK");
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
				.containsExactlyInAnyOrder("admin", "admin2", "reviewer", "helpdesk", "useradmin");
		}
	}

	@Test
	void theLocalProfileAsksForTheDemoUsersToo() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(List.of("local"), privateH2())) {
			assertThat(context.getBean(AppUserRepository.class).count()).isEqualTo(5);
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


	/**
	 * Break-glass: a database whose users include no enabled console administrator (one from before USER_ADMIN, or
	 * all of them disabled) gets one back from the bootstrap settings, with the configured password as a temporary
	 * one; without the settings nothing changes. (One context, the start-up step run again: an H2 in-memory database
	 * kept across contexts loses its check constraints with the connections that created them.)
	 */
	@Test
	void theBootstrapSettingsRestoreAConsoleAdministratorWhenNoneIsLeft() {
		try (ConfigurableApplicationContext context = ConsoleLauncher.start(TEST,
				Map.of("console.demo-users.enabled", "false", "console.bootstrap-admin.username", "first-admin",
						"console.bootstrap-admin.password", "a-long-enough-secret"))) {
			AppUserRepository users = context.getBean(AppUserRepository.class);
			// As before USER_ADMIN existed: the first administrator is an ML administrator.
			users.save(users.findByUsername("first-admin").orElseThrow().withRoles(java.util.Set.of(Role.ADMIN)));

			InitialUsers withoutSettings = new InitialUsers(
					new org.mlgov.console.config.ConsoleProperties(
							new org.mlgov.console.config.ConsoleProperties.DemoUsers(false),
							new org.mlgov.console.config.ConsoleProperties.BootstrapAdmin(null, null, List.of()),
							new org.mlgov.console.config.ConsoleProperties.FormLogin(true)),
					users, context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class),
					context.getEnvironment(), context.getBean(javax.sql.DataSource.class),
					context.getBean(org.springframework.transaction.PlatformTransactionManager.class), context);
			withoutSettings.afterSingletonsInstantiated();
			assertThat(users.findByUsername("first-admin").orElseThrow().roleSet())
				.as("without the settings nothing changes").containsExactly(Role.ADMIN);

			context.getBean(InitialUsers.class).afterSingletonsInstantiated();
			AppUser restored = users.findByUsername("first-admin").orElseThrow();
			assertThat(restored.roleSet()).containsExactlyInAnyOrder(Role.ADMIN, Role.USER_ADMIN);
			assertThat(restored.enabled()).isTrue();
			assertThat(restored.passwordChangeRequired()).isTrue();
			assertThat(users.count()).isEqualTo(1);
			assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("select actor || ' ' || action || ' ' || subject_id from audit_event order by id")
				.query(String.class)
				.list()).containsExactly("console USER_CREATED first-admin", "console USER_PASSWORD_RESET first-admin");
		}
	}

}
