package org.mlgov.console;

import org.junit.jupiter.api.Test;
import org.mlgov.console.security.AppUserRepository;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same checks as {@link PostgresMigrationTests}, against the {@code postgres:16} image that
 * {@code docker-compose.yml} runs. Skipped where no Docker daemon is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "console.bootstrap-admin.username=" + PostgresContainerTests.BOOTSTRAP_USERNAME,
		"console.bootstrap-admin.password=" + PostgresContainerTests.BOOTSTRAP_PASSWORD })
@ActiveProfiles("postgres")
class PostgresContainerTests {

	static final String BOOTSTRAP_USERNAME = "root-admin";

	static final String BOOTSTRAP_PASSWORD = "correct-horse-battery";

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AppUserRepository users;

	@Test
	void migrationsRunAndOnlyTheBootstrapAdminIsCreated() {
		PostgresAssertions.assertMigratedWithOnlyTheBootstrapAdmin(this.jdbc, this.users, BOOTSTRAP_USERNAME,
				BOOTSTRAP_PASSWORD);
	}

}
