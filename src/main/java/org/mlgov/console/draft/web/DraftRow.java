package org.mlgov.console.draft.web;

import java.time.Instant;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.draft.WizardStep;

/** One line of a drafts list; {@code deletable} is false once the draft was ever submitted (its review is kept). */
public record DraftRow(long id, String name, String author, String persona, WizardStep stepReached, Instant updatedAt,
		String updatedBy, String status, long version, String decision, boolean deletable) {

	static DraftRow of(DraftSummary draft, Catalog catalog) {
		String personaId = draft.persona();
		String persona = (personaId == null) ? "—"
				: catalog.persona(personaId).map(Persona::name).orElse(personaId);
		String decision = switch (draft.status()) {
			case REJECTED -> draft.lastRejection()
				.map((d) -> "Rejected by " + d.reviewer() + ": " + d.comment())
				.orElse("Rejected");
			case APPROVED, PUSHING, PUSHED, PUSH_FAILED -> "Approved by " + String.join(", ", draft.approvals().stream().map(Decision::reviewer).toList());
			case SUBMITTED -> "Waiting for review (" + draft.approvals().size() + " of " + draft.requiredApprovals()
					+ ((draft.requiredApprovals() == 1) ? " approval)" : " approvals)");
			case DRAFT -> draft.lastRejection().map((d) -> "Reworking after a rejection by " + d.reviewer()).orElse(null);
		};
		return new DraftRow(draft.id(), draft.name(), draft.author(), persona, draft.stepReached(),
				draft.updatedAt(), draft.updatedBy(), draft.status().name(), draft.version(), decision,
				draft.isDeletableBy(draft.author()));
	}

}
