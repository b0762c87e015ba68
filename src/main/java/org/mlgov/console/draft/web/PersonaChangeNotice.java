package org.mlgov.console.draft.web;

import java.util.List;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.PersonaChange;

/**
 * What the activities step says after a persona change on step 1, by name: the personas, the activities added and
 * removed, and those of the removed ones whose values are set aside (ticking them again restores the values).
 *
 * @param from the persona before
 * @param to the persona chosen
 * @param added the activities the new persona added
 * @param removed the activities it removed
 * @param kept the removed activities whose values are kept
 */
record PersonaChangeNotice(String from, String to, List<String> added, List<String> removed, List<String> kept) {

	/** The notice of a content's persona change, or null if it has none. */
	static PersonaChangeNotice of(DraftContent content, Catalog catalog) {
		PersonaChange change = content.personaChange();
		if (change == null) {
			return null;
		}
		return new PersonaChangeNotice(persona(change.from(), catalog), persona(change.to(), catalog),
				activities(change.added(), catalog), activities(change.removed(), catalog),
				activities(change.removed().stream().filter(content.setAside()::containsKey).toList(), catalog));
	}

	private static String persona(String id, Catalog catalog) {
		return (id == null) ? "none" : catalog.persona(id).map(Persona::name).orElse(id);
	}

	private static List<String> activities(List<String> ids, Catalog catalog) {
		return ids.stream().map((id) -> catalog.activity(id).map(ActivityDefinition::name).orElse(id)).toList();
	}

}
