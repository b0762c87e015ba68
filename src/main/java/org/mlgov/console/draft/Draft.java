package org.mlgov.console.draft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mlgov.console.audit.AuditSubject;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.util.Assert;

/**
 * A draft of an execution role: the aggregate the wizard saves after every step. It holds the whole specification
 * (as JSON), the step reached, the author and timestamps, and a version for optimistic locking. Only its author
 * changes it, and only while it is a {@link DraftStatus#DRAFT}.
 */
@Table("draft")
public class Draft {

	public static final int NAME_LENGTH = 200;

	@Id
	private Long id;

	private String name;

	private final String author;

	private DraftStatus status;

	private WizardStep stepReached;

	private String content;

	/** The persona of the specification in {@code content}, kept beside it for the drafts lists (null: none yet). */
	private String persona;

	private final Instant createdAt;

	private Instant updatedAt;

	private String updatedBy;

	@Version
	private Long version;

	/** The revision submitted last (null until the first submission). */
	private Integer currentRevision;

	/** How many reviewers, none of them the author, must approve a revision. */
	private int requiredApprovals;

	@MappedCollection(idColumn = "draft_id")
	private Set<Decision> decisions;

	@PersistenceCreator
	Draft(Long id, String name, String author, DraftStatus status, WizardStep stepReached, String content,
			String persona, Instant createdAt, Instant updatedAt, String updatedBy, Long version,
			Integer currentRevision, int requiredApprovals, Set<Decision> decisions) {
		this(id, name, author, status, stepReached, content, createdAt, updatedAt, updatedBy, version);
		this.persona = persona;
		this.currentRevision = currentRevision;
		this.requiredApprovals = requiredApprovals;
		this.decisions = (decisions == null) ? new HashSet<>() : new HashSet<>(decisions);
	}

	Draft(Long id, String name, String author, DraftStatus status, WizardStep stepReached, String content,
			Instant createdAt, Instant updatedAt, String updatedBy, Long version) {
		this.id = id;
		this.name = name;
		this.author = author;
		this.status = status;
		this.stepReached = stepReached;
		this.content = content;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
		this.version = version;
		this.requiredApprovals = 1;
		this.decisions = new HashSet<>();
	}

	/** A new, empty draft at the first step. */
	public static Draft start(String name, String author, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		return new Draft(null, checkName(name), author, DraftStatus.DRAFT, WizardStep.BASICS,
				DraftContentJson.write(DraftContent.empty()), at, at, author, null);
	}

	/**
	 * A new draft with a complete specification, as if its author had saved every step of the wizard: every step is
	 * reached, so the draft can be submitted at once.
	 * @param name the draft's name
	 * @param author who creates it
	 * @param content what it holds; the caller has checked that its specification is complete (valid)
	 * @param now when
	 * @return the draft, not stored yet
	 */
	public static Draft complete(String name, String author, DraftContent content, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		return new Draft(null, checkName(name), author, DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(content), at, at, author, null);
	}

	/** A copy for {@code user}, at the same step, with the same content; a new draft with its own history. */
	public Draft cloneFor(String user, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		String copyName = "Copy of " + this.name;
		Draft copy = new Draft(null, (copyName.length() > NAME_LENGTH) ? copyName.substring(0, NAME_LENGTH) : copyName,
				user, DraftStatus.DRAFT, this.stepReached, this.content, at, at, user, null);
		copy.persona = this.persona;
		return copy;
	}

	/**
	 * Stores what one step produced. The caller must have loaded {@code expectedVersion}; a newer stored version
	 * means someone saved in between and nothing is changed. Only a step the draft has reached can be saved: steps
	 * are not skipped. Saving a step reaches the next one; going back lowers nothing, except after a persona change
	 * that left the specification incomplete: then the activities step is the step reached, so that the author passes
	 * it again.
	 * @param step the step saved
	 * @param newContent what the draft holds after the step
	 * @param complete whether the specification of {@code newContent} is complete (valid)
	 * @param user who saves
	 * @param expectedVersion the version the user loaded
	 * @param now when
	 * @throws DraftConflictException if the draft changed since {@code expectedVersion}
	 * @throws StepNotReachedException if the step is after the step reached
	 */
	public void saveStep(WizardStep step, DraftContent newContent, boolean complete, String user,
			long expectedVersion, Instant now) {
		requireEditableBy(user);
		requireVersion(expectedVersion);
		Assert.isTrue(step != WizardStep.SUMMARY, "The review step saves nothing");
		if (step.isAfter(this.stepReached)) {
			throw new StepNotReachedException(this.id, step, this.stepReached);
		}
		this.content = DraftContentJson.write(newContent);
		this.persona = newContent.spec().persona();
		WizardStep next = step.next().orElse(step);
		if (next.isAfter(this.stepReached)) {
			this.stepReached = next;
		}
		if (!complete && newContent.personaChange() != null && this.stepReached.isAfter(WizardStep.ACTIVITIES)) {
			this.stepReached = WizardStep.ACTIVITIES;
		}
		touch(user, now);
	}

