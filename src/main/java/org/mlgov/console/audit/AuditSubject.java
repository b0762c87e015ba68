package org.mlgov.console.audit;

/**
 * What an audit event is about, named generically so that every kind of subject (a draft, a push, a role, a user
 * profile, a console user) fits the same columns, and the help desk can search by role name and account.
 *
 * @param kind the kind of subject, or {@code null} for events about no subject (a sign-in)
 * @param id the subject's id within its kind (a draft id, a push id, a role ARN, ...)
 * @param roleName the IAM role concerned, where there is one
 * @param accountId the AWS account concerned, where there is one
 * @param draftId the draft, for events about a draft (kept in its own column since V6)
 * @param draftVersion the draft's version after the action, for events about a draft
 * @param draftRevision the revision the action is about, for events of the security review
 */
public record AuditSubject(Kind kind, String id, String roleName, String accountId, Long draftId, Long draftVersion,
		Integer draftRevision) {

	/** No subject: events such as a sign-in. */
	public static final AuditSubject NONE = new AuditSubject(null, null, null, null, null, null, null);

	/** The kinds of subject the console audits. */
	public enum Kind {

		/** A draft of a role (its id is the draft id). */
		DRAFT,

		/** A push of an approved revision to AWS (its id is the push id). */
		PUSH,

		/** An IAM role (its id is the role ARN). */
		ROLE,

		/** A SageMaker user profile (its id is {@code domainId/userProfileName}). */
		USER_PROFILE,

		/** A console user (its id is the user name). */
		USER

	}

	/**
	 * A draft, with the role it defines.
	 * @param draftId the draft
	 * @param draftVersion its version after the action
	 * @param draftRevision the revision the action is about, or {@code null}
	 * @param roleName the role the draft defines, or {@code null} while it has none
	 * @param accountId the account of that role, or {@code null} while it has none
	 * @return the subject
	 */
	public static AuditSubject draft(long draftId, long draftVersion, Integer draftRevision, String roleName,
			String accountId) {
		return new AuditSubject(Kind.DRAFT, Long.toString(draftId), blankToNull(roleName), blankToNull(accountId),
				draftId, draftVersion, draftRevision);
	}

	/**
	 * Any other subject.
	 * @param kind its kind
	 * @param id its id within the kind
	 * @param roleName the role concerned, or {@code null}
	 * @param accountId the account concerned, or {@code null}
	 * @return the subject
	 */
	public static AuditSubject of(Kind kind, String id, String roleName, String accountId) {
		return new AuditSubject(kind, id, blankToNull(roleName), blankToNull(accountId), null, null, null);
	}

	/**
	 * The text of the {@code target} column: {@code draft <id> (version <n>)} for drafts, as before V10.
	 * @return the target text, or {@code null} for no subject
	 */
	String target() {
		if (this.draftId != null) {
			return "draft " + this.draftId + ((this.draftVersion != null) ? " (version " + this.draftVersion + ")" : "");
		}
		if (this.kind == null) {
			return null;
		}
		return this.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + this.id;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
