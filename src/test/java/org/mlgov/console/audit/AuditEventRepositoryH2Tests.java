package org.mlgov.console.audit;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The audit trail's search on H2 in PostgreSQL mode, as the console runs by default. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(AuditEventRepository.class)
class AuditEventRepositoryH2Tests extends AuditEventRepositoryContract {

}
