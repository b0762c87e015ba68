package org.mlgov.console.draft;

import java.util.List;

import org.mlgov.console.policy.RoleSpec;

/**
 * What a draft holds: the role specification the generator works from, whether it creates or updates a role, and
 * where its Canvas settings apply.
 */
public record DraftContent(RoleSpec spec, RoleMode roleMode, CanvasTargets canvasTargets) {

	public DraftContent {
		roleMode = (roleMode == null) ? RoleMode.NEW_ROLE : roleMode;
		canvasTargets = (canvasTargets == null) ? CanvasTargets.none() : canvasTargets;
	}

	/** An empty draft: nothing chosen yet, the defaults of the generator apply. */
	public static DraftContent empty() {
		return new DraftContent(new RoleSpec(null, null, null, null, null, null, null, null, null, null,
				List.of(), null, null, null, null, null, null, null), RoleMode.NEW_ROLE, CanvasTargets.none());
	}

	public DraftContent withSpec(RoleSpec newSpec) {
		return new DraftContent(newSpec, this.roleMode, this.canvasTargets);
	}

}
