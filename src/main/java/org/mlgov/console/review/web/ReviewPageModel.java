package org.mlgov.console.review.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftNotFoundException;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.web.RoleSummary;
import org.mlgov.console.draft.web.SummaryDocuments;
import org.mlgov.console.draft.web.ViewMemo;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.DraftComment;
import org.mlgov.console.review.DraftCommentRepository;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.DraftRevisionRepository;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.LiveComparisonService;
import org.mlgov.console.review.RevisionComparison;
import org.mlgov.console.web.CurrentRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the review page shows: the frozen revision, its findings by statement, the decisions and the comments. */
@Component
class ReviewPageModel {

	private final DraftRevisionRepository revisions;

	private final DraftCommentRepository comments;

	private final LiveComparisonService live;

	private final Catalog catalog;

	ReviewPageModel(DraftRevisionRepository revisions, DraftCommentRepository comments, LiveComparisonService live,
			Catalog catalog) {
		this.revisions = revisions;
		this.comments = comments;
		this.live = live;
		this.catalog = catalog;
	}

	/** The revisions of a draft, oldest first as stored. */
	List<DraftRevision> revisions(long draftId) {
		return this.revisions.findByDraft(draftId);
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
		RevisionView view = view(revision);
		FrozenDocuments documents = view.documents();
		boolean reviewer = holds(user, "ROLE_REVIEWER");
		boolean admin = holds(user, "ROLE_ADMIN");
		boolean isAuthor = draft.author().equals(user.getName());
		String contextPath = CurrentRequest.contextPath();
		model.addAttribute("draft", draft);
		model.addAttribute("revision", revision);
		model.addAttribute("revisions", all);
		model.addAttribute("documents", documents);
		// The same plain-language summary and document cards as the author's step 6, from the frozen revision.
		model.addAttribute("summary", view.summary());
		model.addAttribute("docs", view.docs());
		model.addAttribute("documentsUrl", "/reviews/" + draft.id() + "/revisions/" + number + "/documents");
		model.addAttribute("findings", view.findings());
		model.addAttribute("frozenPart", new FrozenPart(view, draft.id(), number, contextPath));
		model.addAttribute("intact", view.intact());
		model.addAttribute("current", draft.currentRevision() != null && draft.currentRevision() == number);
		model.addAttribute("canDecide", reviewer && draft.isDecidableBy(user.getName())
				&& draft.currentRevision() != null && draft.currentRevision() == number);
		model.addAttribute("isAuthor", isAuthor);
		model.addAttribute("noDecision", whyNoDecision(draft, number, reviewer, user.getName()));
		model.addAttribute("decisions", draft.decisions());
		model.addAttribute("viewerIsReviewer", reviewer);
		model.addAttribute("viewerIsAdmin", admin);
		List<DraftComment> comments = this.comments.findByDraft(draft.id());
		model.addAttribute("comments", comments);
		model.addAttribute("canComment", isAuthor || reviewer);
		// The top and the comments are kept as markup by what they show (ReviewTop, ReviewComments), unless the
		// page shows what was just done on it: those flash attributes are only ever on one showing.
		model.addAttribute("topPart", anyIn(model, TOP_FLASH) ? null
				: ReviewTop.of(draft, revision, view.intact(), documents.blocked(), all, user.getName(), reviewer,
						admin, contextPath));
		model.addAttribute("commentsPart", anyIn(model, COMMENTS_FLASH) ? null
				: new ReviewComments(draft.id(), List.copyOf(comments), isAuthor || reviewer, contextPath));
		model.addAttribute("live", this.live.compare(revision, view.content(), documents));
		RoleSpec spec = view.content().spec();
		model.addAttribute("baseline", this.revisions.lastApprovedForRole(spec.accountId(), documents.role().name(),
				draft.id())
			.map((approved) -> new Baseline(approved, RevisionComparison.between(view(approved).documents(), documents)))
			.orElse(null));
		model.addAttribute("sincePrevious", all.stream()
			.filter((r) -> r.number() == number - 1)
			.findFirst()
			.map((previous) -> new Baseline(previous, RevisionComparison.between(view(previous).documents(), documents)))
			.orElse(null));
	}

	/** The flash attributes the top of the page shows: a message, a refused decision and what was typed. */
	private static final List<String> TOP_FLASH = List.of("message", "approveError", "typedApproval", "reasonError",
			"typedReason");

	/** The flash attributes the comments section shows: a refused comment and what was typed. */
	private static final List<String> COMMENTS_FLASH = List.of("commentError", "typedComment");

	private static boolean anyIn(Model model, List<String> names) {
		return names.stream().anyMatch(model::containsAttribute);
	}

