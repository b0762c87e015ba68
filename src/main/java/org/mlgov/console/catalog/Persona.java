package org.mlgov.console.catalog;

import java.util.List;

/** A Role Manager persona and the activities it preselects. */
public record Persona(String id, String name, String roleKind, String summary, List<String> activities) {

	public Persona {
		activities = List.copyOf(activities);
	}

}
