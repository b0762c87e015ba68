package org.mlgov.console.review;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.StaleRevisionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A decision is bound to the revision the reviewer read: the forms carry the revision shown, and a decision about a
 * revision that is no longer the current one is refused with a 409 page that says so, changing nothing.
 */
@ConsoleTest
class StaleRevisionWebTests {

	static final RequestPostProcessor REVIEWER = user("reviewer").roles("REVIEWER");

	static final RequestPostProcessor OTHER_REVIEWER = user("reviewer2").roles("REVIEWER");

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
	JdbcTemplate jdbc;

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	/**
	 * The reported case: a reviewer opens revision 1; meanwhile another reviewer rejects it and the author reworks and
	 * resubmits revision 2; the first reviewer's click says "I read revision 1".
	 */
	private Draft resubmittedWhileOpen(String name) throws Exception {
		Draft draft = this.fixtures.submitted("admin", name);
		Document open = page(draft, REVIEWER);
		assertThat(open.select("#approve-form input[type=hidden][name=revision]").val()).isEqualTo("1");
		assertThat(open.select("#reject-form input[type=hidden][name=revision]").val()).isEqualTo("1");
		ReviewFixtures.as("reviewer2", () -> this.reviews.reject(draft.id(), 1, "Narrow the buckets", "reviewer2"),
				"REVIEWER");
		Draft reworked = ReviewFixtures.as("admin", () -> this.reviews.rework(draft.id(), "admin"), "ADMIN");
		ReviewFixtures.as("admin", () -> this.reviews.submit(draft.id(), "Buckets narrowed", reworked.version(),
				"admin"), "ADMIN");
		Draft resubmitted = this.repository.findById(draft.id()).orElseThrow();
		assertThat(resubmitted.currentRevision()).isEqualTo(2);
		assertThat(resubmitted.status()).isEqualTo(DraftStatus.SUBMITTED);
		return resubmitted;
	}

	@Test
	void anApprovalOfTheRevisionReadIsRefusedOnceAnotherRevisionWasSubmitted() throws Exception {
		Draft draft = resubmittedWhileOpen("Stale approval");
		DraftRevision second = this.revisions.find(draft.id(), 2).orElseThrow();
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);

