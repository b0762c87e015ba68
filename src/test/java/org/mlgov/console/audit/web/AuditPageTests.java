package org.mlgov.console.audit.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.web.RenderedFragments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The audit page and its CSV export, as reviewers and the help desk use them. Each test's events are rolled back
 * with the test's transaction (MockMvc serves requests on the test's thread, in that transaction).
 */
@ConsoleTest
@Transactional
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditEventRepository audit;

	@Autowired
	RenderedFragments pages;

	@Autowired
	JdbcClient jdbc;

	@Test
	@WithMockUser(username = "reviewer", roles = "REVIEWER")
	void reviewersSeeTheUsersEventsNewestFirstWithEveryColumn() throws Exception {
		insert("2032-01-10T08:00:00Z", "Quinn", "SIGN_IN", null, null, "198.51.100.1", null, null);
		insert("2032-01-10T09:15:30Z", "quinn", "DRAFT_RENAMED", "draft 901 (version 3)", "from: Old name",
				"198.51.100.2", 901L, 3L);
		insert("2032-01-10T10:00:00Z", "quinn-other", "SIGN_IN", null, null, "198.51.100.3", null, null);

		Document page = page("/audit?user=QUINN");
		assertThat(page.select("#audit-events tbody tr")).hasSize(2);
		Element renamed = page.selectFirst("#audit-events tbody tr");
		// The action as the filter names it, its code kept in data-action.
		assertThat(cells(renamed)).containsExactly("2032-01-10 09:15:30", "quinn", "Draft renamed",
				"draft 901 (version 3)", "", "", "from: Old name", "198.51.100.2", "Draft 901 version 3");
		assertThat(renamed.select(".audit-draft a").attr("href")).isEqualTo("/audit?draft=901");
		Element signIn = page.select("#audit-events tbody tr").get(1);
		assertThat(renamed.select(".audit-action").attr("data-action")).isEqualTo("DRAFT_RENAMED");
		assertThat(cells(signIn)).containsExactly("2032-01-10 08:00:00", "Quinn", "Sign-in", "", "", "", "",
				"198.51.100.1", "");
		assertThat(signIn.select(".audit-draft a")).isEmpty();
		assertThat(page.select("#result-count").text()).isEqualTo("Events 1–2 of 2");
		assertThat(page.select("#audit-paging")).isEmpty();
		assertThat(page.select("#user").val()).isEqualTo("QUINN");
		assertThat(page.select("#csv-link").attr("href")).isEqualTo("/audit.csv?user=QUINN");
		assertThat(page.select("#nav-items a.active").text()).isEqualTo("Audit");
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void reviewEventsShowTheRevisionTheyAreAboutBesidesTheDraftsVersion() throws Exception {
		this.audit.insert(new AuditEvent(null, Instant.parse("2032-01-12T09:00:00Z"), "tess", "DRAFT_REJECTED",
				"draft 906 (version 7)", "revision 2: too wide", "198.51.100.9", 906L, 7L, 2));
		insert("2032-01-12T08:00:00Z", "tess", "DRAFT_SAVED", "draft 906 (version 6)", null, null, 906L, 6L);

		Document page = page("/audit?user=tess");
		List<Element> rows = page.select("#audit-events tbody tr");
		assertThat(cells(rows.get(0))).endsWith("Draft 906 version 7 revision 2");
		assertThat(rows.get(0).select(".audit-revision").text()).isEqualTo("revision 2");
		assertThat(cells(rows.get(1))).endsWith("Draft 906 version 6");
		assertThat(rows.get(1).select(".audit-revision")).isEmpty();
		assertThat(this.mvc.perform(get("/audit.csv?user=tess")).andReturn().getResponse().getContentAsString(UTF_8))
			.contains(",198.51.100.9,906,7,2\r\n", ",906,6,\r\n");
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void theHelpDeskCombinesFiltersAndTheyStayInTheFormAndTheCsvLink() throws Exception {
		insert("2032-01-10T09:15:30Z", "rowan", "DRAFT_RENAMED", "draft 903 (version 3)", null, null, 903L, 3L);
		insert("2032-01-11T09:00:00Z", "rowan", "DRAFT_RENAMED", "draft 903 (version 4)", null, null, 903L, 4L);
		insert("2032-01-10T09:20:00Z", "rowan", "DRAFT_SAVED", "draft 903 (version 4)", null, null, 903L, 4L);
		insert("2032-01-10T09:25:00Z", "rowan", "DRAFT_RENAMED", "draft 904 (version 1)", null, null, 904L, 1L);

		String query = "user=rowan&draft=903&action=DRAFT_RENAMED&from=2032-01-10&to=2032-01-10";
		Document page = page("/audit?" + query);
		assertThat(page.select("#audit-events tbody tr td:eq(3)").eachText()).containsExactly("draft 903 (version 3)");
		assertThat(page.select("#draft").val()).isEqualTo("903");
		assertThat(page.select("#action option[selected]").val()).isEqualTo("DRAFT_RENAMED");
		assertThat(page.select("#action option").eachAttr("value")).containsExactly("", "SIGN_IN", "SIGN_IN_FAILED",
				"SIGN_OUT", "SIGN_IN_LOCKED", "DRAFT_CREATED", "DRAFT_SAVED", "DRAFT_RENAMED", "DRAFT_CLONED", "DRAFT_DELETED",
				"DRAFT_SUBMITTED", "DRAFT_APPROVED", "DRAFT_APPROVAL_RECORDED", "APPROVAL_REFUSED", "DRAFT_REJECTED",
				"DRAFT_REWORKED", "DRAFT_COMMENTED", "PUSH_PLANNED", "PUSH_STARTED", "PUSH_STEP", "PUSH_SUCCEEDED",
				"PUSH_FAILED", "USER_CREATED", "USER_DISABLED", "USER_ENABLED", "USER_ROLE_GRANTED", "USER_ROLE_REVOKED",
				"USER_PASSWORD_RESET", "PASSWORD_CHANGED", "USER_PROVISIONED", "USER_ROLES_SYNCED");
		assertThat(page.select("#from").val()).isEqualTo("2032-01-10");
		assertThat(page.select("#to").val()).isEqualTo("2032-01-10");
		assertThat(page.select("#audit-filters").attr("method")).isEqualTo("get");
		assertThat(page.select("#csv-link").attr("href")).isEqualTo("/audit.csv?" + query);

		assertThat(page("/audit?user=rowan&draft=903").select("#audit-events tbody tr")).hasSize(3);
		Document none = page("/audit?user=rowan&action=SIGN_IN");
		assertThat(none.select("#audit-events")).isEmpty();
		assertThat(none.select("#no-events").text()).isEqualTo("No events match these filters.");
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void fiftyEventsPerPageWithPreviousAndNextKeepingTheFilters() throws Exception {
		Instant start = Instant.parse("2032-03-01T00:00:00Z");
		for (int i = 0; i < 53; i++) {
			insert(start.plus(i, ChronoUnit.MINUTES).toString(), "pager", "SIGN_IN", null, "event " + i, null, null,
					null);
		}
		Document first = page("/audit?user=pager");
		assertThat(first.select("#audit-events tbody tr")).hasSize(50);
		assertThat(first.select("#audit-events .audit-detail").first().text()).isEqualTo("event 52");
		assertThat(first.select("#audit-events .audit-detail").last().text()).isEqualTo("event 3");
		assertThat(first.select("#result-count").text()).isEqualTo("Events 1–50 of 53");
		assertThat(first.select("#audit-paging").text()).contains("Page 1 of 2");
		assertThat(first.select("#audit-paging a[rel=prev]")).isEmpty();
		String next = first.select("#audit-paging a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/audit?user=pager&page=2");

		Document second = page(next);
		assertThat(second.select("#audit-events .audit-detail").eachText()).containsExactly("event 2", "event 1",
				"event 0");
		assertThat(second.select("#result-count").text()).isEqualTo("Events 51–53 of 53");
		assertThat(second.select("#audit-paging a[rel=next]")).isEmpty();
		assertThat(second.select("#audit-paging a[rel=prev]").attr("href")).isEqualTo("/audit?user=pager");

		assertThat(page("/audit?user=pager&page=99").select("#result-count").text()).isEqualTo("Events 51–53 of 53");
		assertThat(page("/audit?user=pager&page=x").select("#result-count").text()).isEqualTo("Events 1–50 of 53");
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void pastAThousandMatchesThePageSaysMoreThanAndStillPagesOn() throws Exception {
		// 1,051 events of one user, a minute apart, written in one statement (H2, the tests' database; its
		// system_range names its column X in capitals).
		this.jdbc.sql("insert into audit_event (occurred_at, actor, actor_lower, action, detail) "
				+ "select dateadd(minute, \"X\", timestamp with time zone '2033-01-01 00:00:00+00'), 'many', 'many', "
				+ "'SIGN_IN', 'event ' || \"X\" from system_range(1, 1051)")
			.update();

		Document first = page("/audit?user=many");
		assertThat(first.select("#result-count").text()).isEqualTo("Events 1–50 of more than 1,000");
		assertThat(first.select("#audit-paging").text()).contains("Page 1 of more than 20");
		assertThat(first.select("#audit-events .audit-detail").first().text()).isEqualTo("event 1051");
		assertThat(first.select("#audit-paging a[rel=next]").attr("href")).isEqualTo("/audit?user=many&page=2");

		// Past the counted pages, while a next page has events: "more than" what this page ends at.
		Document beyond = page("/audit?user=many&page=21");
		assertThat(beyond.select("#result-count").text()).isEqualTo("Events 1,001–1,050 of more than 1,050");
		assertThat(beyond.select("#audit-paging").text()).contains("Page 21 of more than 21");
		assertThat(beyond.select("#audit-events .audit-detail").first().text()).isEqualTo("event 51");
		assertThat(beyond.select("#audit-paging a[rel=next]").attr("href")).isEqualTo("/audit?user=many&page=22");

		// The last page knows the count; a page typed past the end leads to it.
		Document last = page("/audit?user=many&page=22");
		assertThat(last.select("#result-count").text()).isEqualTo("Events 1,051–1,051 of 1,051");
		assertThat(last.select("#audit-paging").text()).contains("Page 22 of 22");
		assertThat(last.select("#audit-events .audit-detail").eachText()).containsExactly("event 1");
		assertThat(last.select("#audit-paging a[rel=next]")).isEmpty();
		for (String past : List.of("23", "999999999")) {
			assertThat(page("/audit?user=many&page=" + past).select("#result-count").text()).as(past)
				.isEqualTo("Events 1,051–1,051 of 1,051");
		}
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void aPageCountsNoFurtherThanItsLimit() {
		Instant start = Instant.parse("2032-04-01T00:00:00Z");
		for (int i = 0; i < 53; i++) {
			insert(start.plus(i, ChronoUnit.MINUTES).toString(), "limited", "SIGN_IN", null, "event " + i, null,
					null, null);
		}
		AuditQuery limited = new AuditQuery("limited", null, null, null, null);
		AuditPage counted = AuditPage.load(this.audit, limited, "1", 53);
		assertThat(counted).extracting(AuditPage::number, AuditPage::pageCount, AuditPage::total, AuditPage::exact)
			.containsExactly(1, 2, 53L, true);

		AuditPage first = AuditPage.load(this.audit, limited, "1", 52);
		assertThat(first.events()).hasSize(50);
		assertThat(first).extracting(AuditPage::number, AuditPage::pageCount, AuditPage::total, AuditPage::exact)
			.containsExactly(1, 1, 52L, false);
		assertThat(first.hasNext()).isTrue();

		AuditPage second = AuditPage.load(this.audit, limited, "2", 52);
		assertThat(second.events()).extracting(AuditEvent::detail).containsExactly("event 2", "event 1", "event 0");
		assertThat(second).extracting(AuditPage::number, AuditPage::pageCount, AuditPage::total, AuditPage::exact)
			.containsExactly(2, 2, 53L, true);
		assertThat(second.hasNext()).isFalse();
		assertThat(AuditPage.load(this.audit, limited, "7", 10)).isEqualTo(second);
	}

	@Test
	@WithMockUser(username = "reviewer", roles = "REVIEWER")
	void unusableFiltersGetAMessageNextToTheFieldAndDoNotFilter() throws Exception {
		insert("2032-01-10T08:00:00Z", "sasha", "SIGN_IN", null, null, null, null, null);
		insert("2032-01-10T09:00:00Z", "sasha", "DRAFT_CREATED", "draft 905 (version 0)", null, null, 905L, 0L);
		insert("2032-01-10T09:00:00Z", "someone-else", "SIGN_IN", null, null, null, null, null);

		Document page = page("/audit?user=sasha&draft=abc&action=NOPE&from=2032-13-01&to=yesterday");
		assertThat(page.select("#audit-events .audit-actor").eachText()).containsExactly("sasha", "sasha");
		assertError(page, "draft", "abc", "Enter a draft number, such as 42.");
		assertError(page, "from", "2032-13-01", "Enter a date as YYYY-MM-DD, such as 2026-03-31.");
		assertError(page, "to", "yesterday", "Enter a date as YYYY-MM-DD, such as 2026-03-31.");
		assertThat(page.select("#action").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#action-error").text()).isEqualTo("Choose one of the listed actions.");
		assertThat(page.select("#user").hasClass("is-invalid")).isFalse();
		assertThat(page.select("#csv-link").attr("href")).isEqualTo("/audit.csv?user=sasha");

		Document reversed = page("/audit?user=sasha&from=2032-01-10&to=2032-01-09");
		assertError(reversed, "to", "2032-01-09", "The last day comes before the first day (2032-01-10).");
		assertThat(reversed.select("#from").hasClass("is-invalid")).isFalse();
		assertThat(reversed.select("#audit-events tbody tr")).hasSize(2);

		Document zero = page("/audit?user=sasha&draft=0");
		assertError(zero, "draft", "0", "Enter a draft number, such as 42.");
		assertThat(zero.select("#audit-events tbody tr")).hasSize(2);
		assertThat(page("/audit?user=sasha&draft=905").select("#audit-events tbody tr")).hasSize(1);
	}

	@Test
	@WithMockUser(username = "reviewer", roles = "REVIEWER")
	void theCsvHoldsExactlyTheFilteredEventsQuotedAndSafeForSpreadsheets() throws Exception {
		insert("2032-02-01T10:00:00Z", "csv-user", "SIGN_IN", null, "@SUM(1)", "203.0.113.5", null, null);
		insert("2032-02-01T10:05:00.5Z", "csv-user", "DRAFT_RENAMED", "draft 902 (version 4)",
				"from: \"Fraud, team\"\nsecond line", "203.0.113.5", 902L, 4L);
		insert("2032-02-01T10:10:00Z", "csv-user", "DRAFT_SAVED", "draft 902 (version 5)",
				"=HYPERLINK(\"http://example.invalid\",\"x\")", "203.0.113.6", 902L, 5L);
		insert("2032-02-01T10:15:00Z", "csv-other", "SIGN_IN", null, null, null, null, null);

		Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		MockHttpServletResponse response = this.mvc.perform(get("/audit.csv?user=CSV-user")).andReturn().getResponse();
		Instant after = Instant.now();

		assertThat(response.getStatus()).isEqualTo(200);
		MediaType type = MediaType.parseMediaType(response.getContentType());
		assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(type.getCharset()).isEqualTo(UTF_8);
		Matcher disposition = Pattern.compile("attachment; filename=\"audit-(\\d{8}-\\d{4})\\.csv\"")
			.matcher(response.getHeader(HttpHeaders.CONTENT_DISPOSITION));
		assertThat(disposition.matches()).isTrue();
		Instant stamped = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
			.withZone(ZoneOffset.UTC)
			.parse(disposition.group(1), Instant::from);
		assertThat(stamped).isBetween(before, after);

		assertThat(response.getContentAsString(UTF_8)).isEqualTo(
				"occurred_at,actor,action,target,detail,remote_address,draft_id,draft_version,draft_revision\r\n"
						+ "2032-02-01T10:10:00Z,csv-user,DRAFT_SAVED,draft 902 (version 5),"
						+ "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",203.0.113.6,902,5,\r\n"
						+ "2032-02-01T10:05:00.500Z,csv-user,DRAFT_RENAMED,draft 902 (version 4),"
						+ "\"from: \"\"Fraud, team\"\"\nsecond line\",203.0.113.5,902,4,\r\n"
						+ "2032-02-01T10:00:00Z,csv-user,SIGN_IN,,'@SUM(1),203.0.113.5,,,\r\n");

		String onlySaved = this.mvc.perform(get("/audit.csv?user=csv-user&action=DRAFT_SAVED&draft=902"))
			.andReturn()
			.getResponse()
			.getContentAsString(UTF_8);
		assertThat(onlySaved.split("\r\n")).hasSize(2);
		assertThat(onlySaved).contains("DRAFT_SAVED").doesNotContain("DRAFT_RENAMED");
	}

	@Test
	void administratorsAreRefusedAndAnonymousUsersSentToSignIn() throws Exception {
		for (String path : new String[] { "/audit", "/audit.csv" }) {
			assertThat(this.mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andReturn().getResponse()
				.getStatus()).as(path).isEqualTo(403);
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getRedirectedUrl()).as(path)
				.endsWith("/login");
		}
		assertThat(this.mvc.perform(get("/audit.csv").with(user("h").roles("HELPDESK"))).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void aPageShownAgainIsTheKeptOneAndANewEventOrOtherTypingShowsAtOnce() throws Exception {
		insert("2032-02-01T08:00:00Z", "kept-user", "SIGN_IN", null, null, "198.51.100.7", null, null);
		String url = "/audit?user=kept-user&from=2032-02-01";
		MvcResult first = this.mvc.perform(get(url)).andReturn();
		Object listPage = first.getModelAndView().getModel().get("listPage");
		assertThat(listPage).isInstanceOf(AuditListPage.class);
		assertThat(this.pages.keptPage("audit/list", "list", Locale.ENGLISH, listPage)).isNotNull();
		MvcResult again = this.mvc.perform(get(url)).andReturn();
		assertThat(main(again)).isEqualTo(main(first)).contains("198.51.100.7");

		// A new event is a new page at once; so is the same search typed otherwise (the form shows what was typed).
		insert("2032-02-01T09:00:00Z", "kept-user", "DRAFT_CREATED", "draft 77 (version 1)", null, "198.51.100.8",
				77L, 1L);
		Document after = page(url);
		assertThat(after.select("#audit-events tbody tr")).hasSize(2);
		assertThat(after.select("#result-count").text()).isEqualTo("Events 1\u20132 of 2");
		Document typedOtherwise = page("/audit?user=KEPT-USER&from=2032-02-01");
		assertThat(typedOtherwise.select("#audit-events tbody tr")).hasSize(2);
		assertThat(typedOtherwise.select("#user").val()).isEqualTo("KEPT-USER");
		assertThat(typedOtherwise.select("#csv-link").attr("href")).isEqualTo("/audit.csv?user=KEPT-USER&from=2032-02-01");
	}

	private String main(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(UTF_8)).select("main").outerHtml();
	}

	private void insert(String when, String actor, String action, String target, String detail, String remoteAddress,
			Long draftId, Long draftVersion) {
		this.audit.insert(new AuditEvent(null, Instant.parse(when), actor, action, target, detail, remoteAddress,
				draftId, draftVersion));
	}

	private Document page(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(UTF_8));
	}

	/** The text of each cell, empty ones too (Jsoup's eachText leaves them out). */
	private static List<String> cells(Element row) {
		return row.select("td").stream().map(Element::text).toList();
	}

	private static void assertError(Document page, String field, String typed, String message) {
		assertThat(page.select("#" + field).hasClass("is-invalid")).as(field).isTrue();
		assertThat(page.select("#" + field).val()).as(field).isEqualTo(typed);
		assertThat(page.select("#" + field).attr("aria-describedby")).as(field).isEqualTo(field + "-error");
		assertThat(page.select("#" + field + "-error").text()).as(field).isEqualTo(message);
	}

}
