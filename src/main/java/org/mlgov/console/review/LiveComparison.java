package org.mlgov.console.review;

import java.util.List;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.SettingChange;

/**
 * What a revision would change in AWS: the role compared with the live role of that name, the Canvas settings
 * compared with those of the target domain and user profiles (and which role they run with), and the CORS rules
 * compared with each bucket's. Every part that could not be read says why instead.
 *
 * @param accountId the account the revision targets
 * @param region the Region of its SageMaker domain
 * @param role what was found about the role
 * @param roleDocuments the role's documents against the live ones (empty unless the live role was read)
 * @param roleSettings the role settings that differ from the live ones (empty unless the live role was read)
 * @param canvasTargets one entry per Canvas target (the domain default, each user profile)
 * @param buckets one entry per bucket that gets a CORS rule
 * @param notConfigured one notice for the whole comparison when no read was sent because AWS access is not set up,
 * or null
 */
public record LiveComparison(String accountId, String region, RoleCheck role, List<DocumentChange> roleDocuments,
		List<SettingChange> roleSettings, List<TargetCheck> canvasTargets, List<BucketCheck> buckets,
		String notConfigured) {

	public LiveComparison {
		roleDocuments = List.copyOf(roleDocuments);
		roleSettings = List.copyOf(roleSettings);
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
	 * One place where the Canvas settings apply: a domain's default user settings or a user profile.
	 *
	 * @param target what it is, for example {@code user profile alice of domain d-abc}
	 * @param problem why it could not be read, or null
	 * @param executionRoleArn the execution role it runs with, or null when it inherits the domain's or was not read
	 * @param runsThisRole whether that execution role is the role of the revision
	 * @param canvas the live CanvasAppSettings against the generated ones; null when not read
	 */
	public record TargetCheck(String target, String problem, String executionRoleArn, boolean runsThisRole,
			DocumentChange canvas) {
	}

	/**
	 * One bucket that gets a CORS rule.
	 *
	 * @param bucket the bucket's name
	 * @param problem why its CORS configuration could not be read, or null
	 * @param cors the live rules against the generated ones; null when not read
	 */
	public record BucketCheck(String bucket, String problem, DocumentChange cors) {
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

}