	private static boolean holds(Authentication user, String authority) {
		return user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals(authority));
	}

	/** How many revisions the memo keeps the views of. */
	static final int MEMO_SIZE = 64;

	/**
	 * What the page reads from a revision's stored text: parsed once per text, not on every request (the review page
	 * of a large role parsed its documents four times). A revision never changes, and when its stored text or its
	 * recorded hash is changed behind the console's back the key changes with it, so {@link DraftRevision#intact()}
	 * is worked out again for the text as stored. The views are read-only: templates only read them.
	 */
	private final ViewMemo<RevisionKey, RevisionView> memo = new ViewMemo<>(MEMO_SIZE);

	private RevisionView view(DraftRevision revision) {
		return this.memo.get(new RevisionKey(revision.content(), revision.documents(), revision.documentsSha256()), (key) -> {
			FrozenDocuments documents = revision.frozenDocuments();
			DraftContent content = revision.draftContent();
			return new RevisionView(documents, content, RoleSummary.of(content, facts(documents), this.catalog),
					documentsOf(documents),
					documents.findings()
						.stream()
						.sorted(Comparator.comparing((Finding f) -> f.severity().ordinal()).reversed())
						.toList(),
					revision.intact());
		});
	}

	/**
	 * The key of the parts of the page that show the frozen revision alone (its summary, findings and documents),
	 * rendered once per key through {@code #rendered.page} (see {@code web.RenderedFragments}): the revision's view
	 * from the memo (compared by identity: the same view object is the same stored text; a view read again after it
	 * left the memo renders anew), the draft and revision the links name, and the context path they start with.
	 */
	record FrozenPart(Object view, long draftId, int number, String contextPath) {

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof FrozenPart that && this.view == that.view
					&& this.draftId == that.draftId && this.number == that.number
					&& this.contextPath.equals(that.contextPath));
		}

		@Override
		public int hashCode() {
			return 31 * (31 * System.identityHashCode(this.view) + Long.hashCode(this.draftId)) + this.number;
		}

	}

	/**
	 * A revision's stored text: its content, its documents and their recorded hash, as stored. Compared in full (the
	 * record's equals); its hash code is made of the recorded hash and the texts' lengths, not of the texts: they are
	 * read anew on every showing, and {@code String.hashCode} over them (a hundred kilobytes and more for a large
	 * role, one character at a time) was 5% of the review page's samples in a profile, where comparing them with the
	 * kept key is one vectorised compare.
	 */
	private record RevisionKey(String content, String documents, String documentsSha256) {

		@Override
		public int hashCode() {
			return 31 * (31 * Objects.hashCode(this.documentsSha256) + length(this.content)) + length(this.documents);
		}

		private static int length(String text) {
			return (text != null) ? text.length() : 0;
		}

	}

	/** What the page shows of a revision, read from its stored text ({@code intact}: the hash still matches). */
	private record RevisionView(FrozenDocuments documents, DraftContent content, List<RoleSummary.Line> summary,
			SummaryDocuments docs, List<Finding> findings, boolean intact) {
	}

	/**
	 * An earlier revision the review compares with, and how the revision under review differs from it.
	 *
	 * @param revision the earlier revision
	 * @param comparison the differences
	 */
	record Baseline(DraftRevision revision, RevisionComparison comparison) {
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

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** The documents of a revision as the author's step 6 shows and downloads them. */
	SummaryDocuments documents(DraftRevision revision) {
		return view(revision).docs();
	}

	private static SummaryDocuments documentsOf(FrozenDocuments d) {
		FrozenDocuments.BedrockRole bedrock = d.bedrockRole();
		boolean created = bedrock != null && bedrock.create();
		return SummaryDocuments.frozen(d.role().name(), d.role().trustPolicyJson(), d.role().trustPolicySize(),
				d.role().trustPolicyQuota(),
				d.policies().stream()
					.map((p) -> new SummaryDocuments.FrozenPolicy(p.name(), "INLINE".equals(p.kind()), p.json(),
							p.size(), p.quota()))
					.toList(),
				created ? bedrock.name() : null, created ? bedrock.trustPolicyJson() : null, d.canvasAppSettingsJson(),
				d.cors().stream().map((c) -> new SummaryDocuments.FrozenCors(c.bucket(), c.purpose(), c.json())).toList(),
				d.findings());
	}

	/** What the summary sentences need, read from the frozen documents. */
	static RoleSummary.Facts facts(FrozenDocuments d) {
		List<String> services = new java.util.ArrayList<>();
		for (JsonNode statement : MAPPER.readTree(d.role().trustPolicyJson()).path("Statement")) {
			JsonNode service = statement.path("Principal").path("Service");
			if (service.isArray()) {
				service.forEach((s) -> services.add(s.asString()));
			}
			else if (!service.isMissingNode()) {
				services.add(service.asString());
			}
		}
		FrozenDocuments.BedrockRole bedrock = d.bedrockRole();
		return new RoleSummary.Facts(d.role().name(), d.role().path(), d.role().permissionsBoundaryArn(), services,
				(int) d.policies().stream().filter((p) -> "INLINE".equals(p.kind())).count(),
				(int) d.policies().stream().filter((p) -> !"INLINE".equals(p.kind())).count(),
				d.awsManagedPolicyArns().size(), (bedrock == null) ? null : bedrock.create(),
				(bedrock == null) ? null : bedrock.name(), (bedrock == null) ? null : bedrock.arn());
	}

}
