package org.mlgov.console.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 gives the audit trail an indexed {@code actor_lower} column for the user filter: events written before it are
 * filled in by the migration, events written after by the repository, and the filter still ignores case. On H2
 * (PostgreSQL mode) and on a real PostgreSQL 16.
 */
class AuditActorLowerMigrationTests {

	@Test
	void onH2() throws Exception {
		SimpleDriverDataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:actor-lower;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
						+ "DB_CLOSE_DELAY=-1",
				"sa", "");
		assertBackfillAndFilter(h2);
	}

	@Test
	void onPostgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			assertBackfillAndFilter(postgres.getPostgresDatabase());
		}
	}

	private static void assertBackfillAndFilter(DataSource dataSource) throws Exception {
		Flyway.configure().dataSource(dataSource).target("7").load().migrate();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.executeUpdate("insert into audit_event (occurred_at, actor, action) values "
					+ "(timestamp with time zone '2026-01-05 10:00:00+00', 'Dana.Whitfield', 'SIGN_IN')");
		}
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select actor_lower from audit_event where actor = 'Dana.Whitfield'")
			.query(String.class)
			.single()).isEqualTo("dana.whitfield");

		var repository = new AuditEventRepository(jdbc);
		AuditEvent later = repository.insert(new AuditEvent(null, java.time.Instant.parse("2026-01-06T10:00:00Z"),
				"DANA.whitfield", "SIGN_OUT", null, null, null, null, null, null));
		assertThat(jdbc.sql("select actor_lower from audit_event where id = :id")
			.param("id", later.id())
			.query(String.class)
			.single()).isEqualTo("dana.whitfield");
		List<String> found = repository.search(new AuditQuery("dana.WHITFIELD", null, null, null, null), 0, 10)
			.stream()
			.map(AuditEvent::actor)
			.toList();
		assertThat(found).containsExactly("DANA.whitfield", "Dana.Whitfield");
	}

}
