package org.mlgov.console.review;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.web.ReviewComments;
import org.mlgov.console.review.web.ReviewTop;
import org.mlgov.console.web.RenderedFragments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The security review through the web layer: submit, queue, four-eyes, approve, reject with reason, rework. */
@ConsoleTest
class ReviewWorkflowWebTests {

	static final RequestPostProcessor AUTHOR = user("admin").roles("ADMIN", "REVIEWER");

	static final RequestPostProcessor REVIEWER = user("reviewer").roles("REVIEWER");

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	DraftRepository repository;

	@Autowired
	DraftRevisionRepository revisions;

	@Autowired
	AuditEventRepository audit;

	@Autowired
	DraftCommentRepository comments;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	RenderedFragments pages;

	/** A draft of "admin" that went through every step with a valid specification. */
	Draft finishedDraft(String name) {
		Draft draft = this.drafts.start(name, "admin");
		DraftContent content = new DraftContent(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123def456", true, List.of()));
		for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS, WizardStep.CANVAS,
				WizardStep.COLLABORATION)) {
			draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
		}
		return draft;
	}

	MvcResult submit(Draft draft, String justification) throws Exception {
		return this.mvc.perform(post("/drafts/{id}/submit", draft.id()).with(csrf()).with(AUTHOR)
			.param("justification", justification)
			.param("version", String.valueOf(draft.version()))).andReturn();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void submittingFreezesARevisionAndPutsTheDraftInTheQueue() throws Exception {
		Draft draft = finishedDraft("To review");
		MvcResult result = submit(draft, "Fraud team needs Canvas with Claude");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reviews/" + draft.id());
		Draft submitted = this.repository.findById(draft.id()).orElseThrow();
		assertThat(submitted.status()).isEqualTo(DraftStatus.SUBMITTED);
		DraftRevision revision = this.revisions.find(draft.id(), 1).orElseThrow();
		assertThat(revision.justification()).isEqualTo("Fraud team needs Canvas with Claude");
		assertThat(revision.intact()).isTrue();
		assertThat(revision.frozenDocuments().role().trustPolicyJson()).contains("sagemaker.amazonaws.com");
		Document queue = Jsoup.parse(this.mvc.perform(get("/reviews").with(REVIEWER)).andReturn().getResponse()
			.getContentAsString());
		assertThat(queue.select("tr[data-draft-id=" + draft.id() + "]").text()).contains("To review", "admin",
				"Fraud team needs Canvas with Claude", "0 of 1");
		Document review = reviewPage(draft);
		assertThat(review.select("#decision h2").text()).isEqualTo("Your decision on revision 1 (0 of 1 approval so far)");
		// The draft is frozen: its steps can no longer be saved.
		MvcResult edit = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf()).with(AUTHOR)
			.param("version", String.valueOf(submitted.version())).param("roleName", "Changed")).andReturn();
		assertThat(edit.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aSubmissionWithoutJustificationOrWithBlockingFindingsIsRefusedWithTheReason() throws Exception {
		Draft draft = finishedDraft("Refused");
		MvcResult result = submit(draft, "  ");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/review");
		assertThat(result.getFlashMap().get("submitErrors")).asString().contains("justification");
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(this.revisions.findByDraft(draft.id())).isEmpty();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aDraftOverAnIamQuotaIsRefusedWithEachBlockingFindingWhereTheAuthorWouldSubmit() throws Exception {
		List<String> models = IntStream.range(0, 250)
			.mapToObj((i) -> "acme.an-extremely-long-model-identifier-that-is-unusual-" + String.format("%03d", i) + "-v1:0")
			.toList();
		RoleSpec overQuota = TestSpecs.custom("SageMaker-Quota")
			.activities(List.of())
			.bedrock(new RoleSpec.ModelAccess(RoleSpec.AccessMode.ALLOW_LISTED, models, null, false))
			.build();
		Draft draft = new ReviewFixtures(this.drafts, this.reviews).finished("admin", "Over quota", overQuota);
		Document before = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR))
			.andReturn().getResponse().getContentAsString());
		assertThat(before.select("#submission #submit-form")).isEmpty();
		assertThat(before.select("#submission #blocking-findings li")).singleElement().satisfies((li) -> {
			assertThat(li.select("code").first().text()).isEqualTo("QUOTA_EXCEEDED");
			assertThat(li.select(".blocking-document").text()).isEqualTo("SageMaker-Quota-permissions-1");
			assertThat(li.text()).contains("has 26052 characters; IAM allows 6144");
		});

		MvcResult refused = submit(draft, "Fraud team needs every acme model");

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/review");
		Document after = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR)
			.flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString());
		assertThat(after.select("#submission #submit-errors li").eachText()).singleElement()
			.asString()
			.isEqualTo("QUOTA_EXCEEDED in SageMaker-Quota-permissions-1: The managed policy "
					+ "SageMaker-Quota-permissions-1 has 26052 characters; IAM allows 6144. Shorten the model or "
					+ "resource lists.");
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(this.jdbcTemplate.queryForObject("select count(*) from draft_revision where draft_id = ?",
				Long.class, draft.id())).isZero();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theWizardReviewPageSubmitsAndShowsARefusalNextToTheJustificationWithWhatWasTyped() throws Exception {
		Draft draft = finishedDraft("Submit form");
		Document page = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR))
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#submit-form").attr("action")).isEqualTo("/drafts/" + draft.id() + "/submit");
		assertThat(page.select("#submit-form input[name=version]").val()).isEqualTo(String.valueOf(draft.version()));
		assertThat(page.select("#submit-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("#submit-errors")).isEmpty();

		MvcResult refused = submit(draft, "   ");
		Document again = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR)
			.flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString());
		assertThat(again.select("#justification").hasClass("is-invalid")).isTrue();
		assertThat(again.select("#submit-errors").text()).isEqualTo("Give a justification of 1 to 2,000 characters.");
		assertThat(again.select("#justification").text()).isEmpty();

		String tooLong = "x".repeat(2001);
		MvcResult long2 = submit(draft, tooLong);
		Document kept = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR)
			.flashAttrs(long2.getFlashMap())).andReturn().getResponse().getContentAsString());
		assertThat(kept.select("#justification").text()).isEqualTo(tooLong);

		submit(draft, "Needed by the fraud team");
		Document submitted = Jsoup.parse(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()).with(AUTHOR))
			.andReturn().getResponse().getContentAsString());
		assertThat(submitted.select("#submission")).isEmpty();
		assertThat(submitted.select("#under-review").text()).contains("submitted", "open its review");
		assertThat(submitted.select("#under-review a").attr("href")).isEqualTo("/reviews/" + draft.id());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theAuthorCannotApproveTheirOwnDraftEvenWithTheReviewerRole() throws Exception {
		Draft draft = finishedDraft("Four eyes");
		submit(draft, "please");
		MvcResult approve = this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(AUTHOR))
			.andReturn();
		assertThat(approve.getResponse().getStatus()).isEqualTo(403);
		Document refused = Jsoup.parse(approve.getResponse().getContentAsString());
		assertThat(refused.select("#reason").text()).isEqualTo("You wrote this draft; another reviewer must decide.");
		assertThat(refused.text()).doesNotContain("none of your roles");
		MvcResult reject = this.mvc.perform(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(csrf()).with(AUTHOR)
			.param("reason", "mine")).andReturn();
		assertThat(reject.getResponse().getStatus()).isEqualTo(403);
		assertThat(Jsoup.parse(reject.getResponse().getContentAsString()).select("#reason").text())
			.isEqualTo("You wrote this draft; another reviewer must decide.");
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.SUBMITTED);
		Document page = Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id()).with(AUTHOR)).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.select("#decision")).isEmpty();
		assertThat(page.select("#own-draft").text()).contains("Nobody approves their own draft");
		assertThat(page.select("#no-decision")).isEmpty();

		// Another administrator reads the page: it says why there is no decision panel.
		Document other = Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id())
			.with(user("admin2").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
		assertThat(other.select("#decision")).isEmpty();
		assertThat(other.select("#no-decision").text()).isEqualTo("Only security reviewers approve or reject a "
				+ "submitted role, and never their own. You can read the revision, its findings and what would change "
				+ "in AWS here.");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aReviewerApprovesTheFrozenRevision() throws Exception {
		Draft draft = finishedDraft("Approve me");
		submit(draft, "ok?");
		Document page = reviewPage(draft);
		assertThat(page.select("#approve")).hasSize(1);
		// The author's summary and document cards: statement by statement, laid out as the generator prints them.
		assertThat(page.select("#summary-role").text()).startsWith("Creates role ");
		assertThat(page.select("#documents #json-trust-policy").text()).contains("sagemaker.amazonaws.com");
		assertThat(page.select("#documents .document-kind").eachText()).isNotEmpty()
			.contains("Trust policy")
			.contains("Inline policy", "Customer managed policy", "Bedrock role trust policy", "SageMaker Canvas settings");
		String statement = page.select("#documents .statement pre").get(0).wholeText();
		assertThat(statement).startsWith("{\n  \"Sid\": \"").doesNotContain("\"Sid\" :");
		assertThat(page.select("#documents a.download").eachAttr("href"))
			.contains("/reviews/" + draft.id() + "/revisions/1/documents/trust-policy");
		assertThat(page.select("#download-all").attr("href"))
			.isEqualTo("/reviews/" + draft.id() + "/revisions/1/documents.zip");
		org.springframework.mock.web.MockHttpServletResponse trustFile = this.mvc
			.perform(get("/reviews/{id}/revisions/1/documents/trust-policy", draft.id()).with(REVIEWER))
			.andReturn()
			.getResponse();
		assertThat(trustFile.getHeader("Content-Disposition")).matches("attachment; filename=\".+-trust-policy\\.json\"");
		assertThat(trustFile.getContentAsString()).isEqualTo(page.select("#json-trust-policy").get(0).wholeText());
		assertThat(this.mvc.perform(get("/reviews/{id}/revisions/1/documents.zip", draft.id()).with(REVIEWER))
			.andReturn().getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(page.select("#intact").text()).contains("unchanged");
		assertThat(page.select(".statement-findings").text()).contains("VPC_NOT_BINDABLE");
		// AWS access is off in the tests (console.aws.enabled=false): one notice says so instead of one per read.
		assertThat(page.select("#live-not-configured").text()).isEqualTo("AWS access is not configured, so nothing "
				+ "was read from AWS and this section cannot show what would change there. AWS access is switched "
				+ "off for this console: whoever runs the console can turn it on.");
		assertThat(page.select("#live .alert")).hasSize(1);
		assertThat(page.select("#live-role, #live .read-problem")).isEmpty();
		assertThat(page.select("#live").text()).doesNotContain("was not sent");
		this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER).param("comment", "Fine."));
		Draft approved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(this.audit.findByActor("reviewer", 20)).filteredOn((event) -> event.action().equals("DRAFT_APPROVED"))
			.first()
			.satisfies((event) -> {
				assertThat(event.draftId()).isEqualTo(draft.id());
				assertThat(event.draftVersion()).isEqualTo(approved.version());
				assertThat(event.detail()).startsWith("revision 1");
			});
		// Approving again is an illegal transition: 409, nothing changes.
		MvcResult again = this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf())
			.with(user("reviewer2").roles("REVIEWER"))).andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aRevisionWhoseStoredDocumentsWereChangedIsNotApproved() throws Exception {
		Draft draft = finishedDraft("Tampered");
		submit(draft, "tamper test");
		int changed = this.jdbcTemplate.update("update draft_revision set documents = replace(documents, "
				+ "'sagemaker.amazonaws.com', 'attacker.example.com') where draft_id = ? and number = 1", draft.id());
		assertThat(changed).isEqualTo(1);
		Document page = reviewPage(draft);
		assertThat(page.select("#tampered").text()).contains("no longer match their SHA-256");

		MvcResult approve = this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("comment", "looks fine")).andReturn();

		assertThat(approve.getResponse().getStatus()).isEqualTo(409);
		assertThat(Jsoup.parse(approve.getResponse().getContentAsString()).select("#tampered-revision").text())
			.contains("The stored documents of revision 1 of draft " + draft.id()
					+ " no longer match the SHA-256 recorded when it was submitted", "Nothing was approved.");
		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(stored.decisions()).isEmpty();
		List<AuditEvent> trail = this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 50);
		assertThat(trail).extracting(AuditEvent::action).doesNotContain("DRAFT_APPROVED", "DRAFT_APPROVAL_RECORDED");
		// The refusal itself is in the trail, with who tried and which revision, although the request failed.
		assertThat(trail).filteredOn((event) -> event.action().equals("APPROVAL_REFUSED"))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.actor()).isEqualTo("reviewer");
				assertThat(event.draftRevision()).isEqualTo(1);
				assertThat(event.detail()).startsWith("revision 1: stored documents no longer match SHA-256 ");
			});

		// Rejecting it stays possible: that sends nothing anywhere.
		this.mvc.perform(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("reason", "The stored revision was changed"));
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aRecordedHashChangedAfterThePageWasShownIsNoticedOnTheNextShowing() throws Exception {
		// The page keeps what it read from a revision's stored text (ReviewPageModel's memo): the recorded hash is
		// part of what it is kept by, so changing only the hash is noticed as well.
		noticedOnTheNextShowing("Hash changed", "update draft_revision set documents_sha256 = '" + "0".repeat(64)
				+ "' where draft_id = ?");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void storedDocumentsChangedToTextOfTheSameLengthAfterThePageWasShownAreNoticedOnTheNextShowing() throws Exception {
		// The memo's key hashes only the recorded hash and the texts' lengths (ReviewPageModel.RevisionKey): a change
		// that keeps both lands in the same bucket and must still be told apart by the texts themselves.
		assertThat("attackers.amazonaws.com").hasSameSizeAs("sagemaker.amazonaws.com");
		noticedOnTheNextShowing("Same length", "update draft_revision set documents = replace(documents, "
				+ "'sagemaker.amazonaws.com', 'attackers.amazonaws.com') where draft_id = ? and number = 1");
	}

	/**
	 * A submitted draft's review page shows no tampering; {@code update} (one row, the draft's id its parameter)
	 * changes the stored revision behind the console's back; the next showing says the documents no longer match.
	 */
	private void noticedOnTheNextShowing(String name, String update) throws Exception {
		Draft draft = finishedDraft(name);
		submit(draft, name);
		assertThat(reviewPage(draft).select("#tampered")).isEmpty();
		assertThat(this.jdbcTemplate.update(update, draft.id())).isEqualTo(1);
		assertThat(reviewPage(draft).select("#tampered").text()).contains("no longer match their SHA-256");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void rejectionNeedsAReasonComesBackToTheAuthorAndReworkMakesANewRevision() throws Exception {
		Draft draft = finishedDraft("Reject me");
		submit(draft, "first try");
		MvcResult noReason = this.mvc.perform(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("reason", " ")).andReturn();
		assertThat(noReason.getFlashMap().get("reasonError")).isNotNull();
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.SUBMITTED);
		this.mvc.perform(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("reason", "Allow list too wide"));
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED);
		Document page = Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id()).with(AUTHOR)).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.select(".decision-comment").text()).contains("Allow list too wide");
		assertThat(page.select("#rework")).hasSize(1);
		Document myDrafts = Jsoup.parse(this.mvc.perform(get("/drafts").with(AUTHOR)).andReturn().getResponse()
			.getContentAsString());
		assertThat(myDrafts.select("tr[data-draft-id=" + draft.id() + "] .draft-status").text())
			.contains("REJECTED", "Rejected by reviewer: Allow list too wide");
		this.mvc.perform(post("/drafts/{id}/rework", draft.id()).with(csrf()).with(AUTHOR));
		Draft reworked = this.repository.findById(draft.id()).orElseThrow();
		assertThat(reworked.status()).isEqualTo(DraftStatus.DRAFT);
		submit(reworked, "second try");
		assertThat(this.revisions.findByDraft(draft.id())).extracting(DraftRevision::number).containsExactly(2, 1);
		assertThat(this.repository.findById(draft.id()).orElseThrow().currentRevision()).isEqualTo(2);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theTopAndTheCommentsAreKeptByWhatTheyShowAndWhoReadsThem() throws Exception {
		Draft draft = finishedDraft("Kept top");
		submit(draft, "kept?");
		MvcResult first = show(draft, REVIEWER);
		Object top = first.getModelAndView().getModel().get("topPart");
		Object discussion = first.getModelAndView().getModel().get("commentsPart");
		assertThat(top).isInstanceOf(ReviewTop.class);
		assertThat(discussion).isInstanceOf(ReviewComments.class);
		assertThat(this.pages.keptPage("reviews/review", "top", Locale.ENGLISH, top)).isNotNull();
		assertThat(this.pages.keptPage("reviews/review", "comments", Locale.ENGLISH, discussion)).isNotNull();
		Document reviewer = page(first);
		assertThat(reviewer.select("#approve")).hasSize(1);
		assertThat(reviewer.select("#own-draft, #push")).isEmpty();
		assertThat(reviewer.select(".breadcrumb a").eachText()).containsExactly("Review queue");
		assertThat(reviewer.select("#comments .comment-body")).isEmpty();

		// The author reads the same revision with other roles: their own top, not the reviewer's kept one.
		Document author = page(show(draft, AUTHOR));
		assertThat(author.select("#approve")).isEmpty();
		assertThat(author.select("#own-draft")).hasSize(1);
		assertThat(author.select(".breadcrumb a").eachText()).containsExactly("Review queue", "My drafts");

		// The reviewer's again: the kept markup, each form with this request's own CSRF token.
		MvcResult again = show(draft, REVIEWER);
		CsrfToken token = (CsrfToken) again.getRequest().getAttribute(CsrfToken.class.getName());
		assertThat(page(again).select("#approve-form input[name=_csrf], #reject-form input[name=_csrf], "
				+ "#comments form input[name=_csrf]").eachAttr("value")).containsExactly(token.getToken(),
						token.getToken(), token.getToken());
		assertThat(withoutTokens(again)).isEqualTo(withoutTokens(first));

		// A comment and a decision show at once.
		this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(REVIEWER)
			.param("body", "Looks narrow enough."));
		assertThat(page(show(draft, REVIEWER)).select("#comments .comment-body").eachText())
			.containsExactly("Looks narrow enough.");
		this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf())
			.with(user("reviewer2").roles("REVIEWER")).param("comment", "Fine by me."));
		Document decided = page(show(draft, REVIEWER));
		assertThat(decided.select("#status").text()).isEqualTo("APPROVED");
		assertThat(decided.select("#approve")).isEmpty();
		assertThat(decided.select("#no-decision").text()).isEqualTo("Revision 1 is approved: there is nothing left "
				+ "to decide on it.");
		assertThat(decided.select("#decisions .decision-comment").eachText()).containsExactly("Fine by me.");
		assertThat(page(show(draft, AUTHOR)).select("#plan-and-push")).hasSize(1);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aPageThatShowsWhatWasJustDoneIsRenderedAsItIsAndNotKept() throws Exception {
		Draft draft = finishedDraft("Just done");
		submit(draft, "flash?");
		String kept = page(show(draft, REVIEWER)).select("#decision").outerHtml();
		MvcResult refused = this.mvc.perform(get("/reviews/{id}", draft.id()).with(REVIEWER)
			.flashAttr("message", "Your approval is recorded.")
			.flashAttr("reasonError", "Say why.")
			.flashAttr("typedReason", "typed <b>so far</b>")
			.flashAttr("commentError", "Too long.")
			.flashAttr("typedComment", "a comment typed")).andReturn();
		assertThat(refused.getModelAndView().getModel()).containsEntry("topPart", null).containsEntry("commentsPart", null);
		Document page = page(refused);
		assertThat(page.select("#message").text()).isEqualTo("Your approval is recorded.");
		assertThat(page.select("#reason-error").text()).isEqualTo("Say why.");
		assertThat(page.select("#reason").val()).isEqualTo("typed <b>so far</b>");
		assertThat(page.select("#comment-error").text()).isEqualTo("Too long.");
		assertThat(page.select("#comment-body").val()).isEqualTo("a comment typed");

		// The next showing is the kept one again, with none of it.
		Document next = page(show(draft, REVIEWER));
		assertThat(next.select("#message, #reason-error, #comment-error")).isEmpty();
		assertThat(next.select("#reason").val()).isEmpty();
		assertThat(next.select("#decision").outerHtml().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
			.isEqualTo(kept.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void authorAndReviewerComment() throws Exception {
		Draft draft = finishedDraft("Discuss");
		submit(draft, "please look");
		this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(REVIEWER)
			.param("body", "Why PassRole?"));
		this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(AUTHOR)
			.param("body", "For the compute role."));
		Document page = reviewPage(draft);
		assertThat(page.select(".comment-body").eachText()).containsExactly("Why PassRole?", "For the compute role.");
		MvcResult other = this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf())
			.with(user("admin2").roles("ADMIN")).param("body", "drive-by")).andReturn();
		assertThat(other.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void nobodyCommentsOnADraftThatWasNeverSubmitted() throws Exception {
		Draft draft = finishedDraft("Not yet");
		for (RequestPostProcessor who : List.of(AUTHOR, REVIEWER)) {
			MvcResult refused = this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(who)
				.param("body", "early word")).andReturn();
			assertThat(refused.getResponse().getStatus()).isEqualTo(409);
			assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#illegal-transition").text())
				.contains("Comments are about a submitted revision, and this draft has not been submitted yet.");
		}
		assertThat(this.comments.findByDraft(draft.id())).isEmpty();
		assertThat(this.audit.search(new AuditQuery(null, draft.id(), AuditAction.DRAFT_COMMENTED, null, null), 0, 10))
			.isEmpty();
	}

	/** Who may do what is {@link ReviewAuthorizationMatrixTests}; here, that no form post works without its token. */
	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void everyReviewPostNeedsTheCsrfToken() throws Exception {
		Draft draft = finishedDraft("No token");
		assertThat(status(post("/drafts/{id}/submit", draft.id()).with(AUTHOR).param("justification", "x")
			.param("version", String.valueOf(draft.version())))).isEqualTo(403);
		submit(draft, "with token");
		assertThat(status(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(REVIEWER))).isEqualTo(403);
		assertThat(status(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(REVIEWER).param("reason", "x"))).isEqualTo(403);
		assertThat(status(post("/reviews/{id}/comments", draft.id()).with(REVIEWER).param("body", "x"))).isEqualTo(403);
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(this.comments.findByDraft(draft.id())).isEmpty();
	}

	private MvcResult show(Draft draft, RequestPostProcessor who) throws Exception {
		MvcResult result = this.mvc.perform(get("/reviews/{id}", draft.id()).with(who)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result;
	}

	private static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** The page's main part with the CSRF tokens' values left out (each request has its own). */
	private static String withoutTokens(MvcResult result) throws Exception {
		return page(result).select("main").outerHtml().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private int status(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	/** The review page of a draft as a reviewer sees it. */
	private Document reviewPage(Draft draft) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id()).with(REVIEWER))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
