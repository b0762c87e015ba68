package org.mlgov.console.audit;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.RequestFrom;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the draft use cases write to the audit trail: one row per change, naming the draft and its version. */
@ConsoleTest
class DraftAuditTests {

	@Autowired
	DraftService drafts;

	@Autowired
	AuditEventRepository audit;

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void eachDraftChangeWritesARowWithTheDraftIdAndVersion() {
		Draft draft = RequestFrom.address("192.0.2.44", () -> this.drafts.start("Audited draft", "admin"));
		Draft saved = RequestFrom.address("192.0.2.44", () -> this.drafts.saveStep(draft.id(), WizardStep.BASICS, DraftContent.empty(), draft.version(),
				"admin"));
		Draft renamed = RequestFrom.address("192.0.2.45", () -> this.drafts.rename(draft.id(), "Audited draft, renamed", saved.version(), "admin"));
		Draft copy = RequestFrom.address("192.0.2.45", () -> this.drafts.cloneDraft(draft.id(), "admin"));
		RequestFrom.address("192.0.2.46", () -> this.drafts.delete(draft.id(), "admin"));

		List<AuditEvent> events = this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 50);
		assertThat(events)
			.extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::draftId, AuditEvent::draftVersion,
					AuditEvent::target, AuditEvent::remoteAddress)
			.containsExactly(
					tuple("admin", "DRAFT_DELETED", draft.id(), 2L, "draft " + draft.id() + " (version 2)",
							"192.0.2.46"),
					tuple("admin", "DRAFT_RENAMED", draft.id(), 2L, "draft " + draft.id() + " (version 2)",
							"192.0.2.45"),
					tuple("admin", "DRAFT_SAVED", draft.id(), 1L, "draft " + draft.id() + " (version 1)",
							"192.0.2.44"),
					tuple("admin", "DRAFT_CREATED", draft.id(), 0L, "draft " + draft.id() + " (version 0)",
							"192.0.2.44"));
		assertThat(renamed.version()).isEqualTo(2L);
		assertThat(events.get(1).detail()).isEqualTo("from: Audited draft");

		List<AuditEvent> cloned = this.audit.search(new AuditQuery(null, copy.id(), null, null, null), 0, 50);
		assertThat(cloned).singleElement().satisfies((event) -> {
			assertThat(event.action()).isEqualTo("DRAFT_CLONED");
			assertThat(event.draftVersion()).isZero();
			assertThat(event.detail()).isEqualTo("from draft " + draft.id());
		});
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void everyActionTheDraftsWriteIsOneTheAuditPageOffers() {
		Draft draft = this.drafts.start("Known actions", "admin");
		this.drafts.rename(draft.id(), "Known actions 2", draft.version(), "admin");
		this.drafts.cloneDraft(draft.id(), "admin");
		this.drafts.delete(draft.id(), "admin");
		List<String> known = Arrays.stream(AuditAction.values()).map(AuditAction::name).toList();
		assertThat(this.audit.search(new AuditQuery("admin", null, null, null, null), 0, 1000))
			.extracting(AuditEvent::action)
			.isNotEmpty()
			.allMatch(known::contains);
	}

}
