package org.mlgov.console.audit.web;

import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mlgov.console.audit.AuditEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit CSV: header, one row per event, and the cap. */
class AuditCsvTests {

	private static final String HEADER = "occurred_at,actor,action,target,detail,remote_address,draft_id,draft_version,"
			+ "draft_revision\r\n";

	@Test
	void writesTheHeaderAndOneRowPerEvent() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out, 10);
		csv.accept(new AuditEvent(1L, Instant.parse("2026-03-04T05:06:07.123456Z"), "admin", "DRAFT_RENAMED",
				"draft 7 (version 2)", "from: Fraud, team", "192.0.2.10", 7L, 2L));
		csv.accept(new AuditEvent(2L, Instant.parse("2026-03-04T05:00:00Z"), "mallory", "SIGN_IN_FAILED", null,
				"Wrong user name or password", null));
		csv.accept(new AuditEvent(3L, Instant.parse("2026-03-04T04:00:00Z"), "rita", "DRAFT_REJECTED",
				"draft 7 (version 5)", "revision 2: too wide", "192.0.2.11", 7L, 5L, 2));
		csv.finish();
		assertThat(out).hasToString(HEADER
				+ "2026-03-04T05:06:07.123456Z,admin,DRAFT_RENAMED,draft 7 (version 2),\"from: Fraud, team\",192.0.2.10,7,2,\r\n"
				+ "2026-03-04T05:00:00Z,mallory,SIGN_IN_FAILED,,Wrong user name or password,,,,\r\n"
				+ "2026-03-04T04:00:00Z,rita,DRAFT_REJECTED,draft 7 (version 5),revision 2: too wide,192.0.2.11,7,5,2\r\n");
	}

	@Test
	void anEmptyExportIsTheHeaderAlone() {
		StringWriter out = new StringWriter();
		new AuditCsv(out, 10).finish();
		assertThat(out).hasToString(HEADER);
	}

	@Test
	void stopsAtTheCapAndSaysSoInALastCommentLine() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out, 2);
		assertThat(csv.eventsToRead()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			csv.accept(new AuditEvent((long) i, Instant.parse("2026-03-04T05:00:00Z"), "user" + i, "SIGN_IN", null,
					null, null));
		}
		csv.finish();
		assertThat(out).hasToString(HEADER + "2026-03-04T05:00:00Z,user0,SIGN_IN,,,,,,\r\n"
				+ "2026-03-04T05:00:00Z,user1,SIGN_IN,,,,,,\r\n"
				+ "# Capped at 2 rows: narrow the filters to export the rest.\r\n");
	}

	@Test
	void exactlyAsManyEventsAsTheCapAreNotCapped() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out, 1);
		csv.accept(new AuditEvent(1L, Instant.parse("2026-03-04T05:00:00Z"), "u", "SIGN_OUT", null, null, null));
		csv.finish();
		assertThat(out.toString()).doesNotContain("Capped").endsWith("u,SIGN_OUT,,,,,,\r\n");
	}

	@Test
	void theRealCapIsOneHundredThousandRows() {
		assertThat(AuditCsv.MAX_ROWS).isEqualTo(100_000);
	}

}
