package org.mlgov.console.draft;

import java.util.List;

/**
 * Where the Canvas settings apply: the domain's default user settings and/or named user profiles of the domain.
 */
public record CanvasTargets(String domainId, boolean domainDefault, List<String> userProfiles) {

	public CanvasTargets {
		userProfiles = (userProfiles == null) ? List.of() : List.copyOf(userProfiles);
	}

	public static CanvasTargets none() {
		return new CanvasTargets(null, false, List.of());
	}

}