	public void rename(String newName, String user, long expectedVersion, Instant now) {
		requireEditableBy(user);
		requireVersion(expectedVersion);
		this.name = checkName(newName);
		touch(user, now);
	}

	/**
	 * Freezes the draft for review as revision {@code revisionNumber}. Only the author submits, only a draft that
	 * reached the review step, and only while it is a draft.
	 */
	public void submit(String user, int revisionNumber, int approvalsRequired, Instant now) {
		requireAuthor(user, "submit");
		requireStatus(DraftStatus.DRAFT, "submit");
		if (this.stepReached != WizardStep.SUMMARY) {
			throw new IllegalTransitionException("Finish every step of the wizard before submitting.");
		}
		if (approvalsRequired < 1) {
			throw new IllegalArgumentException("At least one approval is required.");
		}
		this.currentRevision = revisionNumber;
		this.requiredApprovals = approvalsRequired;
		this.status = DraftStatus.SUBMITTED;
		touch(user, now);
	}

	/**
	 * Records an approval of the current revision. Nobody approves their own draft, and nobody approves the same
	 * revision twice; the draft is approved when the required number of approvals is reached. The comment is
	 * optional and has at most {@link Decision#COMMENT_LENGTH} characters. The reviewer names the revision they
	 * decided on (the one their page showed): a decision about a revision that is no longer the current one is refused.
	 * @param reviewer who approves
	 * @param revision the revision the reviewer read
	 * @param comment an optional comment
	 * @param now when
	 * @throws StaleRevisionException if {@code revision} is not the current revision
	 * @throws InvalidTextException if the comment is too long
	 */
	public void approve(String reviewer, int revision, String comment, Instant now) {
		requireCurrentRevision(revision);
		requireStatus(DraftStatus.SUBMITTED, "approve");
		requireNotAuthor(reviewer);
		String text = FreeText.optional("comment", comment, Decision.COMMENT_LENGTH, "A comment");
		boolean decided = this.decisions.stream()
			.anyMatch((d) -> d.revisionNumber() == this.currentRevision && d.reviewer().equals(reviewer));
		if (decided) {
			throw new FourEyesViolationException(reviewer + " already approved revision " + this.currentRevision
					+ ": a second approval must come from another reviewer.",
					"You already approved this revision; a further approval must come from another reviewer.");
		}
		this.decisions.add(new Decision(this.currentRevision, reviewer, Decision.Verdict.APPROVED, text,
				now.truncatedTo(ChronoUnit.MICROS)));
		if (approvals().size() >= this.requiredApprovals) {
			this.status = DraftStatus.APPROVED;
		}
		touch(reviewer, now);
	}

	/**
	 * Sends the draft back to its author; a reason of at most {@link Decision#COMMENT_LENGTH} characters is required.
	 * As for an approval, the reviewer names the revision they decided on, which must be the current one.
	 * @param reviewer who rejects
	 * @param revision the revision the reviewer read
	 * @param reason why
	 * @param now when
	 * @throws StaleRevisionException if {@code revision} is not the current revision
	 * @throws InvalidTextException if the reason is blank or too long
	 */
	public void reject(String reviewer, int revision, String reason, Instant now) {
		requireCurrentRevision(revision);
		requireStatus(DraftStatus.SUBMITTED, "reject");
		requireNotAuthor(reviewer);
		String why = FreeText.required("reason", reason, Decision.COMMENT_LENGTH, "A reason",
				"Give the author a reason for the rejection.");
		this.decisions.removeIf((d) -> d.revisionNumber() == this.currentRevision && d.reviewer().equals(reviewer));
		this.decisions.add(new Decision(this.currentRevision, reviewer, Decision.Verdict.REJECTED, why,
				now.truncatedTo(ChronoUnit.MICROS)));
		this.status = DraftStatus.REJECTED;
		touch(reviewer, now);
	}

