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
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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
	static final Set<String> PUBLIC = Set.of("/login", "/login/refused", "/error");

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

	@Autowired
	ReviewService reviews;

	@Autowired
	DraftRepository repository;

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

	/** A pattern with its variables filled in: the draft's id, a document's name, a push id. */
	private static String url(String pattern, Draft draft) {
		Map<String, Object> values = Map.of("id", draft.id(), "name", "trust-policy", "pushId", 1, "number", 1);
		return url(pattern, values);
	}

	private static String url(String pattern, Map<String, Object> values) {
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

	/** The callers of the JSON API, with their HTTP Basic credentials (demo users); null: no credentials. */
	enum Caller {

		ANONYMOUS(null), AUTHOR("admin"), OTHER_ADMIN("admin2"), REVIEWER("reviewer"), HELPDESK("helpdesk");

		private final String user;

		Caller(String user) {
			this.user = user;
		}

	}

	/** What an API call needs to be made on: nothing, admin's finished draft, or admin's submitted draft. */
	enum Needs {

		NOTHING, FINISHED, SUBMITTED

	}

	/** A valid specification for the API calls. */
	private static final String API_SPEC = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Matrix","persona":"custom",
			 "activities":[{"id":"canvas-core-access"}]}""";

	/**
	 * Every JSON API endpoint: the draft it needs, a valid body, and the status each {@link Caller} gets, in that
	 * order. A new {@code /api/**} mapping fails {@link #everyApiEndpointAnswersEveryCallerWithHttpBasic} until it is
	 * listed here.
	 */
	private static final Map<String, ApiCall> API = Map.ofEntries(
			Map.entry("POST /api/role-preview", new ApiCall(Needs.NOTHING, API_SPEC, 401, 200, 200, 403, 403)),
			Map.entry("POST /api/drafts", new ApiCall(Needs.NOTHING,
					"{\"name\":\"Matrix\",\"specification\":" + API_SPEC + "}", 401, 201, 201, 403, 403)),
			Map.entry("GET /api/drafts/{id}", new ApiCall(Needs.FINISHED, null, 401, 200, 200, 200, 200)),
			Map.entry("POST /api/drafts/{id}/submit", new ApiCall(Needs.FINISHED, "{\"justification\":\"needed\"}",
					401, 200, 403, 403, 403)),
			Map.entry("POST /api/reviews/{id}/approve", new ApiCall(Needs.SUBMITTED,
					"{\"revision\":1,\"comment\":\"fine\"}", 401, 403, 403, 200, 403)),
			Map.entry("POST /api/reviews/{id}/reject", new ApiCall(Needs.SUBMITTED,
					"{\"revision\":1,\"reason\":\"no\"}", 401, 403, 403, 200, 403)),
			// A draft that is not approved has no plan and cannot be pushed (409); only administrators push.
			Map.entry("GET /api/drafts/{id}/plan", new ApiCall(Needs.FINISHED, null, 401, 409, 409, 403, 403)),
			Map.entry("POST /api/drafts/{id}/push", new ApiCall(Needs.FINISHED, "{}", 401, 409, 409, 403, 403)),
			// No push 1 exists here: every caller who may follow pushes is told so.
			Map.entry("GET /api/pushes/{pushId}", new ApiCall(Needs.NOTHING, null, 401, 404, 404, 404, 404)),
			// AWS access is off in the tests: the read problem (502), never a 500; read-only for the help desk too.
			Map.entry("POST /api/access-check", new ApiCall(Needs.NOTHING,
					"{\"accountId\":\"111122223333\",\"roleName\":\"R\",\"requests\":[{\"action\":\"s3:GetObject\","
							+ "\"resource\":\"*\"}]}",
					401, 502, 502, 502, 502)),
			// Without accountId and region the profile list cannot be read: a 400 naming them.
			Map.entry("GET /api/profiles", new ApiCall(Needs.NOTHING, null, 401, 400, 400, 400, 400)));

	record ApiCall(Needs needs, String body, int... statuses) {

		int statusFor(Caller caller) {
			return this.statuses[caller.ordinal()];
		}

	}

	@Test
	void everyApiEndpointAnswersEveryCallerWithHttpBasic() throws Exception {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach((method) -> endpoints.add(method + " " + pattern));
				}
			}
		}
		assertThat(endpoints).as("every /api endpoint has its expected answers in API").isEqualTo(API.keySet().stream()
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
		for (String endpoint : endpoints) {
			ApiCall call = API.get(endpoint);
			for (Caller caller : Caller.values()) {
				Draft draft = ReviewFixtures.as("admin", () -> switch (call.needs()) {
					case NOTHING, FINISHED -> finishedDraft();
					case SUBMITTED -> submittedDraft();
				}, "ADMIN");
				String url = url(endpoint.substring(endpoint.indexOf(' ') + 1), draft);
				MockHttpServletRequestBuilder request = endpoint.startsWith("GET ") ? get(url)
						: post(url).contentType(MediaType.APPLICATION_JSON).content(call.body());
				request.with((caller.user != null) ? httpBasic(caller.user, caller.user + "-pass") : anonymous());
				long draftsBefore = this.repository.count();
				MvcResult result = this.mvc.perform(request).andReturn();
				int expected = call.statusFor(caller);
				assertThat(result.getResponse().getStatus()).as("%s by %s: %s", endpoint, caller,
						result.getResponse().getContentAsString()).isEqualTo(expected);
				assertThat(result.getResponse().getContentType()).as("%s by %s", endpoint, caller)
					.matches("application/(problem\\+)?json(;charset=UTF-8)?");
				Draft after = this.repository.findById(draft.id()).orElseThrow();
				if (expected >= 400 || endpoint.startsWith("GET ") || endpoint.equals("POST /api/role-preview")) {
					assertThat(after.version()).as("%s by %s changes nothing", endpoint, caller)
						.isEqualTo(draft.version());
					assertThat(this.repository.count()).as("%s by %s creates nothing", endpoint, caller)
						.isEqualTo(draftsBefore);
				}
				else if (endpoint.equals("POST /api/drafts")) {
					assertThat(this.repository.count()).isEqualTo(draftsBefore + 1);
				}
				else {
					assertThat(after.status()).as("%s by %s", endpoint, caller).isNotEqualTo(draft.status());
				}
			}
		}
	}

	/** admin's draft, submitted as revision 1. */
	private Draft submittedDraft() {
		Draft draft = finishedDraft();
		this.reviews.submit(draft.id(), "needed", draft.version(), "admin");
		return this.drafts.get(draft.id());
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

	/**
	 * The help desk is read-only: every POST is refused but the access check, which reads AWS and changes nothing
	 * (here AWS access is off, so it answers the read problem, never a 500).
	 */
	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void theHelpDeskIsRefusedEveryPostButTheReadOnlyAccessCheck() throws Exception {
		Draft draft = finishedDraft();
		List<String> posts = patterns(RequestMethod.POST);
		assertThat(posts).contains("/api/access-check");
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (String pattern : posts) {
			if (PUBLIC.contains(pattern) || pattern.equals("/api/access-check") || pattern.equals("/account/password")) {
				continue;
			}
			String url = url(pattern, draft);
			MvcResult result = this.mvc
				.perform(formPost(url, draft).with(user("helpdesk").roles("HELPDESK")).with(csrf()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as("HELPDESK POST %s", url).isEqualTo(403);
		}
		MvcResult check = this.mvc.perform(post("/api/access-check").with(user("helpdesk").roles("HELPDESK"))
			.with(csrf())
			.contentType("application/json")
			.content("{\"accountId\":\"111122223333\",\"roleName\":\"R\",\"requests\":[{\"action\":\"s3:GetObject\","
					+ "\"resource\":\"*\"}]}"))
			.andReturn();
		assertThat(check.getResponse().getStatus()).as("HELPDESK POST /api/access-check").isEqualTo(502);
		for (String pattern : patterns(RequestMethod.GET)) {
			if (pattern.startsWith("/access") || pattern.equals("/api/profiles")) {
				MvcResult page = this.mvc.perform(get(url(pattern, draft)).with(user("helpdesk").roles("HELPDESK")))
					.andReturn();
				assertThat(page.getResponse().getStatus()).as("HELPDESK GET %s without parameters", pattern)
					.isLessThan(500);
			}
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void consoleAdministratorsReachNoDraftAndNoReview() throws Exception {
		Draft draft = finishedDraft();
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
			List<String> patterns = patterns(method).stream()
				.filter((p) -> p.equals("/drafts") || p.startsWith("/drafts/") || p.equals("/reviews")
						|| p.startsWith("/reviews/") || p.startsWith("/api/"))
				.toList();
			assertThat(patterns).hasSizeGreaterThanOrEqualTo(5);
			for (String pattern : patterns) {
				String url = url(pattern, draft);
				MockHttpServletRequestBuilder request = (method == RequestMethod.GET) ? get(url) : formPost(url, draft);
				MvcResult result = this.mvc.perform(request.with(user("useradmin").roles("USER_ADMIN")).with(csrf()))
					.andReturn();
				assertThat(result.getResponse().getStatus()).as("USER_ADMIN %s %s", method, url).isEqualTo(403);
			}
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void mlAdministratorsReviewersAndTheHelpDeskReachNoUserAdministration() throws Exception {
		long reviewerId = this.jdbc.queryForObject("select id from app_user where username = 'reviewer'", Long.class);
		Map<String, Object> values = Map.of("id", reviewerId);
		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
			List<String> patterns = patterns(method).stream().filter((p) -> p.startsWith("/admin/")).toList();
			assertThat(patterns).hasSizeGreaterThanOrEqualTo(3);
			for (String role : List.of("ADMIN", "REVIEWER", "HELPDESK")) {
				for (String pattern : patterns) {
					String url = url(pattern, values);
					MockHttpServletRequestBuilder request = (method == RequestMethod.GET) ? get(url)
							: post(url).param("username", "intruder")
								.param("roles", "USER_ADMIN")
								.param("temporaryPassword", "a-long-enough-secret");
					MvcResult result = this.mvc
						.perform(request.with(user(role.toLowerCase()).roles(role)).with(csrf()))
						.andReturn();
					assertThat(result.getResponse().getStatus()).as("%s %s %s", role, method, url).isEqualTo(403);
				}
			}
		}
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
	}

}
