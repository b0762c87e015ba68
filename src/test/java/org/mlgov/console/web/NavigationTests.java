package org.mlgov.console.web;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The layout, the navigation and the home page as each demo user sees them.
 */
@ConsoleTest
class NavigationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService userDetailsService;

	@Test
	void adminSeesTheirNameRoleAndTheAdministratorSection() throws Exception {
		Document home = homeAs("admin");
		assertThat(home.select("#signed-in-user").text()).contains("Dana Whitfield");
		assertThat(home.select("#signed-in-user .badge").eachText()).containsExactly("ML administrator");
		assertThat(home.select("#role-admin")).hasSize(1);
		assertThat(home.select("#role-reviewer, #role-helpdesk")).isEmpty();
		assertThat(home.select("h1").text()).isEqualTo("Welcome, Dana Whitfield");
		assertThat(home.select("#home-drafts").attr("href")).isEqualTo("/drafts");
		assertThat(home.select("#home-catalog").attr("href")).isEqualTo("/catalog");
		assertThat(home.select("#role-admin").text()).contains("ready to push to AWS")
			.contains("Plan and push approved revisions to AWS")
			.doesNotContain("arrives with the push feature");
		assertThat(home.select(".lead").text()).doesNotContain("before it is pushed");
	}

	@Test
	void reviewerSeesTheReviewerSectionOnly() throws Exception {
		Document home = homeAs("reviewer");
		assertThat(home.select("#signed-in-user").text()).contains("Priya Raman");
		assertThat(home.select("#signed-in-user .badge").eachText()).containsExactly("Security reviewer");
		assertThat(home.select("#role-reviewer")).hasSize(1);
		assertThat(home.select("#role-admin, #role-helpdesk")).isEmpty();
		assertThat(home.select("#role-reviewer").text()).contains("Nothing is pushed to AWS without an approval");
		assertThat(home.select("#home-reviews").attr("href")).isEqualTo("/reviews");
	}

	@Test
	void helpdeskSeesTheReadOnlySectionOnly() throws Exception {
		Document home = homeAs("helpdesk");
		assertThat(home.select("#signed-in-user .badge").eachText()).containsExactly("Help desk (read-only)");
		assertThat(home.select("#role-helpdesk").text()).contains("read-only");
		assertThat(home.select("#home-audit").attr("href")).isEqualTo("/audit");
		assertThat(home.select("#role-admin, #role-reviewer")).isEmpty();
	}

	@Test
	void consoleAdministratorSeesTheUserAdministrationOnlyAndEveryoneTheirPasswordPage() throws Exception {
		Document home = homeAs("useradmin");
		assertThat(home.select("#signed-in-user").text()).contains("Jordan Keller");
		assertThat(home.select("#signed-in-user .badge").eachText()).containsExactly("Console administrator");
		assertThat(home.select("#role-user-admin")).hasSize(1);
		assertThat(home.select("#role-admin, #role-reviewer, #role-helpdesk")).isEmpty();
		assertThat(home.select("#home-users").attr("href")).isEqualTo("/admin/users");
		for (String username : List.of("admin", "reviewer", "helpdesk", "useradmin")) {
			assertThat(homeAs(username).select("#account-password").attr("href")).as(username)
				.isEqualTo("/account/password");
			assertThat(homeAs(username).select("#nav-items a[href=/admin/users]")).as(username)
				.hasSize(username.equals("useradmin") ? 1 : 0);
		}
	}

	@Test
	void navigationLinksOnlyToPagesThatExistAndMarksTheCurrentOne() throws Exception {
		Map<String, List<String>> links = Map.of("admin", List.of("/", "/drafts", "/catalog", "/access"), "reviewer",
				List.of("/", "/reviews", "/catalog", "/access", "/audit"), "helpdesk",
				List.of("/", "/catalog", "/access", "/audit"), "useradmin", List.of("/", "/catalog", "/admin/users"));
		for (String username : links.keySet()) {
			Document home = homeAs(username);
			assertThat(home.select("#nav-items a").eachAttr("href")).as(username)
				.containsExactlyElementsOf(links.get(username));
			Element active = home.selectFirst("#nav-items a.active");
			assertThat(active).isNotNull();
			assertThat(active.text()).isEqualTo("Home");
			assertThat(active.attr("aria-current")).isEqualTo("page");
		}
	}

	@Test
	void layoutLoadsBootstrapAndHtmxFromTheWebjarsAndCarriesTheCsrfToken() throws Exception {
		Document home = homeAs("admin");
		assertThat(home.title()).isEqualTo("Home · ML Governance Console");
		// Templates name the webjars without a version; the resource chain writes the version into the links.
		assertThat(home.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(
				(href) -> href.matches("/webjars/bootstrap/[0-9.]+/dist/css/bootstrap\\.min\\.css"))
			.contains("/css/console.css");
		assertThat(home.select("script").eachAttr("src"))
			.anyMatch((src) -> src.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js"))
			.anyMatch((src) -> src.matches("/webjars/bootstrap/[0-9.]+/dist/js/bootstrap\\.bundle\\.min\\.js"))
			.contains("/js/console.js");
		for (Element asset : home.select("link[rel=stylesheet], script[src]")) {
			String url = asset.hasAttr("href") ? asset.attr("href") : asset.attr("src");
			this.mvc.perform(get(url)).andExpect(status().isOk());
		}
		assertThat(home.select("meta[name=_csrf]").attr("content")).isNotBlank();
		assertThat(home.select("meta[name=_csrf_header]").attr("content")).isEqualTo("X-CSRF-TOKEN");
		Element logout = home.selectFirst("form[action=/logout]");
		assertThat(logout).isNotNull();
		assertThat(logout.attr("method")).isEqualTo("post");
		assertThat(logout.select("input[name=_csrf]").attr("value")).isNotBlank();
	}

	@Test
	void theBarMarksTheSectionOfTheRequestedPageAndLinksUnderTheContextPath() throws Exception {
		var reviewer = user(this.userDetailsService.loadUserByUsername("reviewer"));
		Document audit = Jsoup.parse(this.mvc.perform(get("/console/audit").contextPath("/console").with(reviewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(audit.select("#nav-items a").eachAttr("href")).containsExactly("/console/", "/console/reviews",
				"/console/catalog", "/console/access", "/console/audit");
		assertThat(audit.select("#nav-items a.active").eachText()).containsExactly("Audit");
		assertThat(audit.select("#nav-items a[aria-current=page]").eachText()).containsExactly("Audit");
		assertThat(audit.select(".navbar-brand").attr("href")).isEqualTo("/console/");
		assertThat(audit.select("#account-password").attr("href")).isEqualTo("/console/account/password");
		assertThat(audit.select("form.ms-lg-2").attr("action")).isEqualTo("/console/logout");

		// The same bar on another page of the same section, then on a page of another: each marks its own item,
		// and the sign-out form carries the token of its own request.
		Document review = Jsoup.parse(this.mvc.perform(get("/console/audit").contextPath("/console").with(reviewer))
			.andReturn().getResponse().getContentAsString());
		Document queue = Jsoup.parse(this.mvc.perform(get("/console/reviews").contextPath("/console").with(reviewer))
			.andReturn().getResponse().getContentAsString());
		assertThat(queue.select("#nav-items a.active").eachText()).containsExactly("Review queue");
		for (Document page : List.of(audit, review, queue)) {
			assertThat(page.select("form[action=/console/logout] input[name=_csrf]").attr("value"))
				.isEqualTo(page.select("meta[name=_csrf]").attr("content")).isNotBlank();
		}
		assertThat(audit.select("form[action=/console/logout] input[name=_csrf]").attr("value"))
			.isNotEqualTo(queue.select("form[action=/console/logout] input[name=_csrf]").attr("value"));
	}

	@Test
	void loginPageHasNoNavigationOrUserArea() throws Exception {
		String html = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document login = Jsoup.parse(html);
		assertThat(login.select("#nav-items, #signed-in-user")).isEmpty();
		assertThat(login.select(".navbar-brand").text()).isEqualTo("ML Governance Console");
		assertThat(login.select("#login-form input[name=username]")).hasSize(1);
		assertThat(login.select("#login-form input[type=password][name=password]")).hasSize(1);
		assertThat(login.select("#login-form input[name=_csrf]").attr("value")).isNotBlank();
	}

	private Document homeAs(String username) throws Exception {
		String html = this.mvc.perform(get("/").with(user(this.userDetailsService.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