	/**
	 * Checks that a decision is about the current revision: a reviewer who read revision 1 while the author reworked
	 * the draft and submitted revision 2 decides on nothing they have not seen. A draft never submitted has no current
	 * revision; its status refuses decisions.
	 * @param revision the revision the reviewer read
	 * @throws StaleRevisionException if another revision is the current one
	 */
	public void requireCurrentRevision(int revision) {
		if (this.currentRevision != null && this.currentRevision != revision) {
			throw new StaleRevisionException(this.id, revision, this.currentRevision);
		}
	}

	/** The author takes a rejected draft back to edit it; the next submission is a new revision. */
	public void rework(String user, Instant now) {
		requireAuthor(user, "rework");
		requireStatus(DraftStatus.REJECTED, "rework");
		this.status = DraftStatus.DRAFT;
		touch(user, now);
	}

	/**
	 * Starts a push of the approved revision to AWS. Any administrator may push (the reviewers' approval is the gate;
	 * the pusher may be the author); an approved, pushed or failed revision can be pushed (again).
	 * @param user who pushes
	 * @param now when
	 * @throws IllegalTransitionException if the draft is not approved, or a push of it is running
	 */
	public void startPush(String user, Instant now) {
		if (this.status != DraftStatus.APPROVED && this.status != DraftStatus.PUSHED
				&& this.status != DraftStatus.PUSH_FAILED) {
			throw new IllegalTransitionException("Cannot push a draft that is " + this.status
					+ " (it must be APPROVED, PUSHED or PUSH_FAILED).");
		}
		this.status = DraftStatus.PUSHING;
		touch(user, now);
	}

	/**
	 * Ends the running push: {@code PUSHING → PUSHED} when it succeeded, {@code PUSH_FAILED} when it did not.
	 * @param user on whose behalf the push ran
	 * @param succeeded whether every step succeeded
	 * @param now when
	 * @throws IllegalTransitionException if no push is running
	 */
	public void finishPush(String user, boolean succeeded, Instant now) {
		requireStatus(DraftStatus.PUSHING, succeeded ? "mark as pushed" : "mark as failed to push");
		this.status = succeeded ? DraftStatus.PUSHED : DraftStatus.PUSH_FAILED;
		touch(user, now);
	}

	/**
	 * Checks that {@code user} may comment on this draft: only its author and the reviewers comment, and only once it
	 * has been submitted, since a comment is about a frozen revision (before that there is nothing to review).
	 * @param user who comments
	 * @param reviewer whether the user is a security reviewer
	 * @throws DraftAccessDeniedException if the user is neither the author nor a reviewer
	 * @throws IllegalTransitionException if the draft has never been submitted
	 */
	public void requireCommentableBy(String user, boolean reviewer) {
		if (!reviewer && !this.author.equals(user)) {
			throw new DraftAccessDeniedException("Only the author and the reviewers comment on a draft.");
		}
		if (this.currentRevision == null) {
			throw new IllegalTransitionException("Comments are about a submitted revision, and this draft has not "
					+ "been submitted yet.");
		}
	}

	/** The approvals of the current revision, oldest first. */
	public List<Decision> approvals() {
		return decisionsOf(Decision.Verdict.APPROVED);
	}

	/** Every decision on every revision, oldest first. */
	public List<Decision> decisions() {
		return this.decisions.stream().sorted(Comparator.comparing(Decision::decidedAt)).toList();
	}

	/** The last rejection, if the draft is or was rejected. */
	public Optional<Decision> lastRejection() {
		return this.decisions.stream()
			.filter((d) -> d.decision() == Decision.Verdict.REJECTED)
			.max(Comparator.comparing(Decision::decidedAt));
	}

	private List<Decision> decisionsOf(Decision.Verdict verdict) {
		return this.decisions.stream()
			.filter((d) -> this.currentRevision != null && d.revisionNumber() == this.currentRevision)
			.filter((d) -> d.decision() == verdict)
			.sorted(Comparator.comparing(Decision::decidedAt))
			.toList();
	}

	/** True if the user may approve or reject now (submitted, not theirs, not already approved by them). */
	public boolean isDecidableBy(String reviewer) {
		return this.status == DraftStatus.SUBMITTED && !this.author.equals(reviewer)
				&& approvals().stream().noneMatch((d) -> d.reviewer().equals(reviewer));
	}

