package org.mlgov.console.draft;

import java.time.OffsetDateTime;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V18 gives each draft a {@code persona} column for the summary lists, filled from the stored content of the drafts
 * written before it; the summary query pages, counts and searches (LIKE wildcards taken literally) the same way on
 * H2 (PostgreSQL mode) and on a real PostgreSQL 16.
 */
class DraftSummaryMigrationTests {

	@Test
	void onH2() throws Exception {
		SingleConnectionDataSource h2 = new SingleConnectionDataSource(
				"jdbc:h2:mem:draft-summary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
						+ "DB_CLOSE_DELAY=-1",
				"sa", "", true);
		try {
			assertBackfillAndSearch(h2);
		}
		finally {
			h2.destroy();
		}
	}

	@Test
	void onPostgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			assertBackfillAndSearch(postgres.getPostgresDatabase());
		}
	}

	private static void assertBackfillAndSearch(DataSource dataSource) throws Exception {
		Flyway.configure().dataSource(dataSource).target("10").load().migrate();
		JdbcClient before = JdbcClient.create(dataSource);
		insert(before, "Fraud 100% team", "{\"spec\":{\"roleName\":\"r\",\"persona\":\"data-scientist\"},"
				+ "\"personaChange\":{\"from\":\"mlops\"}}", "2026-01-05T10:00:00Z");
		insert(before, "Fraud_x team", "{\"spec\":{\"roleName\":\"r\"}}", "2026-01-06T10:00:00Z");
		insert(before, "Fraudxx team", "{\"spec\":{\"persona\":null}}", "2026-01-07T10:00:00Z");
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select name, persona from draft order by id")
			.query((rs, n) -> rs.getString("name") + "=" + rs.getString("persona"))
			.list()).containsExactly("Fraud 100% team=data-scientist", "Fraud_x team=null", "Fraudxx team=null");

		DraftSummaries summaries = new DraftSummaries(jdbc);
		Page<DraftSummary> all = summaries.find("carol", "", 1);
		assertThat(all.getTotalElements()).isEqualTo(3);
		assertThat(all.getContent()).extracting(DraftSummary::name)
			.containsExactly("Fraudxx team", "Fraud_x team", "Fraud 100% team");
		assertThat(all.getContent().get(2).persona()).isEqualTo("data-scientist");
		assertThat(summaries.find("carol", "FRAUD_", 1).getContent()).extracting(DraftSummary::name)
			.containsExactly("Fraud_x team");
		assertThat(summaries.find("carol", "100%", 1).getContent()).extracting(DraftSummary::name)
			.containsExactly("Fraud 100% team");
		assertThat(summaries.find("dave", "", 1).getTotalElements()).isZero();
		assertThat(summaries.find(null, "team", 1).getTotalElements()).isEqualTo(3);
	}

	private static void insert(JdbcClient jdbc, String name, String content, String at) {
		OffsetDateTime when = OffsetDateTime.parse(at);
		jdbc.sql("insert into draft (name, author, status, step_reached, content, created_at, updated_at, updated_by, "
				+ "version) values (:name, 'carol', 'DRAFT', 'BASICS', :content, :at, :at, 'carol', 0)")
			.param("name", name)
			.param("content", content)
			.param("at", when)
			.update();
	}

}
