package org.mlgov.console.draft.web;

import java.time.Instant;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

/** One line of a drafts list. */
record DraftRow(long id, String name, String author, String persona, WizardStep stepReached, Instant updatedAt,
		String updatedBy, String status, long version) {

	static DraftRow of(Draft draft, Catalog catalog) {
		String personaId = draft.content().spec().persona();
		String persona = (personaId == null) ? "—"
				: catalog.persona(personaId).map(Persona::name).orElse(personaId);
		return new DraftRow(draft.id(), draft.name(), draft.author(), persona, draft.stepReached(),
				draft.updatedAt(), draft.updatedBy(), draft.status().name(), draft.version());
	}

}