	private void requireAuthor(String user, String what) {
		if (!this.author.equals(user)) {
			throw new DraftAccessDeniedException("Only " + this.author + ", the author, can " + what + " this draft.");
		}
	}

	private void requireNotAuthor(String reviewer) {
		if (this.author.equals(reviewer)) {
			throw new FourEyesViolationException("Nobody decides on their own draft: " + reviewer
					+ " is the author of this one.", "You wrote this draft; another reviewer must decide.");
		}
	}

	private void requireStatus(DraftStatus expected, String what) {
		if (this.status != expected) {
			throw new IllegalTransitionException("Cannot " + what + " a draft that is " + this.status
					+ " (it must be " + expected + ").");
		}
	}

	public Integer currentRevision() {
		return this.currentRevision;
	}

	public int requiredApprovals() {
		return this.requiredApprovals;
	}

	/**
	 * True if {@code user} may delete this draft: its author, while it has never been submitted.
	 * @param user who asks
	 * @return whether {@link #requireDeletableBy(String)} passes
	 */
	public boolean isDeletableBy(String user) {
		return isEditableBy(user) && this.currentRevision == null;
	}

	/**
	 * Checks that {@code user} may delete this draft. Only its author deletes it, and only while it has never been
	 * submitted: once submitted, its revisions, the decisions on them and the comments are the record of a review
	 * and are kept, also after a rejection and rework.
	 * @param user who deletes
	 * @throws DraftAccessDeniedException if the user is not the author
	 * @throws IllegalTransitionException if the draft was ever submitted
	 */
	public void requireDeletableBy(String user) {
		if (!this.author.equals(user)) {
			throw new DraftAccessDeniedException("Only " + this.author + ", the author, can delete this draft.");
		}
		if (this.currentRevision != null) {
			throw new IllegalTransitionException("\u201c" + this.name + "\u201d was submitted for review (revision "
					+ this.currentRevision + "), so it is kept with its revisions, decisions and comments as the "
					+ "record of that review: it cannot be deleted. Clone it to start again from its content.");
		}
		requireEditableBy(user);
	}

	public boolean isEditableBy(String user) {
		return this.author.equals(user) && this.status == DraftStatus.DRAFT;
	}

	public void requireEditableBy(String user) {
		if (!this.author.equals(user)) {
			throw new DraftAccessDeniedException("Only " + this.author + ", the author, can change this draft.");
		}
		if (this.status != DraftStatus.DRAFT) {
			throw new DraftAccessDeniedException("This draft is " + this.status + " and can no longer be changed.");
		}
	}

	private void requireVersion(long expectedVersion) {
		if (this.version != null && this.version != expectedVersion) {
			throw new DraftConflictException(this.id, this.updatedBy, this.updatedAt);
		}
	}

	private void touch(String user, Instant now) {
		this.updatedBy = user;
		this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	private static String checkName(String name) {
		String trimmed = (name == null) ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > NAME_LENGTH) {
			throw new IllegalArgumentException("A draft name has 1 to " + NAME_LENGTH + " characters.");
		}
		String control = FreeText.controlCharacterProblem("A draft name", trimmed, false);
		if (control != null) {
			throw new InvalidTextException("name", control);
		}
		return trimmed;
	}

	public DraftContent content() {
		return DraftContentJson.read(this.content);
	}

	/**
	 * The content as stored, JSON text: equal texts are equal contents, so it can key what is computed from the
	 * content (see {@code DraftPreview}). Read the content itself with {@link #content()}.
	 * @return the stored JSON
	 */
	public String storedContent() {
		return this.content;
	}

	/**
	 * The draft as the subject of an audit event: its id and version, the revision the event is about, and the role
	 * and account it defines (so that the audit trail can be searched by role).
	 * @param revision the revision the event is about, or {@code null}
	 * @return the subject
	 */
	public AuditSubject auditSubject(Integer revision) {
		RoleSpec spec = content().spec();
		return AuditSubject.draft(this.id, version(), revision, spec.roleName(), spec.accountId());
	}

	/** The persona of the specification, as the drafts lists show it without reading the content. */
	public String persona() {
		return this.persona;
	}

	public Long id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String author() {
		return this.author;
	}

	public DraftStatus status() {
		return this.status;
	}

	public WizardStep stepReached() {
		return this.stepReached;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public String updatedBy() {
		return this.updatedBy;
	}

	public long version() {
		return (this.version != null) ? this.version : 0;
	}

}
