package org.mlgov.console.review;

import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The review with {@code console.review.required-approvals=2}: two different reviewers, neither the author. */
@ConsoleTest
@TestPropertySource(properties = "console.review.required-approvals=2")
class TwoApprovalsWebTests {

	/** The author also holds the reviewer role: four eyes still keep them from deciding on their own draft. */
	static final RequestPostProcessor AUTHOR = user("admin").roles("ADMIN", "REVIEWER");

	static final RequestPostProcessor REVIEWER = user("reviewer").roles("REVIEWER");

	static final RequestPostProcessor SECOND_REVIEWER = user("reviewer2").roles("REVIEWER");

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	DraftRepository repository;

	@Autowired
	AuditEventRepository audit;

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	@Test
	void aRevisionIsApprovedByTwoDifferentReviewersNeitherTheAuthor() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Two approvals");
		assertThat(draft.requiredApprovals()).isEqualTo(2);

		MvcResult first = approve(draft, REVIEWER, "First look is fine.");
		assertThat(first.getFlashMap().get("message")).isEqualTo("Your approval is recorded; 1 more approval needed.");
		assertThat(status(draft)).isEqualTo(DraftStatus.SUBMITTED);
		Document forTheSecond = page("/reviews/" + draft.id(), SECOND_REVIEWER);
		assertThat(forTheSecond.select("#decision h2").text())
			.isEqualTo("Your decision on revision 1 (1 of 2 approvals so far)");
		assertThat(forTheSecond.select("#decisions li").text()).contains("APPROVED", "revision 1 by reviewer",
				"First look is fine.");
		assertThat(page("/reviews/" + draft.id(), REVIEWER).select("#decision")).isEmpty();
		assertThat(page("/reviews", SECOND_REVIEWER).select("tr[data-draft-id=" + draft.id() + "] td").eachText())
			.contains("1 of 2");
		assertThat(page("/drafts", AUTHOR).select("tr[data-draft-id=" + draft.id() + "] .draft-decision").text())
			.isEqualTo("Waiting for review (1 of 2 approvals)");

		MvcResult again = approve(draft, REVIEWER, "again");
		assertThat(again.getResponse().getStatus()).isEqualTo(403);
		assertThat(org.jsoup.Jsoup.parse(again.getResponse().getContentAsString()).select("#reason").text())
			.isEqualTo("You already approved this revision; a further approval must come from another reviewer.");
		assertThat(approve(draft, AUTHOR, "mine").getResponse().getStatus()).isEqualTo(403);
		Draft afterRefusals = this.repository.findById(draft.id()).orElseThrow();
		assertThat(afterRefusals.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(afterRefusals.approvals()).extracting(Decision::reviewer).containsExactly("reviewer");

		MvcResult second = approve(draft, SECOND_REVIEWER, null);
		assertThat(second.getFlashMap().get("message")).isEqualTo("Approved: an ML administrator can now plan and push the revision to AWS.");
		Draft approved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(approved.approvals()).extracting(Decision::reviewer).containsExactly("reviewer", "reviewer2");
		assertThat(this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 50))
			.extracting(AuditEvent::actor, AuditEvent::action)
			.startsWith(tuple("reviewer2", "DRAFT_APPROVED"),
					tuple("reviewer", "DRAFT_APPROVAL_RECORDED"));
	}

	@Test
	void theQueueStaysOldestSubmissionFirstWhenAnEarlierDraftGetsItsFirstApproval() throws Exception {
		Draft c = this.fixtures.submitted("admin", "Queue C");
		Draft d = this.fixtures.submitted("admin2", "Queue D");
		assertThat(queued(c, d)).containsExactly(c.id(), d.id());

		approve(c, REVIEWER, "one of two");

		assertThat(status(c)).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(this.repository.findById(c.id()).orElseThrow().updatedAt())
			.isAfter(this.repository.findById(d.id()).orElseThrow().updatedAt());
		assertThat(queued(c, d)).containsExactly(c.id(), d.id());
	}

	@Test
	void theApiAnswersHowManyApprovalsTheRevisionHasAndHowManyItNeeds() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Two approvals by API");

		JsonNode first = apiApprove(draft, REVIEWER, 200);
		assertThat(first.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(first.get("approvals").asInt()).isEqualTo(1);
		assertThat(first.get("requiredApprovals").asInt()).isEqualTo(2);
		assertThat(first.get("approvedBy").toString()).isEqualTo("[\"reviewer\"]");
		assertThat(apiApprove(draft, REVIEWER, 403).get("detail").asString())
			.isEqualTo("You already approved this revision; a further approval must come from another reviewer.");
		assertThat(apiApprove(draft, AUTHOR, 403).get("detail").asString())
			.isEqualTo("You wrote this draft; another reviewer must decide.");

		JsonNode second = apiApprove(draft, SECOND_REVIEWER, 200);
		assertThat(second.get("status").asString()).isEqualTo("APPROVED");
		assertThat(second.get("approvals").asInt()).isEqualTo(2);
		assertThat(second.get("approvedBy").toString()).isEqualTo("[\"reviewer\",\"reviewer2\"]");
		assertThat(this.repository.findById(draft.id()).orElseThrow().approvals()).extracting(Decision::reviewer)
			.containsExactly("reviewer", "reviewer2");
	}

	private JsonNode apiApprove(Draft draft, RequestPostProcessor who, int status) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/reviews/{id}/approve", draft.id()).with(csrf()).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":1}")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
	}

	/** The ids of these drafts in the order the review queue shows them. */
	private List<Long> queued(Draft... drafts) throws Exception {
		List<Long> wanted = Arrays.stream(drafts).map(Draft::id).toList();
		return page("/reviews", SECOND_REVIEWER).select("#queue tbody tr")
			.eachAttr("data-draft-id")
			.stream()
			.map(Long::valueOf)
			.filter(wanted::contains)
			.toList();
	}

	private MvcResult approve(Draft draft, RequestPostProcessor who, String comment) throws Exception {
		var request = post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(who);
		if (comment != null) {
			request.param("comment", comment);
		}
		return this.mvc.perform(request).andReturn();
	}

	private DraftStatus status(Draft draft) {
		return this.repository.findById(draft.id()).orElseThrow().status();
	}

	private Document page(String path, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString());
	}

}
