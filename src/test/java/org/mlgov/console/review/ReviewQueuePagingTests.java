package org.mlgov.console.review;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.DraftService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The review queue is a summary list: 50 a page, oldest submission first (it is a queue), the number waiting, page
 * links that keep the search, and a search by a part of the draft's name that ignores case.
 * Its many drafts would fill the first pages of the lists other tests read: the context is closed after it.
 */
@ConsoleTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReviewQueuePagingTests {

	private static boolean submitted;

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	/** 55 submitted drafts "Queued 01" (submitted first) to "Queued 55", created once. */
	@BeforeEach
	void queued() {
		if (submitted) {
			return;
		}
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		for (int i = 1; i <= 55; i++) {
			fixtures.submitted("queuer", "Queued %02d".formatted(i));
		}
		submitted = true;
	}

	@Test
	void theQueueShowsFiftyAPageOldestFirstWithTheCountAndPageLinksThatKeepTheSearch() throws Exception {
		Document first = page("/reviews?q=QUEUED");
		assertThat(names(first)).hasSize(50).startsWith("Queued 01", "Queued 02").endsWith("Queued 50");
		assertThat(first.select("#queue-count").text())
			.isEqualTo("Waiting 1–50 of 55 whose name contains “QUEUED”, oldest first");
		assertThat(first.select("#queue tbody tr").first().text()).contains("queuer", "0 of 1", "Needed by Queued 01");
		assertThat(first.select(".list-paging").text()).contains("Page 1 of 2");
		assertThat(first.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/reviews?q=QUEUED&page=2");

		Document second = page("/reviews?q=QUEUED&page=2");
		assertThat(names(second)).containsExactly("Queued 51", "Queued 52", "Queued 53", "Queued 54", "Queued 55");
		assertThat(second.select("#queue-count").text()).startsWith("Waiting 51–55 of 55");
		assertThat(second.select(".list-paging a[rel=prev]").attr("href")).isEqualTo("/reviews?q=QUEUED&page=1");
	}

	@Test
	void theSearchNarrowsTheQueue() throws Exception {
		assertThat(names(page("/reviews?q=queued 5"))).containsExactly("Queued 50", "Queued 51",
				"Queued 52", "Queued 53", "Queued 54", "Queued 55");
		Document none = page("/reviews?q=nothing like it");
		assertThat(names(none)).isEmpty();
		assertThat(none.select("#no-match")).hasSize(1);
		assertThat(none.select("#queue-empty")).isEmpty();
	}

	@Test
	void theWholeQueueIsPagedToo() throws Exception {
		Document first = page("/reviews");
		assertThat(first.select("#queue tbody tr")).hasSize(50);
		assertThat(first.select("#queue-count").text()).matches("Waiting 1–50 of \\d+, oldest first");
		assertThat(first.select(".list-paging a[rel=next]").attr("href")).isEqualTo("/reviews?page=2");
	}

	private Document page(String url) throws Exception {
		return Jsoup.parse(this.mvc.perform(withQuery(url).with(user("reviewer").roles("REVIEWER")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> names(Document page) {
		return page.select("#queue .review-link").eachText();
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
