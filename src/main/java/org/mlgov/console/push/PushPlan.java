package org.mlgov.console.push;

import java.util.List;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.review.DraftRevision;

/**
 * A dry run: the steps a push of the draft's approved revision would run against what is live now.
 *
 * @param draft the draft
 * @param revision its approved revision
 * @param target where the documents go
 * @param steps the steps in order
 */
public record PushPlan(Draft draft, DraftRevision revision, PushPlanner.Target target, List<PlannedStep> steps) {

	public PushPlan {
		steps = List.copyOf(steps);
	}

	/**
	 * How many steps would write.
	 * @return the number of steps with a change
	 */
	public int changes() {
		return (int) this.steps.stream().filter(PlannedStep::changes).count();
	}

}
