package org.mlgov.console.audit.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditSubject;

import static org.assertj.core.api.Assertions.assertThat;

/** What a line of the audit table shows, worked out in Java once per row. */
class AuditRowTests {

	private static final Instant WHEN = Instant.parse("2032-01-10T09:15:30.123456Z");

	@Test
	void aDraftEventHasItsTextsAndLinksUnderTheContextPath() {
		AuditEvent event = new AuditEvent(12L, WHEN, "quinn", "DRAFT_REJECTED", "draft 906 (version 7)", "too wide",
				"198.51.100.9", AuditSubject.draft(906, 7, 2, "SageMaker-Fraud+Team=1", "111122223333"));
		AuditRow row = AuditRow.of(event, "/console");
		assertThat(row.id()).isEqualTo(12L);
		assertThat(row.occurredAt()).isEqualTo("2032-01-10T09:15:30.123456Z");
		assertThat(row.when()).isEqualTo("2032-01-10 09:15:30");
		assertThat(row.action()).isEqualTo("DRAFT_REJECTED");
		assertThat(row.actionLabel()).isEqualTo("Draft rejected");
		assertThat(row.roleName()).isEqualTo("SageMaker-Fraud+Team=1");
		// Escaped as Thymeleaf's @{/audit(role=...,account=...)} did: '+' and '=' are not literal in a query value.
		assertThat(row.roleHref()).isEqualTo("/console/audit?role=SageMaker-Fraud%2BTeam%3D1&account=111122223333");
		assertThat(row.accountId()).isEqualTo("111122223333");
		assertThat(row.draftId()).isEqualTo(906L);
		assertThat(row.draftHref()).isEqualTo("/console/audit?draft=906");
		assertThat(row.draftVersion()).isEqualTo("version 7");
		assertThat(row.draftRevision()).isEqualTo("revision 2");
	}

	@Test
	void aSignInHasNoLinksAndAnUnknownActionShowsItsCode() {
		AuditRow signIn = AuditRow.of(new AuditEvent(1L, WHEN, "quinn", "SIGN_IN", null, null, "198.51.100.1"), "");
		assertThat(signIn.actionLabel()).isEqualTo("Sign-in");
		assertThat(signIn.roleHref()).isNull();
		assertThat(signIn.draftHref()).isNull();
		assertThat(signIn.draftVersion()).isNull();
		assertThat(signIn.draftRevision()).isNull();
		AuditRow unknown = AuditRow.of(new AuditEvent(2L, WHEN, "quinn", "SOMETHING_OLD", null, null, null), "");
		assertThat(unknown.actionLabel()).isEqualTo("SOMETHING_OLD");
	}

	@Test
	void aRoleWithoutAnAccountLinksWithTheBareParameterAsBefore() {
		AuditEvent event = new AuditEvent(3L, WHEN, "quinn", "PROFILE_AUDITED", null, null, null,
				AuditSubject.of(AuditSubject.Kind.values()[0], "x", "SageMaker-Canvas", null));
		assertThat(AuditRow.of(event, "").roleHref()).isEqualTo("/audit?role=SageMaker-Canvas&account");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2032-01-10T09:15:30Z", "2032-01-10T09:15:30.123Z",
			"2026-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z",
			"-0001-06-15T12:00:00Z", "2026-03-04T05:06:00Z" })
	void theTimeShownIsTheFormattersWhateverTheInstant(String iso) {
		Instant instant = Instant.parse(iso);
		assertThat(AuditRow.when(instant, instant.toString())).isEqualTo(
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
					.format(instant));
	}

}
