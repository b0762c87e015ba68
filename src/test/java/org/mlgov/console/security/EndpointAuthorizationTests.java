package org.mlgov.console.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may call what, over every handler mapping of the console (read from {@link RequestMappingHandlerMapping}, so
 * that a new endpoint is covered without touching this test): no POST is accepted without the CSRF token and none of
 * them changes anything; every page but the public ones sends anonymous browsers to sign in; reviewers and the help
 * desk are refused every POST under {@code /drafts}.
 */
@ConsoleTest
class EndpointAuthorizationTests {

	/** The pages anybody may open (see {@link SecurityConfig}). */
	static final Set<String> PUBLIC = Set.of("/login", "/error");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)[^}]*}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DraftService drafts;

	@Autowired
	JdbcTemplate jdbc;

	/** The URL patterns of the handler mappings that take this method. */
	private List<String> patterns(RequestMethod method) {
		Set<String> patterns = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(method)) {
				patterns.addAll(info.getPatternValues());
			}
		}
		assertThat(patterns).as(method + " mappings").isNotEmpty();
		return new ArrayList<>(patterns);
	}

	/** A pattern with its variables filled in: the draft's id, a document's name. */
	private static String url(String pattern, Draft draft) {
		Map<String, Object> values = Map.of("id", draft.id(), "name", "trust-policy", "number", 1);
		Matcher variable = VARIABLE.matcher(pattern);
		while (variable.find()) {
			assertThat(values).as("a value for {%s} in %s", variable.group(1), pattern).containsKey(variable.group(1));
		}
		return UriComponentsBuilder.fromPath(pattern).buildAndExpand(values).toUriString();
	}

	private static DraftContent valid() {
		return DraftContent.empty()
			.withSpec(TestSpecs.bare("custom").withActivities(TestSpecs.activities("canvas-core-access")));
	}

	/** admin's draft, every step saved. */
	private Draft finishedDraft() {
		Draft draft = this.drafts.start("Authorization", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, valid(), draft.version(), "admin");
			}
		}
		return draft;
	}

	/** A POST with the values the console's forms send, so that only authorization can refuse it. */
	private static MockHttpServletRequestBuilder formPost(String url, Draft draft) {
		return post(url).param("version", String.valueOf(draft.version()))
			.param("name", "Renamed")
			.param("justification", "needed")
			.param("comment", "fine")
			.param("reason", "no")
			.param("body", "a comment")
			.param("_action", "next");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void everyPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		Draft draft = finishedDraft();
		List<String> posts = patterns(RequestMethod.POST);
		assertThat(posts).contains("/drafts", "/drafts/{id}/steps/basics", "/drafts/{id}/delete",
				"/drafts/{id}/submit", "/api/role-preview");
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (String pattern : posts) {
			String url = url(pattern, draft);
			MvcResult result = this.mvc.perform(formPost(url, draft)).andReturn();
			assertThat(result.getResponse().getStatus()).as("POST %s without the CSRF token", url).isEqualTo(403);
			MvcResult badToken = this.mvc.perform(formPost(url, draft).with(csrf().useInvalidToken())).andReturn();
			assertThat(badToken.getResponse().getStatus()).as("POST %s with a wrong CSRF token", url).isEqualTo(403);
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void everyPageButThePublicOnesSendsAnonymousBrowsersToSignIn() throws Exception {
		Draft draft = finishedDraft();
		List<String> pages = patterns(RequestMethod.GET);
		assertThat(pages).contains("/", "/drafts", "/drafts/{id}/steps/canvas/directory", "/reviews/{id}", "/audit");
		for (String pattern : pages) {
			String url = url(pattern, draft);
			MvcResult result = this.mvc.perform(get(url).with(anonymous())).andReturn();
			if (PUBLIC.contains(pattern)) {
				assertThat(result.getResponse().getStatus()).as("GET %s", url).isNotIn(302, 401, 403);
			}
			else if (pattern.startsWith("/api/")) {
				assertThat(result.getResponse().getStatus()).as("GET %s", url).isEqualTo(401);
			}
			else {
				assertThat(result.getResponse().getStatus()).as("GET %s", url).isEqualTo(302);
				assertThat(result.getResponse().getRedirectedUrl()).as("GET %s", url).isEqualTo("/login");
			}
		}
		for (String pattern : patterns(RequestMethod.POST)) {
			if (PUBLIC.contains(pattern)) {
				continue;
			}
			String url = url(pattern, draft);
			MvcResult result = this.mvc.perform(formPost(url, draft).with(anonymous()).with(csrf())).andReturn();
			assertThat(result.getResponse().getStatus()).as("anonymous POST %s", url)
				.isEqualTo(pattern.startsWith("/api/") ? 401 : 302);
		}
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void reviewersAndTheHelpDeskAreRefusedEveryPostUnderDrafts() throws Exception {
		Draft draft = finishedDraft();
		List<String> draftPosts = patterns(RequestMethod.POST).stream()
			.filter((p) -> p.equals("/drafts") || p.startsWith("/drafts/"))
			.toList();
		assertThat(draftPosts).hasSizeGreaterThanOrEqualTo(15);
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (String role : List.of("REVIEWER", "HELPDESK")) {
			for (String pattern : draftPosts) {
				String url = url(pattern, draft);
				MvcResult result = this.mvc
					.perform(formPost(url, draft).with(user(role.toLowerCase()).roles(role)).with(csrf()))
					.andReturn();
				assertThat(result.getResponse().getStatus()).as("%s POST %s", role, url).isEqualTo(403);
			}
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
	}

}
