package org.mlgov.console.review;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link ConcurrentDecisionContract} on H2, in PostgreSQL mode as the console runs it. */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentDecisionH2Tests extends ConcurrentDecisionContract {

}
