package org.mlgov.console.review;

import org.mlgov.console.EmbeddedPostgresDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link ConcurrentDecisionContract} on embedded PostgreSQL 16 (no demo users there: a bootstrap administrator). */
@SpringBootTest(properties = { "console.demo-users.enabled=false", "console.bootstrap-admin.username=first-admin",
		"console.bootstrap-admin.password=a-long-enough-secret" })
@ActiveProfiles("test")
class ConcurrentDecisionPostgresTests extends ConcurrentDecisionContract implements EmbeddedPostgresDatabase {

}
