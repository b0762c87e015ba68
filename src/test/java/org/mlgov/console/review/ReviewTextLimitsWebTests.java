package org.mlgov.console.review;

import java.util.List;
import java.util.Map;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The free texts of a review against their columns: a text that is too long gets a message next to its field, keeps
 * what was typed and saves nothing; line breaks count once, as in the browser's {@code maxlength}, although the
 * browser sends each as two characters.
 */
@ConsoleTest
class ReviewTextLimitsWebTests {

	static final RequestPostProcessor AUTHOR = user("admin").roles("ADMIN");

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
	DraftCommentRepository comments;

	@Autowired
	DraftRevisionRepository revisions;

	@Autowired
	AuditEventRepository audit;

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	/** {@code length} characters typed in a textarea, with a line break (sent as CR LF) in the middle of every hundred. */
	static String typedWithLineBreaks(int length) {
		StringBuilder typed = new StringBuilder();
		for (int i = 1; i <= length; i++) {
			typed.append((i % 100 == 50) ? "\r\n" : (char) ('a' + i % 26));
		}
		return typed.toString();
	}

	@Test
	void aReasonOverTwoThousandCharactersIsRefusedNextToTheFieldAndKept() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Long reason");
		String typed = "r".repeat(Decision.COMMENT_LENGTH + 1);

		MvcResult refused = this.mvc.perform(post("/reviews/{id}/reject", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("reason", typed)).andReturn();

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/reviews/" + draft.id());
		Document page = page(draft, refused.getFlashMap());
		assertThat(page.select("#reason").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#reason-error").text())
			.isEqualTo("A reason has at most 2,000 characters; this one has 2,001.");
		assertThat(page.select("#reason").text()).isEqualTo(typed);
		assertNothingDecided(draft);
	}

	@Test
	void anApprovalCommentOverTwoThousandCharactersIsRefusedNextToTheFieldAndKept() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Long approval");
		String typed = "c".repeat(2500);

		MvcResult refused = this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("comment", typed)).andReturn();

		Document page = page(draft, refused.getFlashMap());
		assertThat(page.select("#approve-comment").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#approve-comment-error").text())
			.isEqualTo("A comment has at most 2,000 characters; this one has 2,500.");
		assertThat(page.select("#approve-comment").text()).isEqualTo(typed);
		assertThat(page.select("#message")).isEmpty();
		assertNothingDecided(draft);
	}

	@Test
	void twoThousandCharactersWithLineBreaksAreAccepted() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Line breaks");
		String typed = typedWithLineBreaks(Decision.COMMENT_LENGTH);
		assertThat(typed).hasSizeGreaterThan(Decision.COMMENT_LENGTH);

		this.mvc.perform(post("/reviews/{id}/approve", draft.id()).param("revision", "1").with(csrf()).with(REVIEWER).param("comment", typed));

		Draft approved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(approved.approvals()).singleElement()
			.extracting(Decision::comment)
			.isEqualTo(typed.replace("\r\n", "\n"));
	}

	@Test
	void aCommentOverFourThousandCharactersIsRefusedAndOneWithLineBreaksWithinIsAccepted() throws Exception {
		Draft draft = this.fixtures.submitted("admin", "Long comment");
		String tooLong = "x".repeat(DraftComment.BODY_LENGTH + 1);

		MvcResult refused = this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(REVIEWER)
			.param("body", tooLong)).andReturn();

		Document page = page(draft, refused.getFlashMap());
		assertThat(page.select("#comment-body").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#comment-error").text())
			.isEqualTo("A comment has at most 4,000 characters; this one has 4,001.");
		assertThat(page.select("#comment-body").text()).isEqualTo(tooLong);
		assertThat(this.comments.findByDraft(draft.id())).isEmpty();
		assertThat(events(draft, "DRAFT_COMMENTED")).isEmpty();

		String fits = typedWithLineBreaks(DraftComment.BODY_LENGTH);
		this.mvc.perform(post("/reviews/{id}/comments", draft.id()).with(csrf()).with(AUTHOR).param("body", fits));
		assertThat(this.comments.findByDraft(draft.id())).singleElement()
			.extracting(DraftComment::body)
			.isEqualTo(fits.replace("\r\n", "\n"));
	}

	@Test
	void aJustificationIsMeasuredWithItsLineBreaksCountedOnce() throws Exception {
		Draft draft = this.fixtures.finished("admin", "Justified");

		MvcResult refused = this.mvc.perform(post("/drafts/{id}/submit", draft.id()).with(csrf()).with(AUTHOR)
			.param("justification", "j".repeat(2001))
			.param("version", String.valueOf(draft.version()))).andReturn();
		assertThat(refused.getFlashMap().get("submitErrors")).asList()
			.containsExactly("A justification has at most 2,000 characters; this one has 2,001.");
		assertThat(this.revisions.findByDraft(draft.id())).isEmpty();

		String typed = typedWithLineBreaks(DraftRevision.JUSTIFICATION_LENGTH);
		this.mvc.perform(post("/drafts/{id}/submit", draft.id()).with(csrf()).with(AUTHOR)
			.param("justification", typed)
			.param("version", String.valueOf(draft.version())));
		assertThat(this.revisions.findByDraft(draft.id())).singleElement()
			.extracting(DraftRevision::justification)
			.isEqualTo(typed.replace("\r\n", "\n"));
	}

	private void assertNothingDecided(Draft draft) {
		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(stored.decisions()).isEmpty();
		assertThat(stored.version()).isEqualTo(draft.version());
		assertThat(events(draft, "DRAFT_APPROVED")).isEmpty();
		assertThat(events(draft, "DRAFT_REJECTED")).isEmpty();
	}

	private List<AuditEvent> events(Draft draft, String action) {
		return this.audit.search(new AuditQuery(null, draft.id(), null, null, null), 0, 100)
			.stream()
			.filter((e) -> e.action().equals(action))
			.toList();
	}

	private Document page(Draft draft, Map<String, Object> flash) throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/reviews/{id}", draft.id()).with(REVIEWER).flashAttrs(flash))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
