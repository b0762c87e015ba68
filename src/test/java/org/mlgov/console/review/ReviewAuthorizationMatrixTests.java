package org.mlgov.console.review;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may use each endpoint of the review, the submission and the audit trail: every endpoint for every kind of
 * user, each on a fresh draft in the state where the endpoint makes sense, with the exact answer expected. A refusal
 * changes nothing; an allowed change happens.
 */
@ConsoleTest
class ReviewAuthorizationMatrixTests {

	/**
	 * The kinds of user: not signed in, the draft's author, another administrator, a reviewer, the help desk, a
	 * console administrator (who reaches no draft and no review action).
	 */
	enum Who {

		ANONYMOUS(anonymous()), AUTHOR(user("admin").roles("ADMIN")), OTHER_ADMIN(user("admin2").roles("ADMIN")),
		REVIEWER(user("reviewer").roles("REVIEWER")), HELPDESK(user("helpdesk").roles("HELPDESK")),
		USER_ADMIN(user("useradmin").roles("USER_ADMIN"));

		private final RequestPostProcessor user;

		Who(RequestPostProcessor user) {
			this.user = user;
		}

	}

	/** What a draft must be for the endpoint to make sense. */
	enum Needs {

		FINISHED, SUBMITTED, REJECTED

	}

	/**
	 * An endpoint, the draft it needs, and the answer for each kind of user in {@link Who} order (the last column: the
	 * console administrator): {@code login} (a
	 * redirect to the sign-in page), {@code 401}, {@code 403}, {@code 200}, or {@code 302 <location>} with
	 * {@code {id}} for the draft's id. After a 302 (or a 200 of the JSON API) the draft is in {@code after} (null:
	 * unchanged). The JSON API is called with the browser session and its CSRF token here; with HTTP Basic in
	 * {@code EndpointAuthorizationTests}.
	 */
	enum Endpoint {

		QUEUE(Needs.SUBMITTED, (id) -> get("/reviews"), null, "login", "403", "403", "200", "403", "403"),
		REVIEW_PAGE(Needs.SUBMITTED, (id) -> get("/reviews/{id}", id), null, "login", "200", "200", "200", "403", "403"),
		APPROVE(Needs.SUBMITTED, (id) -> post("/reviews/{id}/approve", id).param("revision", "1").param("comment", "fine"),
				DraftStatus.APPROVED, "login", "403", "403", "302 /reviews/{id}", "403", "403"),
		REJECT(Needs.SUBMITTED, (id) -> post("/reviews/{id}/reject", id).param("revision", "1").param("reason", "too wide"),
				DraftStatus.REJECTED, "login", "403", "403", "302 /reviews/{id}", "403", "403"),
		COMMENT(Needs.SUBMITTED, (id) -> post("/reviews/{id}/comments", id).param("body", "a question"), null,
				"login", "302 /reviews/{id}#comments", "403", "302 /reviews/{id}#comments", "403", "403"),
		SUBMIT(Needs.FINISHED, (id) -> post("/drafts/{id}/submit", id).param("justification", "needed"),
				DraftStatus.SUBMITTED, "login", "302 /reviews/{id}", "403", "403", "403", "403"),
		REWORK(Needs.REJECTED, (id) -> post("/drafts/{id}/rework", id), DraftStatus.DRAFT, "login",
				"302 /drafts/{id}/steps/basics", "403", "403", "403", "403"),
		API_SUBMIT(Needs.FINISHED, (id) -> json(post("/api/drafts/{id}/submit", id), "{\"justification\":\"needed\"}"),
				DraftStatus.SUBMITTED, "401", "200", "403", "403", "403", "403"),
		API_APPROVE(Needs.SUBMITTED, (id) -> json(post("/api/reviews/{id}/approve", id), "{\"revision\":1}"),
				DraftStatus.APPROVED, "401", "403", "403", "200", "403", "403"),
		API_REJECT(Needs.SUBMITTED,
				(id) -> json(post("/api/reviews/{id}/reject", id), "{\"revision\":1,\"reason\":\"too wide\"}"),
				DraftStatus.REJECTED, "401", "403", "403", "200", "403", "403"),
		AUDIT(Needs.SUBMITTED, (id) -> get("/audit"), null, "login", "403", "403", "200", "200", "403"),
		AUDIT_OF_DRAFT(Needs.SUBMITTED, (id) -> get("/audit").param("draft", String.valueOf(id)), null, "login", "403",
				"403", "200", "200", "403"),
		AUDIT_CSV(Needs.SUBMITTED, (id) -> get("/audit.csv"), null, "login", "403", "403", "200", "200", "403");

		private final Needs needs;

		private final Function<Long, MockHttpServletRequestBuilder> request;

		private final DraftStatus after;

		private final String[] answers;

		Endpoint(Needs needs, Function<Long, MockHttpServletRequestBuilder> request, DraftStatus after,
				String... answers) {
			this.needs = needs;
			this.request = request;
			this.after = after;
			this.answers = answers;
		}

		String answerFor(Who who) {
			return this.answers[who.ordinal()];
		}

		private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
			return request.contentType(MediaType.APPLICATION_JSON).content(body);
		}

	}

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

	ReviewFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	static Stream<Arguments> everyEndpointForEveryone() {
		return Arrays.stream(Endpoint.values())
			.flatMap((endpoint) -> Arrays.stream(Who.values()).map((who) -> Arguments.of(endpoint, who)));
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("everyEndpointForEveryone")
	void eachEndpointAnswersEachUserAsExpected(Endpoint endpoint, Who who) throws Exception {
		String name = endpoint + " by " + who;
		Draft draft = switch (endpoint.needs) {
			case FINISHED -> this.fixtures.finished("admin", name);
			case SUBMITTED -> this.fixtures.submitted("admin", name);
			case REJECTED -> this.fixtures.rejected("admin", name, "reviewer");
		};
		MockHttpServletRequestBuilder request = endpoint.request.apply(draft.id());
		if (endpoint == Endpoint.SUBMIT) {
			request.param("version", String.valueOf(draft.version()));
		}

		MockHttpServletResponse response = this.mvc.perform(request.with(csrf()).with(who.user)).andReturn().getResponse();

		String expected = endpoint.answerFor(who).replace("{id}", String.valueOf(draft.id()));
		Draft stored = this.repository.findById(draft.id()).orElseThrow();
		if (expected.equals("login")) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).isEqualTo("/login");
		}
		else if (expected.startsWith("302 ")) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).isEqualTo(expected.substring(4));
		}
		else {
			assertThat(response.getStatus()).isEqualTo(Integer.parseInt(expected));
		}
		boolean changed = expected.startsWith("302 ") || (expected.equals("200") && endpoint.after != null);
		assertThat(stored.status()).isEqualTo((changed && endpoint.after != null) ? endpoint.after : draft.status());
		if (endpoint == Endpoint.COMMENT) {
			assertThat(this.comments.findByDraft(draft.id())).hasSize(changed ? 1 : 0);
		}
		else if (!changed) {
			assertThat(stored.version()).isEqualTo(draft.version());
		}
	}

}
