package org.mlgov.console.review.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftNotFoundException;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.DraftCommentRepository;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.DraftRevisionRepository;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.LiveComparisonService;
import org.mlgov.console.review.RevisionComparison;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the review page shows: the frozen revision, its findings by statement, the decisions and the comments. */
@Component
class ReviewPageModel {

	private final DraftRevisionRepository revisions;

	private final DraftCommentRepository comments;

	private final LiveComparisonService live;

	ReviewPageModel(DraftRevisionRepository revisions, DraftCommentRepository comments, LiveComparisonService live) {
		this.revisions = revisions;
		this.comments = comments;
		this.live = live;
	}

	void fill(Draft draft, Integer requestedRevision, Model model, Authentication user) {
		List<DraftRevision> all = this.revisions.findByDraft(draft.id());
		if (all.isEmpty()) {
			throw new DraftNotFoundException(draft.id());
		}
		int number = (requestedRevision != null) ? requestedRevision
				: (draft.currentRevision() != null) ? draft.currentRevision() : all.get(0).number();
		DraftRevision revision = all.stream()
			.filter((r) -> r.number() == number)
			.findFirst()
			.orElseThrow(() -> new DraftNotFoundException(draft.id()));
		FrozenDocuments documents = revision.frozenDocuments();
		boolean reviewer = user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_REVIEWER"));
		model.addAttribute("draft", draft);
		model.addAttribute("revision", revision);
		model.addAttribute("revisions", all);
		model.addAttribute("documents", documents);
		model.addAttribute("findingsBySid", findingsBySid(documents.findings()));
		model.addAttribute("findings", documents.findings()
			.stream()
			.sorted(Comparator.comparing((Finding f) -> f.severity().ordinal()).reversed())
			.toList());
		model.addAttribute("intact", revision.intact());
		model.addAttribute("current", draft.currentRevision() != null && draft.currentRevision() == number);
		model.addAttribute("canDecide", reviewer && draft.isDecidableBy(user.getName())
				&& draft.currentRevision() != null && draft.currentRevision() == number);
		model.addAttribute("isAuthor", draft.author().equals(user.getName()));
		model.addAttribute("noDecision", whyNoDecision(draft, number, reviewer, user.getName()));
		model.addAttribute("decisions", draft.decisions());
		model.addAttribute("comments", this.comments.findByDraft(draft.id()));
		model.addAttribute("live", this.live.compare(revision));
		RoleSpec spec = revision.draftContent().spec();
		model.addAttribute("baseline", this.revisions.lastApprovedForRole(spec.accountId(), documents.role().name(),
				draft.id())
			.map((approved) -> new Baseline(approved, RevisionComparison.between(approved.frozenDocuments(), documents)))
			.orElse(null));
		model.addAttribute("sincePrevious", all.stream()
			.filter((r) -> r.number() == number - 1)
			.findFirst()
			.map((previous) -> new Baseline(previous, RevisionComparison.between(previous.frozenDocuments(), documents)))
			.orElse(null));
	}

	/**
	 * An earlier revision the review compares with, and how the revision under review differs from it.
	 *
	 * @param revision the earlier revision
	 * @param comparison the differences
	 */
	record Baseline(DraftRevision revision, RevisionComparison comparison) {
	}

	private static Map<String, List<Finding>> findingsBySid(List<Finding> findings) {
		return findings.stream()
			.filter((f) -> f.sid() != null)
			.collect(Collectors.groupingBy((f) -> f.document() + "/" + f.sid(), TreeMap::new, Collectors.toList()));
	}

	/**
	 * Why the page has no decision panel for this person, in their words, or null when it has one (or when the author
	 * reads their own submitted draft, which the page says on its own).
	 */
	static String whyNoDecision(Draft draft, int number, boolean reviewer, String user) {
		boolean current = draft.currentRevision() != null && draft.currentRevision() == number;
		boolean author = draft.author().equals(user);
		if (!current) {
			return "This is revision " + number + ", an earlier one: decisions are made on the current revision "
					+ draft.currentRevision() + ".";
		}
		if (draft.status() != DraftStatus.SUBMITTED) {
			return "Revision " + number + " is " + draft.status().name().toLowerCase(java.util.Locale.ROOT)
					+ ": there is nothing left to decide on it.";
		}
		if (author) {
			return null;
		}
		if (!reviewer) {
			return "Only security reviewers approve or reject a submitted role, and never their own. You can read "
					+ "the revision, its findings and what would change in AWS here.";
		}
		if (draft.approvals().stream().anyMatch((d) -> d.reviewer().equals(user))) {
			return "You approved revision " + number + " already: each further approval comes from another reviewer ("
					+ draft.approvals().size() + " of " + draft.requiredApprovals() + " so far).";
		}
		return null;
	}

}
