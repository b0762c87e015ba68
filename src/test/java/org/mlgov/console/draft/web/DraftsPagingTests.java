package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * My drafts and all drafts are summary lists: 50 a page, newest first, with the number of matching drafts, page links
 * that keep the search, and a search by a part of the name that ignores case.
 * Its many drafts would fill the first pages of the lists other tests read: the context is closed after it.
 */
@ConsoleTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DraftsPagingTests {

	private static final RequestPostProcessor PAGER = user("pager").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	DraftRepository repository;

	@Autowired
	Catalog catalog;

	/** 120 drafts of "pager", "Pager draft 001" (oldest) to "Pager draft 120" (newest), created once. */
	@BeforeEach
	void pagersDrafts() {
		if (!this.repository.findByAuthorOrderByUpdatedAtDesc("pager").isEmpty()) {
			return;
		}
		ReviewFixtures.as("pager", () -> {
			for (int i = 1; i <= 120; i++) {
				this.drafts.start("Pager draft %03d".formatted(i), "pager");
			}
			return null;
		}, "ADMIN");
	}

	@Test
	void myDraftsShowsFiftyAPageNewestFirstWithTheCountAndPageLinks() throws Exception {
		Document first = page("/drafts");
		assertThat(names(first)).hasSize(50).startsWith("Pager draft 120", "Pager draft 119").endsWith("Pager draft 071");
		assertThat(first.select("#drafts-count").text()).isEqualTo("Drafts 1–50 of 120, newest first");
		assertThat(first.select(".list-paging").text()).contains("Page 1 of 3");
		assertThat(first.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/drafts?page=2");
		assertThat(first.select(".list-paging a[rel=prev]")).isEmpty();

		Document second = page("/drafts?page=2");
		assertThat(names(second)).hasSize(50).startsWith("Pager draft 070").endsWith("Pager draft 021");
		assertThat(second.select(".list-paging a[rel=prev]").attr("href")).isEqualTo("/drafts?page=1");
		assertThat(second.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/drafts?page=3");

		Document last = page("/drafts?page=3");
		assertThat(names(last)).hasSize(20).startsWith("Pager draft 020").endsWith("Pager draft 001");
		assertThat(last.select("#drafts-count").text()).isEqualTo("Drafts 101–120 of 120, newest first");
		assertThat(last.select(".list-paging").text()).contains("Page 3 of 3");
		assertThat(last.select(".list-paging a[rel=next]")).isEmpty();
	}

	@Test
	void aPagePastTheEndIsTheLastAndAnUnreadablePageTheFirst() throws Exception {
		assertThat(names(page("/drafts?page=99"))).hasSize(20).startsWith("Pager draft 020");
		assertThat(names(page("/drafts?page=0"))).startsWith("Pager draft 120");
		assertThat(names(page("/drafts?page=x"))).startsWith("Pager draft 120");
	}

	@Test
	void theSearchMatchesAPartOfTheNameIgnoringCase() throws Exception {
		Document found = page("/drafts?q=DRAFT 11");
		assertThat(names(found)).containsExactly("Pager draft 119", "Pager draft 118", "Pager draft 117",
				"Pager draft 116", "Pager draft 115", "Pager draft 114", "Pager draft 113", "Pager draft 112",
				"Pager draft 111", "Pager draft 110");
		assertThat(found.select("#drafts-count").text())
			.isEqualTo("Drafts 1–10 of 10 whose name contains “DRAFT 11”, newest first");
		assertThat(found.select("#q").val()).isEqualTo("DRAFT 11");
		assertThat(found.select(".list-paging")).isEmpty();

		Document none = page("/drafts?q=100%25");
		assertThat(names(none)).isEmpty();
		assertThat(none.select("#no-match").text()).contains("100%");
		assertThat(none.select("#no-drafts")).isEmpty();
	}

	@Test
	void pageLinksKeepTheSearch() throws Exception {
		Document first = page("/drafts?q=pager");
		assertThat(first.select("#drafts-count").text()).startsWith("Drafts 1–50 of 120 whose name contains");
		assertThat(first.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/drafts?q=pager&page=2");
		Document third = page("/drafts?q=pager&page=3");
		assertThat(names(third)).hasSize(20);
		assertThat(third.select(".list-paging a[rel=prev]").attr("href")).isEqualTo("/drafts?q=pager&page=2");
	}

	@Test
	void allDraftsArePagedAndSearchedTheSameWayWithTheirAuthor() throws Exception {
		Document all = page("/drafts/all?q=pager draft 00");
		assertThat(names(all)).containsExactly("Pager draft 009", "Pager draft 008", "Pager draft 007",
				"Pager draft 006", "Pager draft 005", "Pager draft 004", "Pager draft 003", "Pager draft 002",
				"Pager draft 001");
		assertThat(all.select("#drafts tbody tr").first().select("td").eachText()).contains("pager");
		Document everybody = page("/drafts/all?q=pager");
		assertThat(everybody.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/drafts/all?q=pager&page=2");
		assertThat(page("/drafts/all").select("#drafts tbody tr")).hasSizeLessThanOrEqualTo(50);
	}

	@Test
	void theSummaryShowsThePersonaAndTheReviewState() throws Exception {
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		Draft submitted = fixtures.submitted("pager2", "Summary of a submitted draft");
		Draft rejected = fixtures.rejected("pager2", "Summary of a rejected draft", "reviewer");
		Document page = Jsoup.parse(this.mvc.perform(withQuery("/drafts?q=summary of").with(user("pager2").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String persona = this.catalog.persona("data-scientist").orElseThrow().name();
		assertThat(page.select("tr[data-draft-id=" + submitted.id() + "]").text()).contains(persona, "SUBMITTED",
				"Waiting for review (0 of 1 approval)");
		assertThat(page.select("tr[data-draft-id=" + rejected.id() + "]").text()).contains(persona, "REJECTED",
				"Rejected by reviewer: Too wide");
		assertThat(page.select("tr[data-draft-id=" + submitted.id() + "] .delete-form")).isEmpty();
	}

	private Document page(String url) throws Exception {
		return Jsoup.parse(this.mvc.perform(withQuery(url).with(PAGER)).andReturn().getResponse().getContentAsString());
	}

	private static List<String> names(Document page) {
		return page.select("#drafts .draft-name").eachText();
	}

	/** A GET of {@code url} whose query parameters are given as typed (MockMvc would not decode them). */
	static MockHttpServletRequestBuilder withQuery(String url) {
		int at = url.indexOf('?');
		MockHttpServletRequestBuilder request = get((at < 0) ? url : url.substring(0, at));
		if (at >= 0) {
			for (String pair : url.substring(at + 1).split("&")) {
				String[] nameValue = pair.split("=", 2);
				request.param(nameValue[0], nameValue[1]);
			}
		}
		return request;
	}

}
