package org.mlgov.console.review;

/**
 * One step of the push's plan for a revision, as the review page states it: what the push would do, to what, in the
 * push's words, and the documents it concerns.
 *
 * @param verb what the step does
 * @param service the AWS service
 * @param operation the call it makes (for a step that writes nothing, the call that is not needed)
 * @param target the ARN or name of what it concerns
 * @param arguments a summary of the call's arguments
 * @param note the push's own sentence for the step
 * @param subject what part of the role, Canvas target or bucket it concerns
 * @param name the policy name, policy ARN, profile name or bucket it concerns; null for the role itself
 * @param liveDocument the live document it replaces or removes (a policy, the Canvas settings, the bucket's CORS
 * rules), or null
 * @param revisionDocument the document it writes (the CORS rules it adds), or null
 */
public record PlanAction(Verb verb, String service, String operation, String target, String arguments, String note,
		Subject subject, String name, String liveDocument, String revisionDocument) {

	/** What a step does, in the push's words. */
	public enum Verb {

		CREATE("create"), UPDATE("update"), PUT("put"), DELETE("delete"), ATTACH("attach"), DETACH("detach"),
		ADD_CORS_RULE("add CORS rule"),

		/** Something live that the revision does not name, kept and reported (a policy attached by hand). */
		KEEP("keep"),

		/** Already as approved: nothing is written. */
		NO_CHANGE("no change");

		private final String label;

		Verb(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/**
		 * Whether the step writes to AWS.
		 * @return {@code false} for {@link #KEEP} and {@link #NO_CHANGE}
		 */
		public boolean writes() {
			return this != KEEP && this != NO_CHANGE;
		}

	}

	/** What a step concerns. */
	public enum Subject {

		ROLE, TRUST_POLICY, ROLE_SETTINGS, PERMISSIONS_BOUNDARY, TAGS, INLINE_POLICY, CUSTOMER_MANAGED_POLICY,
		POLICY_ATTACHMENT, BEDROCK_ROLE, DOMAIN, USER_PROFILE, BUCKET_CORS, OTHER;

		/**
		 * Whether the step concerns the role (or the Bedrock role) rather than a Canvas target or a bucket.
		 * @return {@code true} for IAM subjects
		 */
		public boolean iam() {
			return this != DOMAIN && this != USER_PROFILE && this != BUCKET_CORS;
		}

	}

}
