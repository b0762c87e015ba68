package org.mlgov.console.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.DraftService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Nothing happens without its record: the audit trail writes each event in the transaction of the change that
 * published it, so an audit insert that fails rolls the change back.
 */
@ConsoleTest
class AuditInTransactionTests {

	@Autowired
	DraftService drafts;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropSabotage() {
		this.jdbc.sql("alter table audit_event drop constraint if exists ck_test_sabotage").update();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aDraftWhoseAuditRowCannotBeWrittenIsNotCreated() {
		long draftsBefore = count("draft");
		long eventsBefore = count("audit_event");
		// The database refuses every new audit row about this draft name; the draft insert itself is fine.
		this.jdbc.sql("alter table audit_event add constraint ck_test_sabotage check (detail is null or detail <> "
				+ "'name: Never audited')").update();

		assertThatException().isThrownBy(() -> this.drafts.start("Never audited", "admin"));

		assertThat(count("draft")).isEqualTo(draftsBefore);
		assertThat(count("audit_event")).isEqualTo(eventsBefore);
		assertThat(this.jdbc.sql("select count(*) from draft where name = 'Never audited'").query(Long.class).single())
			.isZero();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aDraftWhoseAuditRowIsWrittenIsCreatedWithItsSubject() {
		long id = this.drafts.start("Audited", "admin").id();

		assertThat(this.jdbc.sql("select subject_kind, subject_id from audit_event where draft_id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
			.list()).containsExactly("DRAFT:" + id);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
