package org.mlgov.console.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.review.ReviewFixtures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two console instances on one embedded PostgreSQL 16, both polling for queued pushes: every push job is claimed and
 * run by exactly one of them ({@code for update skip locked} and the conditional claim), its steps recorded once.
 */
class PushSingleRunPostgresTests {

	@Test
	void twoInstancesOnOneDatabaseRunEachPushExactlyOnce() throws Exception {
		ConsoleInstances.freshAccount();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				ConsoleInstances consoles = new ConsoleInstances(Map.of("spring.datasource.url",
						postgres.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres",
						"spring.datasource.password", "", "console.demo-users.enabled", "false",
						"console.bootstrap-admin.username", "admin", "console.bootstrap-admin.password", "bootstrap-pass-123"))) {
			ConfigurableApplicationContext a = consoles.start();
			ConfigurableApplicationContext b = consoles.start();
			PushService pushes = a.getBean(PushService.class);
			List<Long> ids = new ArrayList<>();
			for (int i = 1; i <= 6; i++) {
				Draft draft = ConsoleInstances.approvedDraft(a, "Draft " + i);
				ids.add(ReviewFixtures.as("admin", () -> pushes.start(draft.id(), "admin"), "ADMIN").id());
			}
			JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
			ConsoleInstances.await("every push ended", Duration.ofSeconds(120),
					() -> jdbc.queryForObject("select count(*) from push where status in ('SUCCEEDED', 'FAILED')",
							Integer.class) == ids.size());
			Thread.sleep(1000);
			for (long id : ids) {
				Map<String, Object> push = jdbc.queryForMap("select status, total_steps, claimed_by from push where id = ?", id);
				assertThat(push.get("status")).as("push %s", id).isEqualTo("SUCCEEDED");
				assertThat(jdbc.queryForObject("select count(*) from push_step where push_id = ?", Integer.class, id))
					.isEqualTo(push.get("total_steps"));
				assertThat(jdbc.queryForList("select action from audit_event where subject_kind = 'PUSH' and subject_id = ? "
						+ "and action in ('PUSH_SUCCEEDED', 'PUSH_FAILED')", String.class, Long.toString(id)))
					.containsExactly("PUSH_SUCCEEDED");
			}
			List<String> instances = List.of(a.getBean(PushRunner.class).instance(), b.getBean(PushRunner.class).instance());
			assertThat(jdbc.queryForList("select distinct claimed_by from push", String.class))
				.isSubsetOf(instances);
			assertThat(jdbc.queryForObject("select sum(write_calls) from push", Integer.class))
				.isEqualTo(ConsoleInstances.AWS.writeCount());
		}
	}

}
