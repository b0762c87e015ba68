package org.mlgov.console.draft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
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

	private final Instant createdAt;

	private Instant updatedAt;

	private String updatedBy;

	@Version
	private Long version;

	@PersistenceCreator
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
	}

	/** A new, empty draft at the first step. */
	public static Draft start(String name, String author, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		return new Draft(null, checkName(name), author, DraftStatus.DRAFT, WizardStep.BASICS,
				DraftContentJson.write(DraftContent.empty()), at, at, author, null);
	}

	/** A copy for {@code user}, at the same step, with the same content; a new draft with its own history. */
	public Draft cloneFor(String user, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		String copyName = "Copy of " + this.name;
		return new Draft(null, (copyName.length() > NAME_LENGTH) ? copyName.substring(0, NAME_LENGTH) : copyName,
				user, DraftStatus.DRAFT, this.stepReached, this.content, at, at, user, null);
	}

	/**
	 * Stores what one step produced. The caller must have loaded {@code expectedVersion}; a newer stored version
	 * means someone saved in between and nothing is changed.
	 * @throws DraftConflictException if the draft changed since {@code expectedVersion}
	 */
	public void saveStep(WizardStep step, DraftContent newContent, String user, long expectedVersion, Instant now) {
		requireEditableBy(user);
		requireVersion(expectedVersion);
		Assert.isTrue(step != WizardStep.REVIEW, "The review step saves nothing");
		this.content = DraftContentJson.write(newContent);
		WizardStep next = step.next().orElse(step);
		if (next.isAfter(this.stepReached)) {
			this.stepReached = next;
		}
		touch(user, now);
	}

	public void rename(String newName, String user, long expectedVersion, Instant now) {
		requireEditableBy(user);
		requireVersion(expectedVersion);
		this.name = checkName(newName);
		touch(user, now);
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
		return trimmed;
	}

	public DraftContent content() {
		return DraftContentJson.read(this.content);
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
