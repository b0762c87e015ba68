package org.mlgov.console.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.review.StoredRevisionFormatTests.Stored;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision fixtures as rows of the database the console migrates with Flyway: the repository reads each back
 * intact, as the approval check does.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(DraftRevisionRepository.class)
class StoredRevisionRowTests {

	@Autowired
	DraftRepository drafts;

	@Autowired
	DraftRevisionRepository revisions;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource
	void aStoredRevisionRowIsReadBackIntact(Stored format) {
		StoredRevisionFixture fixture = format.fixture();
		long draftId = this.drafts.save(Draft.start("Fraud team", "alice", Instant.parse("2026-11-23T09:00:00Z")))
			.id();
		this.jdbc.sql("insert into draft_revision (draft_id, number, account_id, role_name, content, documents, "
				+ "documents_sha256, catalog_version, justification, submitted_by, submitted_at) values (?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?)")
			.params(draftId, (int) fixture.number("number"), fixture.column("account_id"), fixture.column("role_name"),
					fixture.column("content"), fixture.column("documents"), fixture.column("documents_sha256"),
					fixture.column("catalog_version"), fixture.column("justification"),
					fixture.column("submitted_by"),
					OffsetDateTime.ofInstant(Instant.parse(fixture.column("submitted_at")), ZoneOffset.UTC))
			.update();

		DraftRevision stored = this.revisions.find(draftId, 1).orElseThrow();
		assertThat(stored.documents()).isEqualTo(fixture.column("documents"));
		assertThat(stored.intact()).isTrue();
		assertThat(stored.documentsFormatVersion()).isEqualTo(format.version);
		assertThat(stored.submittedAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
		assertThat(stored.draftContent().spec().roleName()).isEqualTo("SageMaker-DataScientist");
		assertThat(stored.frozenDocuments().policies()).hasSize(3);
	}

}
