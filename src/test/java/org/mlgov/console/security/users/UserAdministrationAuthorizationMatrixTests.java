package org.mlgov.console.security.users;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * Who may use each endpoint of the user administration and the password page: every endpoint for every kind of
 * user, each on a fresh target user, with the exact answer expected. A refusal changes nothing; an allowed change
 * happens.
 */
@ConsoleTest
class UserAdministrationAuthorizationMatrixTests {

	/** Not signed in, an ML administrator, a reviewer, the help desk, a console administrator. */
	enum Who {

		ANONYMOUS(anonymous()), ADMIN(user("admin").roles("ADMIN")), REVIEWER(user("reviewer").roles("REVIEWER")),
		HELPDESK(user("helpdesk").roles("HELPDESK")), USER_ADMIN(user("useradmin").roles("USER_ADMIN"));

		private final RequestPostProcessor user;

		Who(RequestPostProcessor user) {
			this.user = user;
		}

	}

	/** An endpoint and the answer for each {@link Who}: {@code login}, {@code 403}, {@code 200} or {@code 302 <url>}. */
	enum Endpoint {

		LIST((id) -> get("/admin/users"), "login", "403", "403", "403", "200"),
		NEW_FORM((id) -> get("/admin/users/new"), "login", "403", "403", "403", "200"),
		CREATE((id) -> post("/admin/users").param("username", "created-" + id)
			.param("roles", "HELPDESK")
			.param("temporaryPassword", "a-long-enough-secret"), "login", "403", "403", "403", "302 /admin/users/*"),
		DETAIL((id) -> get("/admin/users/{id}", id), "login", "403", "403", "403", "200"),
		ROLES((id) -> post("/admin/users/{id}/roles", id).param("roles", "REVIEWER"), "login", "403", "403", "403",
				"302 /admin/users/{id}"),
		DISABLE((id) -> post("/admin/users/{id}/disable", id), "login", "403", "403", "403", "302 /admin/users/{id}"),
		ENABLE((id) -> post("/admin/users/{id}/enable", id), "login", "403", "403", "403", "302 /admin/users/{id}"),
		PASSWORD((id) -> post("/admin/users/{id}/password", id).param("temporaryPassword", "reset-by-the-admin"),
				"login", "403", "403", "403", "302 /admin/users/{id}"),
		OWN_PASSWORD_PAGE((id) -> get("/account/password"), "login", "200", "200", "200", "200");

		private final Function<Long, MockHttpServletRequestBuilder> request;

		private final String[] answers;

		Endpoint(Function<Long, MockHttpServletRequestBuilder> request, String... answers) {
			this.request = request;
			this.answers = answers;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AppUserRepository users;

	@Autowired
	PasswordEncoder passwordEncoder;

	static Stream<Arguments> everyEndpointForEveryone() {
		return Arrays.stream(Endpoint.values())
			.flatMap((endpoint) -> Arrays.stream(Who.values()).map((who) -> Arguments.of(endpoint, who)));
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("everyEndpointForEveryone")
	void eachEndpointAnswersEachUserAsExpected(Endpoint endpoint, Who who) throws Exception {
		String name = ("m-" + endpoint + "-" + who).toLowerCase().replace('_', '-');
		AppUser target = this.users.save(AppUser.create(name, name, this.passwordEncoder.encode("target-password-1"),
				java.util.Set.of(Role.HELPDESK)));
		if (endpoint == Endpoint.ENABLE) {
			target = this.users.save(target.withEnabled(false));
		}
		long usersBefore = this.users.count();

		MockHttpServletResponse response = this.mvc
			.perform(endpoint.request.apply(target.id()).with(csrf()).with(who.user))
			.andReturn()
			.getResponse();

		String expected = endpoint.answers[who.ordinal()].replace("{id}", String.valueOf(target.id()));
		AppUser after = this.users.findById(target.id()).orElseThrow();
		if (expected.equals("login")) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).isEqualTo("/login");
		}
		else if (expected.startsWith("302 ")) {
			assertThat(response.getStatus()).isEqualTo(302);
			String location = expected.substring(4);
			if (location.endsWith("*")) {
				assertThat(response.getRedirectedUrl()).startsWith(location.substring(0, location.length() - 1));
			}
			else {
				assertThat(response.getRedirectedUrl()).isEqualTo(location);
			}
		}
		else {
			assertThat(response.getStatus()).isEqualTo(Integer.parseInt(expected));
		}
		boolean changed = expected.startsWith("302 ");
		switch (endpoint) {
			case CREATE -> assertThat(this.users.count()).isEqualTo(usersBefore + (changed ? 1 : 0));
			case ROLES -> assertThat(after.roleSet()).containsExactly(changed ? Role.REVIEWER : Role.HELPDESK);
			case DISABLE -> assertThat(after.enabled()).isEqualTo(!changed);
			case ENABLE -> assertThat(after.enabled()).isEqualTo(changed);
			case PASSWORD -> assertThat(after.passwordChangeRequired()).isEqualTo(changed);
			default -> assertThat(after).isEqualTo(target);
		}
	}

}
