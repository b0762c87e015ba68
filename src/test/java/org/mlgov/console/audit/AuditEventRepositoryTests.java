package org.mlgov.console.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The audit trail's storage, on the Flyway schema in H2's PostgreSQL mode. Each test runs in a rolled-back
 * transaction.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(AuditEventRepository.class)
class AuditEventRepositoryTests {

	@Autowired
	private AuditEventRepository auditEvents;

	@Test
	void insertAssignsAnIdAndFindByIdReadsEveryColumnBack() {
		Instant when = Instant.parse("2026-03-04T05:06:07.123456789Z");
		AuditEvent inserted = this.auditEvents
			.insert(new AuditEvent(null, when, "admin", "DRAFT_SUBMITTED", "draft 12", "for review", "192.0.2.10"));

		assertThat(inserted.id()).isPositive();
		assertThat(this.auditEvents.findById(inserted.id())).hasValueSatisfying((found) -> {
			assertThat(found).isEqualTo(inserted);
			assertThat(found.occurredAt()).isEqualTo(when.truncatedTo(ChronoUnit.MICROS));
			assertThat(found.target()).isEqualTo("draft 12");
			assertThat(found.remoteAddress()).isEqualTo("192.0.2.10");
		});
		assertThat(this.auditEvents.findById(inserted.id() + 1000)).isEmpty();
	}

	@Test
	void recentEventsComeNewestFirstAndAreLimited() {
		Instant base = Instant.parse("2030-01-01T00:00:00Z");
		AuditEvent first = this.auditEvents.insert(new AuditEvent(null, base, "a", "ONE", null, null, null));
		AuditEvent second = this.auditEvents
			.insert(new AuditEvent(null, base.plusSeconds(60), "b", "TWO", null, null, null));
		AuditEvent third = this.auditEvents
			.insert(new AuditEvent(null, base.plusSeconds(120), "a", "THREE", null, null, null));

		assertThat(this.auditEvents.findRecent(2)).containsExactly(third, second);
		assertThat(this.auditEvents.findByActor("a", 10)).containsExactly(third, first);
		assertThat(this.auditEvents.findByActor("nobody", 10)).isEmpty();
	}

	@Test
	void overlongValuesAreCutToTheColumnSizes() {
		AuditEvent inserted = this.auditEvents
			.insert(AuditEvent.now("x".repeat(150), "LONG", "t".repeat(300), "d".repeat(2000), "r".repeat(80)));
		AuditEvent found = this.auditEvents.findById(inserted.id()).orElseThrow();
		assertThat(found.actor()).hasSize(100);
		assertThat(found.target()).hasSize(200);
		assertThat(found.detail()).hasSize(1000);
		assertThat(found.remoteAddress()).hasSize(64);
	}

	@Test
	void anEventIsInsertedOnlyOnce() {
		AuditEvent inserted = this.auditEvents.insert(AuditEvent.now("admin", "SIGN_IN", null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditEvents.insert(inserted));
	}

}
