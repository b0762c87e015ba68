package org.mlgov.console.review.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftAccessDeniedException;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.preview.JsonBody;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.ReviewService;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security review for scripts: the author submits ({@code POST /api/drafts/{id}/submit}), reviewers other than
 * the author approve or reject the revision they read ({@code POST /api/reviews/{id}/approve} and {@code /reject},
 * which name that revision). The same use cases as the pages ({@link ReviewService}); refusals are problem details
 * ({@link ReviewApiErrors}).
 */
@RestController
class ReviewApiController {

	private final ReviewService reviews;

	private final DraftService drafts;

	ReviewApiController(ReviewService reviews, DraftService drafts) {
		this.reviews = reviews;
		this.drafts = drafts;
	}

	/**
	 * Submits a draft: its author only, while it is a DRAFT. {@code version}, if given, is the draft version the
	 * script read (a conflict if it changed since); without it, the stored version is submitted.
	 */
	@PostMapping(path = "/api/drafts/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('ADMIN')")
	SubmissionJson submit(@PathVariable long id, @RequestBody(required = false) String body, Authentication user) {
		JsonBody json = JsonBody.parse(body, "justification", "version");
		String justification = json.text("justification");
		Long version = json.optionalWholeNumber("version");
		json.check();
		Draft draft = this.drafts.getForReading(id);
		if (!draft.author().equals(user.getName())) {
			throw new DraftAccessDeniedException("Only " + draft.author() + ", the author, can submit this draft.");
		}
		if (draft.status() != DraftStatus.DRAFT) {
			throw new IllegalTransitionException("Draft " + id + " is " + draft.status() + ": only a draft being "
					+ "edited (DRAFT) can be submitted" + ((draft.status() == DraftStatus.REJECTED)
							? "; rework it first (POST /drafts/" + id + "/rework)." : "."));
		}
		DraftRevision revision = this.reviews.submit(id, justification, (version != null) ? version : draft.version(),
				user.getName());
		return SubmissionJson.of(this.drafts.getForReading(id), revision);
	}

	@PostMapping(path = "/api/reviews/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('REVIEWER')")
	DecisionJson approve(@PathVariable long id, @RequestBody(required = false) String body, Authentication user) {
		JsonBody json = JsonBody.parse(body, "revision", "comment");
		Integer revision = json.requiredWholeNumber("revision", 1, "the number of the revision you reviewed");
		String comment = json.text("comment");
		json.check();
		return DecisionJson.of(this.reviews.approve(id, revision, comment, user.getName()), revision,
				Decision.Verdict.APPROVED, user.getName());
	}

	@PostMapping(path = "/api/reviews/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('REVIEWER')")
	DecisionJson reject(@PathVariable long id, @RequestBody(required = false) String body, Authentication user) {
		JsonBody json = JsonBody.parse(body, "revision", "reason");
		Integer revision = json.requiredWholeNumber("revision", 1, "the number of the revision you reviewed");
		String reason = json.text("reason");
		json.check();
		return DecisionJson.of(this.reviews.reject(id, revision, reason, user.getName()), revision,
				Decision.Verdict.REJECTED, user.getName());
	}

	/**
	 * A submission: the frozen revision and where the draft is now.
	 *
	 * @param id the draft's id
	 * @param revision the revision's number
	 * @param status the draft's status ({@code SUBMITTED})
	 * @param version the draft's version after the submission
	 * @param documentsSha256 the SHA-256 of the frozen documents: what reviewers approve
	 * @param catalogVersion the catalogue the documents were generated from
	 * @param justification the justification as stored
	 * @param submittedBy who submitted
	 * @param submittedAt when
	 * @param requiredApprovals how many approvals the revision needs
	 * @param links the review page
	 */
	record SubmissionJson(long id, int revision, String status, long version, String documentsSha256,
			String catalogVersion, String justification, String submittedBy, Instant submittedAt,
			int requiredApprovals, Map<String, String> links) {

		static SubmissionJson of(Draft draft, DraftRevision revision) {
			return new SubmissionJson(draft.id(), revision.number(), draft.status().name(), draft.version(),
					revision.documentsSha256(), revision.catalogVersion(), revision.justification(),
					revision.submittedBy(), revision.submittedAt(), draft.requiredApprovals(),
					Map.of("review", "/reviews/" + draft.id()));
		}

	}

	/**
	 * A decision and where the draft is after it.
	 *
	 * @param id the draft's id
	 * @param revision the revision decided on
	 * @param decision {@code APPROVED} or {@code REJECTED}
	 * @param reviewer who decided
	 * @param comment the comment or reason as stored (null for an approval without comment)
	 * @param status the draft's status after the decision
	 * @param version the draft's version after the decision
	 * @param approvals the approvals of the revision so far
	 * @param requiredApprovals how many it needs
	 * @param approvedBy who approved it, oldest first
	 * @param links the review page
	 */
	record DecisionJson(long id, int revision, String decision, String reviewer, String comment, String status,
			long version, int approvals, int requiredApprovals, List<String> approvedBy, Map<String, String> links) {

		static DecisionJson of(Draft draft, int revision, Decision.Verdict verdict, String reviewer) {
			String comment = draft.decisions()
				.stream()
				.filter((d) -> d.revisionNumber() == revision && d.reviewer().equals(reviewer)
						&& d.decision() == verdict)
				.reduce((first, second) -> second)
				.map(Decision::comment)
				.orElse(null);
			List<String> approvedBy = draft.approvals().stream().map(Decision::reviewer).toList();
			return new DecisionJson(draft.id(), revision, verdict.name(), reviewer, comment, draft.status().name(),
					draft.version(), approvedBy.size(), draft.requiredApprovals(), approvedBy,
					Map.of("review", "/reviews/" + draft.id()));
		}

	}

}
