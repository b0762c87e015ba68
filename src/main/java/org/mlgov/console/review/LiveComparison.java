package org.mlgov.console.review;

import java.util.List;

import org.mlgov.console.diff.DocumentChange;

/**
 * What a push of a revision would do in AWS, stated as the push's own plan ({@link PushPreview}): the steps for the
 * role (create, update, put, delete, attach, detach, keep, no change), each with what it means for the role's
 * permissions; for each Canvas target its step, the role it runs with and its live settings against the revision's;
 * for each bucket its step with the rule added beside the rules kept. Every part that could not be read says why
 * instead.
 *
 * @param accountId the account the revision targets
 * @param region the Region of its SageMaker domain
 * @param role what was found about the role
 * @param roleSteps the plan's steps for the role, the Bedrock role and their policies (empty when the role or the
 * plan could not be read)
 * @param planProblem why the role's steps could not be planned although the role was read, or null
 * @param canvasTargets one entry per Canvas target (the domain default, each user profile)
 * @param buckets one entry per CORS rule set of the revision
 * @param notConfigured one notice for the whole comparison when no read was sent because AWS access is not set up,
 * or null
 */
public record LiveComparison(String accountId, String region, RoleCheck role, List<Step> roleSteps,
		String planProblem, List<TargetCheck> canvasTargets, List<BucketCheck> buckets, String notConfigured) {

	public LiveComparison {
		roleSteps = List.copyOf(roleSteps);
		canvasTargets = List.copyOf(canvasTargets);
		buckets = List.copyOf(buckets);
	}

	/** What the live read of the role means for this revision. */
	public enum Outcome {

		/** A new role that does not exist yet: the push creates it. */
		CREATES_NEW,

		/** A new role whose name is already taken in the account: creating it would fail. */
		ALREADY_EXISTS,

		/** An update of a role that exists: the differences are listed. */
		UPDATES,

		/** An update of a role that does not exist: there is nothing to update. */
		MISSING,

		/** The role could not be read; the message says why. */
		UNREADABLE

	}

	/**
	 * What was found about the role.
	 *
	 * @param outcome what it means
	 * @param message a sentence for the reviewer
	 */
	public record RoleCheck(Outcome outcome, String message) {

		/**
		 * Whether the reviewer should be warned (the role exists although it should not, or is missing).
		 * @return {@code true} for {@link Outcome#ALREADY_EXISTS} and {@link Outcome#MISSING}
		 */
		public boolean alarming() {
			return this.outcome == Outcome.ALREADY_EXISTS || this.outcome == Outcome.MISSING;
		}

	}

	/**
	 * One step of the push plan, for the reviewer.
	 *
	 * @param action the step, in the push's words
	 * @param meaning what it means for the role's permissions, in plain words; null when nothing needs saying
	 * @param document the document it writes or removes, against the live one; null when it concerns none
	 */
	public record Step(PlanAction action, String meaning, DocumentChange document) {

		/**
		 * The verb's word, for the badge.
		 * @return for example {@code detach} or {@code add CORS rule}
		 */
		public String label() {
			return this.action.verb().label();
		}

	}

	/**
	 * One place where the Canvas settings apply: a domain's default user settings or a user profile.
	 *
	 * @param target what it is, for example {@code user profile alice of domain d-abc}
	 * @param problem why it could not be read, or null
	 * @param executionRoleArn the execution role it runs with, or null when it inherits the domain's or was not read
	 * @param runsThisRole whether that execution role is the role of the revision
	 * @param canvas the live CanvasAppSettings against the generated ones; null when not read
	 * @param step the push's step for it; null when not read or not planned
	 */
	public record TargetCheck(String target, String problem, String executionRoleArn, boolean runsThisRole,
			DocumentChange canvas, Step step) {
	}

	/**
	 * One CORS rule set of the revision on a bucket.
	 *
	 * @param bucket the bucket's name
	 * @param problem why its CORS configuration could not be read, or null
	 * @param step the push's step for it; null when not read or not planned
	 * @param keptRules the bucket's live rules, each pretty-printed, all kept by the push
	 * @param addedRules the revision's rules the push adds (those without an equivalent live rule), pretty-printed
	 */
	public record BucketCheck(String bucket, String problem, Step step, List<String> keptRules,
			List<String> addedRules) {

		public BucketCheck {
			keptRules = List.copyOf(keptRules);
			addedRules = List.copyOf(addedRules);
		}

	}

	/**
	 * Whether at least one read reached AWS (as opposed to all of them failing, for example when AWS access is off).
	 * @return {@code true} when the role, a Canvas target or a bucket was read
	 */
	public boolean anythingRead() {
		return this.role.outcome() != Outcome.UNREADABLE
				|| this.canvasTargets.stream().anyMatch((target) -> target.problem() == null)
				|| this.buckets.stream().anyMatch((bucket) -> bucket.problem() == null);
	}

	/**
	 * How many of the role's steps write.
	 * @return the steps other than keep and no change
	 */
	public long roleWrites() {
		return this.roleSteps.stream().filter((step) -> step.action().verb().writes()).count();
	}

}
