package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** "My drafts": start, resume, clone, rename, delete by the author; everybody else reads. */
@ConsoleTest
class DraftsListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	AuditEventRepository audit;

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void startingADraftOpensStepOneAndIsAudited() throws Exception {
		MvcResult result = this.mvc.perform(post("/drafts").with(csrf()).param("name", "Marketing analysts"))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/drafts/\\d+/steps/basics");
		long id = Long.parseLong(location.split("/")[2]);
		Draft draft = this.repository.findById(id).orElseThrow();
		assertThat(draft.name()).isEqualTo("Marketing analysts");
		assertThat(draft.author()).isEqualTo("admin");
		assertThat(this.audit.findByActor("admin", 50)).extracting(AuditEvent::action, AuditEvent::target)
			.contains(tuple("DRAFT_CREATED", "draft " + id + " (version 0)"));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aBlankNameIsRefusedNextToTheFieldAndNothingIsCreated() throws Exception {
		long before = this.repository.count();
		MvcResult result = this.mvc.perform(post("/drafts").with(csrf()).param("name", "   ")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts");
		assertThat(result.getFlashMap().get("nameError")).asString().contains("name of 1 to 200 characters");
		assertThat(this.repository.count()).isEqualTo(before);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void myDraftsListsOnlyMineWithTheirStepAndResumeLink() throws Exception {
		Draft mine = this.drafts.start("Mine to list", "admin");
		this.drafts.start("Someone else's", "admin2");
		Document page = Jsoup.parse(this.mvc.perform(get("/drafts")).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#drafts .draft-name").eachText()).contains("Mine to list").doesNotContain("Someone else's");
		assertThat(page.select("tr[data-draft-id=" + mine.id() + "] a.btn-primary").attr("href"))
			.isEqualTo("/drafts/" + mine.id() + "/steps/basics");
		assertThat(page.select("tr[data-draft-id=" + mine.id() + "]").text()).contains("1. Role and persona");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void allDraftsAreReadOnlyForTheirNonAuthors() throws Exception {
		Draft theirs = this.drafts.start("Another admin's draft", "admin2");
		Document page = Jsoup.parse(this.mvc.perform(get("/drafts/all")).andReturn().getResponse().getContentAsString());
		String row = page.select("tr[data-draft-id=" + theirs.id() + "]").html();
		assertThat(row).contains("View").doesNotContain("Delete").doesNotContain("Rename");
		assertThat(page.select("tr[data-draft-id=" + theirs.id() + "] a:contains(View)").attr("href"))
			.isEqualTo("/drafts/" + theirs.id());
		MvcResult open = this.mvc.perform(get("/drafts/{id}", theirs.id())).andReturn();
		assertThat(open.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + theirs.id() + "/steps/basics");
		MvcResult basics = this.mvc.perform(get("/drafts/{id}/steps/basics", theirs.id())).andReturn();
		assertThat(basics.getResponse().getStatus()).isEqualTo(200);
		assertThat(Jsoup.parse(basics.getResponse().getContentAsString()).select("#read-only").text())
			.contains("admin2's draft read-only");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theRowsLinksAndFormsStartWithTheContextPath() throws Exception {
		Draft mine = this.drafts.start("Mine under a context path", "admin");
		Draft theirs = this.drafts.start("Theirs under a context path", "admin2");
		Document page = Jsoup.parse(this.mvc.perform(get("/console/drafts/all").contextPath("/console"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String row = "tr[data-draft-id=" + mine.id() + "] ";
		assertThat(page.select(row + "a.draft-name").attr("href")).isEqualTo("/console/drafts/" + mine.id());
		assertThat(page.select(row + "a:contains(Resume)").attr("href"))
			.isEqualTo("/console/drafts/" + mine.id() + "/steps/basics");
		assertThat(page.select(row + "form").eachAttr("action")).containsExactly(
				"/console/drafts/" + mine.id() + "/clone", "/console/drafts/" + mine.id() + "/rename",
				"/console/drafts/" + mine.id() + "/delete");
		// Every form of the row has the CSRF token (filled in per request by #rendered).
		assertThat(page.select(row + "form input[name=_csrf]")).hasSize(3);
		assertThat(page.select("tr[data-draft-id=" + theirs.id() + "] a:contains(View)").attr("href"))
			.isEqualTo("/console/drafts/" + theirs.id());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theRowsFormsCarryTheTokenOfTheirOwnSessionThoughTheRowIsRenderedOnce() throws Exception {
		Draft draft = this.drafts.start("Token per session", "admin");
		Draft noPersona = this.drafts.start("No persona yet", "admin");
		String row = "tr[data-draft-id=" + draft.id() + "] ";
		MockHttpSession first = new MockHttpSession();
		MockHttpSession second = new MockHttpSession();
		Document firstPage = Jsoup.parse(this.mvc.perform(get("/drafts").session(first)).andReturn().getResponse()
			.getContentAsString());
		Document secondPage = Jsoup.parse(this.mvc.perform(get("/drafts").session(second)).andReturn().getResponse()
			.getContentAsString());
		// The same row, each page with the token of its own request in every form (and in its <meta>).
		assertThat(secondPage.select(row).outerHtml().replaceAll("value=\"[^\"]{40,}\"", ""))
			.isEqualTo(firstPage.select(row).outerHtml().replaceAll("value=\"[^\"]{40,}\"", ""));
		for (Document page : List.of(firstPage, secondPage)) {
			assertThat(page.select(row + "form input[name=_csrf]").eachAttr("value")).hasSize(3)
				.containsOnly(page.select("meta[name=_csrf]").attr("content"));
		}
		assertThat(firstPage.select(row + "form input[name=_csrf]").attr("value"))
			.isNotEqualTo(secondPage.select(row + "form input[name=_csrf]").attr("value"));
		// A form works with the token the page gave it (no test shortcut for the token here).
		String token = firstPage.select(row + "form[action$=/clone] input[name=_csrf]").attr("value");
		MvcResult clone = this.mvc.perform(post("/drafts/{id}/clone", draft.id()).session(first).param("_csrf", token))
			.andReturn();
		assertThat(clone.getResponse().getRedirectedUrl()).isEqualTo("/drafts");
		assertThat(this.repository.findByAuthorOrderByUpdatedAtDesc("admin")).extracting(Draft::name)
			.contains("Copy of Token per session");
		// A draft without a persona shows a dash, written as an entity so that the page stays Latin-1.
		String html = this.mvc.perform(get("/drafts").session(first)).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select("tr[data-draft-id=" + noPersona.id() + "] td[data-label=Persona]").text())
			.isEqualTo("\u2014");
		assertThat(html).doesNotContain("\u2014").contains("<td data-label=\"Persona\">&mdash;</td>");
	}

	/**
	 * A list with nothing just done on it is kept whole (DraftListPage, #rendered.page): the next showing is the same
	 * markup with its own session's token in every form, and what changes it (a clone, its message) shows at once.
	 */
	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aListShownAsBeforeIsTheKeptPageWithItsOwnTokensAndAChangeShowsAtOnce() throws Exception {
		Draft draft = this.drafts.start("Kept list", "admin");
		MockHttpSession first = new MockHttpSession();
		MockHttpSession second = new MockHttpSession();
		MvcResult rendered = this.mvc.perform(get("/drafts").session(first)).andReturn();
		MvcResult kept = this.mvc.perform(get("/drafts").session(second)).andReturn();
		assertThat(rendered.getModelAndView().getModel()).containsKey("listPage");
		Document firstPage = Jsoup.parse(rendered.getResponse().getContentAsString());
		Document secondPage = Jsoup.parse(kept.getResponse().getContentAsString());
		assertThat(secondPage.select("main").outerHtml().replaceAll("value=\"[^\"]{40,}\"", ""))
			.isEqualTo(firstPage.select("main").outerHtml().replaceAll("value=\"[^\"]{40,}\"", ""));
		for (Document page : List.of(firstPage, secondPage)) {
			assertThat(page.select("main form input[name=_csrf]").eachAttr("value")).hasSizeGreaterThan(2)
				.containsOnly(page.select("meta[name=_csrf]").attr("content"));
		}
		String token = secondPage.select("#new-draft input[name=_csrf]").attr("value");
		assertThat(this.mvc.perform(post("/drafts/{id}/clone", draft.id()).session(second).param("_csrf", token))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/drafts");
		Document withMessage = Jsoup.parse(this.mvc.perform(get("/drafts").session(second)).andReturn().getResponse()
			.getContentAsString());
		assertThat(withMessage.select("#message").text()).isEqualTo("Cloned as \u201cCopy of Kept list\u201d.");
		Document after = Jsoup.parse(this.mvc.perform(get("/drafts").session(first)).andReturn().getResponse()
			.getContentAsString());
		assertThat(after.select("#message")).isEmpty();
		assertThat(after.select("#drafts .draft-name").eachText()).contains("Copy of Kept list", "Kept list");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theAuthorClonesRenamesAndDeletes() throws Exception {
		Draft draft = this.drafts.start("Original", "admin");
		this.mvc.perform(post("/drafts/{id}/clone", draft.id()).with(csrf()));
		assertThat(this.repository.findByAuthorOrderByUpdatedAtDesc("admin")).extracting(Draft::name)
			.contains("Copy of Original");
		this.mvc.perform(post("/drafts/{id}/rename", draft.id()).with(csrf()).param("name", "Renamed").param("version", "0"));
		assertThat(this.repository.findById(draft.id()).orElseThrow().name()).isEqualTo("Renamed");
		this.mvc.perform(post("/drafts/{id}/delete", draft.id()).with(csrf()));
		assertThat(this.repository.findById(draft.id())).isEmpty();
		assertThat(this.audit.findByActor("admin", 100)).extracting(AuditEvent::action)
			.contains("DRAFT_CLONED", "DRAFT_RENAMED", "DRAFT_DELETED");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aRenameToABlankOrTooLongNameIsRefusedNextToItsFieldWithWhatWasTyped() throws Exception {
		Draft draft = this.drafts.start("Keeps its name", "admin");
		Draft other = this.drafts.start("Another one", "admin");
		for (String typed : List.of("   ", "n".repeat(201))) {
			MvcResult result = this.mvc.perform(post("/drafts/{id}/rename", draft.id()).with(csrf())
				.param("name", typed)
				.param("version", "0")).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			Document page = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(page.select("#message")).isEmpty();
			assertThat(page.select(".alert-success")).isEmpty();
			assertThat(page.select("#rename-error-" + draft.id()).text())
				.isEqualTo("Give the draft a name of 1 to 200 characters.");
			assertThat(page.select("#rename-" + draft.id()).attr("value")).isEqualTo(typed);
			assertThat(page.select("#rename-" + draft.id()).hasClass("is-invalid")).isTrue();
			assertThat(page.select("tr[data-draft-id=" + draft.id() + "] details").hasAttr("open")).isTrue();
			// The other drafts' rename fields are as they were.
			assertThat(page.select("tr[data-draft-id=" + other.id() + "] details").hasAttr("open")).isFalse();
			assertThat(page.select("#rename-" + other.id()).attr("value")).isEqualTo("Another one");
			assertThat(page.select("#rename-error-" + other.id())).isEmpty();
		}
		Draft unchanged = this.repository.findById(draft.id()).orElseThrow();
		assertThat(unchanged.name()).isEqualTo("Keeps its name");
		assertThat(unchanged.version()).isZero();
		assertThat(this.audit.findByActor("admin", 500)).filteredOn((e) -> draft.id().equals(e.draftId()))
			.extracting(AuditEvent::action)
			.containsExactly("DRAFT_CREATED");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void anotherAdministratorCannotChangeADraft() throws Exception {
		Draft draft = this.drafts.start("Protected", "admin");
		for (String action : List.of("clone", "delete")) {
			MvcResult result = this.mvc.perform(post("/drafts/{id}/" + action, draft.id()).with(csrf())
				.with(user("admin2").roles("ADMIN"))).andReturn();
			assertThat(result.getResponse().getStatus()).as(action).isEqualTo(403);
		}
		MvcResult save = this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.with(user("admin2").roles("ADMIN"))
			.param("version", "0")
			.param("roleName", "Hijacked")).andReturn();
		assertThat(save.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.repository.findById(draft.id()).orElseThrow().version()).isZero();
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void reviewersAndHelpDeskCannotCreateOrEditDrafts() throws Exception {
		Draft draft = this.drafts.start("Not for them", "admin");
		for (String role : List.of("REVIEWER", "HELPDESK")) {
			assertThat(this.mvc.perform(get("/drafts").with(user("x").roles(role))).andReturn().getResponse().getStatus())
				.isEqualTo(403);
			assertThat(this.mvc.perform(post("/drafts").with(csrf()).with(user("x").roles(role)).param("name", "n"))
				.andReturn().getResponse().getStatus()).isEqualTo(403);
			assertThat(this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
				.with(user("x").roles(role)).param("version", "0")).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		}
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void everyPostNeedsTheCsrfToken() throws Exception {
		Draft draft = this.drafts.start("CSRF", "admin");
		assertThat(this.mvc.perform(post("/drafts").param("name", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(post("/drafts/{id}/delete", draft.id())).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(this.repository.findById(draft.id())).isPresent();
	}

	@Test
	void anonymousUsersAreSentToSignIn() throws Exception {
		MvcResult result = this.mvc.perform(get("/drafts")).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
