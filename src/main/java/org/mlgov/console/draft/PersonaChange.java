package org.mlgov.console.draft;

import java.util.List;

/**
 * What changing the persona on step 1 did to the selected activities, kept until the author saves the activities
 * step again (which shows it).
 *
 * @param from the persona before
 * @param to the persona chosen
 * @param added the activities the new persona selected that were not selected before, in catalogue order
 * @param removed the activities selected before that the new persona does not select; the values typed for them are
 * set aside ({@link DraftContent#setAside()})
 */
public record PersonaChange(String from, String to, List<String> added, List<String> removed) {

	public PersonaChange {
		added = (added == null) ? List.of() : List.copyOf(added);
		removed = (removed == null) ? List.of() : List.copyOf(removed);
	}

}
