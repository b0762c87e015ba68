package org.mlgov.console.review;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditAction;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.IllegalTransitionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A draft that was ever submitted keeps its revisions, decisions and comments: after a rejection and rework it
 * cannot be deleted, My drafts offers no Delete for it and says why when asked anyway.
 */
@ConsoleTest
class ReviewRecordsKeptWebTests {

	static final RequestPostProcessor AUTHOR = user("admin").roles("ADMIN");

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
	DraftCommentRepository comments;

	@Autowired
	AuditEventRepository audit;

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	@Test
	void aReworkedDraftIsNotDeletedAndMyDraftsSaysWhy() throws Exception {
		Draft reworked = this.fixtures.reworked("admin", "Kept after rework", "reviewer");
		ReviewFixtures.as("reviewer", () -> {
			this.reviews.comment(reworked.id(), "Please narrow the buckets.", "reviewer", true);
			return null;
		}, "REVIEWER");
		Draft never = this.fixtures.finished("admin", "Never submitted");
		assertThat(reworked.status()).isEqualTo(DraftStatus.DRAFT);

		Document list = page();
		assertThat(list.select("tr[data-draft-id=" + reworked.id() + "] .delete-form")).isEmpty();
		assertThat(list.select("tr[data-draft-id=" + never.id() + "] .delete-form")).hasSize(1);

		MvcResult refused = this.mvc.perform(post("/drafts/{id}/delete", reworked.id()).with(csrf()).with(AUTHOR))
			.andReturn();

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/drafts");
		Document after = Jsoup.parse(this.mvc.perform(get("/drafts").with(AUTHOR).flashAttrs(refused.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(after.select("#error").text()).isEqualTo("\u201cKept after rework\u201d was submitted for review "
				+ "(revision 1), so it is kept with its revisions, decisions and comments as the record of that "
				+ "review: it cannot be deleted. Clone it to start again from its content.");
		assertThat(after.select("#message")).isEmpty();
		Draft stored = this.repository.findById(reworked.id()).orElseThrow();
		assertThat(stored.decisions()).hasSize(1);
		assertThat(this.revisions.findByDraft(reworked.id())).hasSize(1);
		assertThat(this.comments.findByDraft(reworked.id())).hasSize(1);
		assertThat(this.audit.search(new AuditQuery(null, reworked.id(), AuditAction.DRAFT_DELETED, null, null), 0, 10))
			.isEmpty();

		this.mvc.perform(post("/drafts/{id}/delete", never.id()).with(csrf()).with(AUTHOR));
		assertThat(this.repository.findById(never.id())).isEmpty();
	}

	@Test
	void theServiceRefusesToDeleteADraftThatWasSubmittedInEveryLaterState() {
		for (Draft draft : new Draft[] { this.fixtures.submitted("admin", "Kept submitted"),
				this.fixtures.rejected("admin", "Kept rejected", "reviewer") }) {
			assertThatThrownBy(() -> ReviewFixtures.as("admin", () -> {
				this.drafts.delete(draft.id(), "admin");
				return null;
			}, "ADMIN")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("cannot be deleted");
			assertThat(this.repository.findById(draft.id())).isPresent();
		}
	}

	private Document page() throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/drafts").with(AUTHOR)).andReturn().getResponse().getContentAsString());
	}

}
