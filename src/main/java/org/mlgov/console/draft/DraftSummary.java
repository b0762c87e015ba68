package org.mlgov.console.draft;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a drafts list shows of one draft, read without its specification: the columns of {@code draft} and the
 * reviewers' decisions. Its rules for approvals, the last rejection and deletion are those of {@link Draft}.
 *
 * @param id the draft's id
 * @param name its name
 * @param author who wrote it
 * @param persona the persona id of its specification, or null
 * @param status its status
 * @param stepReached the last wizard step reached
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 * @param version its optimistic-lock version
 * @param currentRevision the revision submitted last, or null
 * @param requiredApprovals how many approvals a revision needs
 * @param decisions every decision on every revision, oldest first
 */
public record DraftSummary(long id, String name, String author, String persona, DraftStatus status,
		WizardStep stepReached, Instant updatedAt, String updatedBy, long version, Integer currentRevision,
		int requiredApprovals, List<Decision> decisions) {

	public DraftSummary {
		decisions = List.copyOf(decisions);
	}

	/** The approvals of the current revision, oldest first. */
	public List<Decision> approvals() {
		return this.decisions.stream()
			.filter((d) -> this.currentRevision != null && d.revisionNumber() == this.currentRevision)
			.filter((d) -> d.decision() == Decision.Verdict.APPROVED)
			.sorted(Comparator.comparing(Decision::decidedAt))
			.toList();
	}

	/** The last rejection, if the draft is or was rejected. */
	public Optional<Decision> lastRejection() {
		return this.decisions.stream()
			.filter((d) -> d.decision() == Decision.Verdict.REJECTED)
			.max(Comparator.comparing(Decision::decidedAt));
	}

	/** Whether {@code user} may delete the draft: its author, while it was never submitted. */
	public boolean isDeletableBy(String user) {
		return this.author.equals(user) && this.status == DraftStatus.DRAFT && this.currentRevision == null;
	}

}
