package org.mlgov.console.access;

import java.util.Optional;

import org.mlgov.console.review.ReviewService;

import org.springframework.stereotype.Component;

/** {@link ReleasedRevisions} through {@link ReviewService}. */
@Component
class ReviewReleasedRevisions implements ReleasedRevisions {

	private final ReviewService reviews;

	ReviewReleasedRevisions(ReviewService reviews) {
		this.reviews = reviews;
	}

	@Override
	public Optional<Released> lastReleased(String accountId, String roleName) {
		return this.reviews.lastReleased(accountId, roleName)
			.map((r) -> new Released(r.revision().draftId(), r.revision().number(), r.draftStatus(),
					r.revision().submittedBy(), r.revision().submittedAt(), r.approvedBy(),
					r.revision().frozenDocuments()));
	}

}