		MvcResult refused = this.mvc.perform(post("/reviews/{id}/approve", draft.id()).with(csrf()).with(REVIEWER)
			.param("revision", "1")
			.param("comment", "I read revision 1")).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		Document page = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(page.select("#shown-revision").text()).isEqualTo("1");
		assertThat(page.select("#current-revision").text()).isEqualTo("2");
		assertThat(page.select("#resubmitted-by").text()).isEqualTo("admin");
		assertThat(page.select("#resubmitted-at").text()).isNotBlank();
		assertThat(page.select("#stale-explanation").text()).isEqualTo("You decided on revision 1, the one your page "
				+ "showed, but revision 2 is the current one: admin submitted it " + page.select("#resubmitted-at").text()
				+ ".");
		assertThat(page.select("#stale-revision").text()).contains("Your decision was not recorded");
		assertThat(page.select("#reload").attr("href")).isEqualTo("/reviews/" + draft.id());
		assertThat(page.select("#shown-link").attr("href")).isEqualTo("/reviews/" + draft.id() + "?revision=1");

		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(stored.currentRevision()).isEqualTo(2);
		assertThat(stored.approvals()).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from draft_decision where draft_id = ? and decision = "
				+ "'APPROVED'", Long.class, draft.id())).isZero();
		assertThat(this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 50))
			.extracting(AuditEvent::action)
			.doesNotContain("DRAFT_APPROVED", "DRAFT_APPROVAL_RECORDED", "APPROVAL_REFUSED");
		assertThat(second.submittedBy()).isEqualTo("admin");

		// Reloaded, the page shows revision 2 and its forms carry it: that approval goes through.
		Document reloaded = page(draft, REVIEWER);
		assertThat(reloaded.select("#revision-number").text()).isEqualTo("2");
		assertThat(reloaded.select("#approve-form input[name=revision]").val()).isEqualTo("2");
		this.mvc.perform(post("/reviews/{id}/approve", draft.id()).with(csrf()).with(REVIEWER)
			.param("revision", "2")
			.param("comment", "I read revision 2"));
		Draft approved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(approved.approvals()).singleElement().satisfies((decision) -> {
			assertThat(decision.revisionNumber()).isEqualTo(2);
			assertThat(decision.comment()).isEqualTo("I read revision 2");
		});
	}

	@Test
	void aRejectionOfTheRevisionReadIsRefusedOnceAnotherRevisionWasSubmitted() throws Exception {
		Draft draft = resubmittedWhileOpen("Stale rejection");
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);

		MvcResult refused = this.mvc.perform(post("/reviews/{id}/reject", draft.id()).with(csrf()).with(REVIEWER)
			.param("revision", "1")
			.param("reason", "Revision 1 was too wide")).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#current-revision").text())
			.isEqualTo("2");
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
		assertThat(this.repository.findById(draft.id()).orElseThrow().status()).isEqualTo(DraftStatus.SUBMITTED);
	}

	@Test
	void theServiceRefusesAStaleRevisionSayingWhoSubmittedTheCurrentOneAndWhen() throws Exception {
		Draft draft = resubmittedWhileOpen("Stale service");
		DraftRevision second = this.revisions.find(draft.id(), 2).orElseThrow();
		for (Runnable decision : List.<Runnable>of(
				() -> this.reviews.approve(draft.id(), 1, "I read revision 1", "reviewer"),
				() -> this.reviews.reject(draft.id(), 1, "no", "reviewer"),
				() -> this.reviews.approve(draft.id(), 3, null, "reviewer"))) {
			assertThatThrownBy(() -> ReviewFixtures.as("reviewer", () -> {
				decision.run();
				return null;
			}, "REVIEWER")).isInstanceOfSatisfying(StaleRevisionException.class, (ex) -> {
				assertThat(ex.draftId()).isEqualTo(draft.id());
				assertThat(ex.currentRevision()).isEqualTo(2);
				assertThat(ex.submittedBy()).isEqualTo("admin");
				assertThat(ex.submittedAt()).isEqualTo(second.submittedAt());
			});
		}
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isEqualTo(draft.version());
	}

	@Test
	void aDecisionWithoutARevisionOrWithAGarbledOneIsABadRequestThatSaysWhy() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "No revision");
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (String path : List.of("/reviews/{id}/approve", "/reviews/{id}/reject")) {
			MockHttpServletRequestBuilder missing = post(path, draft.id()).param("comment", "ok").param("reason", "no");
			assertBadRequest(missing, "The form did not say which revision you decided on (its revision field is "
					+ "missing): reload the review, read the current revision and decide again. Nothing was changed.");
			for (String garbled : List.of("", "abc", "1.0", "0", "-1", "99999999999")) {
				assertBadRequest(post(path, draft.id()).param("revision", garbled).param("reason", "no"),
						garbled.isEmpty() ? "The form did not say which revision you decided on (its revision field "
								+ "is missing): reload the review, read the current revision and decide again. "
								+ "Nothing was changed."
								: "The form's revision field is not a revision number: reload the review, read the "
										+ "current revision and decide again. Nothing was changed.");
			}
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
		// Who may not decide is refused as before, whatever the form holds.
		assertThat(this.mvc.perform(post("/reviews/{id}/approve", draft.id()).with(csrf())
			.with(user("helpdesk").roles("HELPDESK"))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	private void assertBadRequest(MockHttpServletRequestBuilder request, String message) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf()).with(OTHER_REVIEWER)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#error-detail").text())
			.isEqualTo(message);
	}

	private Document page(Draft draft, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id()).with(who)).andReturn().getResponse()
			.getContentAsString());
	}

}
