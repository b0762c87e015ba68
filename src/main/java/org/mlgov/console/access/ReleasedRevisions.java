package org.mlgov.console.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mlgov.console.review.FrozenDocuments;

/**
 * The revision of a role the console last released (pushed; until pushes exist, approved): what should be live.
 * Backed by the review module's service ({@link ReviewReleasedRevisions}); a port so that the audit can be run
 * without a database (the benchmark).
 */
public interface ReleasedRevisions {

	/**
	 * The last released revision of a role.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @return the revision, or empty when the console never released that role
	 */
	Optional<Released> lastReleased(String accountId, String roleName);

	/**
	 * A released revision.
	 *
	 * @param draftId the draft
	 * @param number the revision's number
	 * @param draftStatus {@code APPROVED} or {@code PUSHED}
	 * @param submittedBy who submitted it
	 * @param submittedAt when
	 * @param approvedBy who approved it
	 * @param documents its documents
	 */
	record Released(long draftId, int number, String draftStatus, String submittedBy, Instant submittedAt,
			List<String> approvedBy, FrozenDocuments documents) {
	}

}
