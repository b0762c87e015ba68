package org.mlgov.console.security;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may reach what, how sign-in works, and that sign-ins are audited.
 */
@ConsoleTest
class SecurityTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private UserDetailsService userDetailsService;

	@Autowired
	private AppUserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void anonymousBrowserRequestIsRedirectedToTheLoginPageAndSigningInLeadsBackToIt() throws Exception {
		MvcResult result = this.mvc.perform(get("/audit?user=admin&action=DRAFT_SAVED")
			.accept(MediaType.TEXT_HTML, MediaType.ALL))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(session).isNotNull();

		this.mvc.perform(post("/login").param("username", "helpdesk").param("password", "helpdesk-pass")
			.with(csrf()).session(session))
			.andExpect(authenticated().withUsername("helpdesk"))
			// a path, never an absolute URL built from the Host header (issue 13, item 5)
			.andExpect(redirectedUrl("/audit?user=admin&action=DRAFT_SAVED"));
	}

	@Test
	void signingInWithoutAPageAskedForLeadsHome() throws Exception {
		this.mvc.perform(formLogin("/login").user("helpdesk").password("helpdesk-pass"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void htmxPartialsAndNonHtmlRequestsAreNotRememberedForAfterSignIn() throws Exception {
		// The preview panel of a wizard step after the session ended: not a page to come back to. htmx gets a 401
		// with HX-Redirect and loads the sign-in page as a whole page instead of swapping it into the panel.
		MvcResult htmx = this.mvc.perform(get("/drafts/1/steps/2/preview").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"))
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andReturn();
		assertThat(savedRequestIn(htmx)).isFalse();

		MvcResult json = this.mvc.perform(get("/drafts").accept(MediaType.APPLICATION_JSON))
			.andExpect(redirectedUrl("/login"))
			.andReturn();
		assertThat(savedRequestIn(json)).isFalse();

		MvcResult favicon = this.mvc.perform(get("/favicon.ico")).andReturn();
		assertThat(savedRequestIn(favicon)).isFalse();

		MvcResult post = this.mvc.perform(post("/drafts").with(csrf())).andExpect(redirectedUrl("/login")).andReturn();
		assertThat(savedRequestIn(post)).isFalse();
	}

	private static boolean savedRequestIn(MvcResult result) {
		HttpSession session = result.getRequest().getSession(false);
		List<String> attributes = (session != null) ? Collections.list(session.getAttributeNames()) : List.of();
		return attributes.stream().anyMatch((name) -> name.contains("SAVED_REQUEST"));
	}

	@Test
	void anonymousApiRequestGets401ProblemJsonAndNoRedirect() throws Exception {
		this.mvc.perform(get("/api/anything").accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.instance").value("/api/anything"));
	}

	@Test
	void publicPathsNeedNoSignIn() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Bootstrap")));
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/css/console.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/console.js")).andExpect(status().isOk());
		this.mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
	}

	@Test
	void otherActuatorEndpointsNeedSignIn() throws Exception {
		this.mvc.perform(get("/actuator/info")).andExpect(status().isFound());
	}

	@Test
	void demoAdminSignsInWithTheFormAndTheSignInIsAudited() throws Exception {
		long before = lastAuditId();
		this.mvc.perform(formLogin("/login").user("admin").password("admin-pass"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));

		assertThat(auditEventsAfter(before)).singleElement().satisfies((event) -> {
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.action()).isEqualTo("SIGN_IN");
			assertThat(event.remoteAddress()).isEqualTo("127.0.0.1");
			assertThat(event.occurredAt()).isNotNull();
		});
	}

	@Test
	void wrongPasswordFailsAndTheFailureIsAudited() throws Exception {
		long before = lastAuditId();
		this.mvc.perform(formLogin("/login").user("admin").password("admin"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());

		assertThat(auditEventsAfter(before)).singleElement().satisfies((event) -> {
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.action()).isEqualTo("SIGN_IN_FAILED");
			assertThat(event.detail()).isEqualTo("Wrong user name or password");
			assertThat(event.remoteAddress()).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void unknownUserFailsLikeAWrongPasswordAndIsAuditedUnderTheTypedName() throws Exception {
		long before = lastAuditId();
		this.mvc.perform(formLogin("/login").user("mallory").password("guess"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::detail)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("mallory", "SIGN_IN_FAILED",
					"Wrong user name or password"));
	}

	@Test
	void disabledUserCannotSignIn() throws Exception {
		AppUser disabled = AppUser.create("disabled-user", "Disabled User",
				this.passwordEncoder.encode("disabled-pass"), java.util.Set.of(Role.HELPDESK));
		this.users.save(disabled.withEnabled(false));
		long before = lastAuditId();
		this.mvc.perform(formLogin("/login").user("disabled-user").password("disabled-pass"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::detail).containsExactly("Account disabled");
	}

	@Test
	void sessionHoldsOnlyTheAuthenticationAndTheCsrfToken() throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/login").user("reviewer").password("reviewer-pass"))
			.andExpect(authenticated())
			.andReturn();
		HttpSession session = result.getRequest().getSession(false);
		assertThat(session).isNotNull();
		assertThat(Collections.list(session.getAttributeNames())).allMatch(
				(name) -> name.equals("SPRING_SECURITY_CONTEXT") || name.endsWith("CSRF_TOKEN"));
	}

	@Test
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/logout").with(user(this.userDetailsService.loadUserByUsername("admin"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "admin").param("password", "admin-pass"))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
	}

	@Test
	void logoutWithCsrfTokenSignsOutAndIsAudited() throws Exception {
		long before = lastAuditId();
		this.mvc.perform(post("/logout").with(user(this.userDetailsService.loadUserByUsername("admin2"))).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"))
			.andExpect(unauthenticated());
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::actor, AuditEvent::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("admin2", "SIGN_OUT"));
		this.mvc.perform(get("/login").param("logout", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You have been signed out.")));
	}

	@Test
	void loginPageShowsTheErrorMessageAfterAFailedSignIn() throws Exception {
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong user name or password.")));
		this.mvc.perform(get("/login"))
			.andExpect(content().string(org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.containsString("Wrong user name or password."))));
	}

	@Test
	void signedInUserOpeningTheLoginPageGoesHome() throws Exception {
		this.mvc.perform(get("/login").with(user(this.userDetailsService.loadUserByUsername("helpdesk"))))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void apiAcceptsHttpBasicAndSkipsCsrfForIt() throws Exception {
		this.mvc.perform(get("/api/anything").with(httpBasic("reviewer", "reviewer-pass")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(post("/api/anything").with(httpBasic("reviewer", "reviewer-pass")))
			.andExpect(status().isNotFound());
	}

	@Test
	void apiRequestFromTheBrowserSessionStillNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/api/anything").with(user(this.userDetailsService.loadUserByUsername("admin"))))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(post("/api/anything").with(user(this.userDetailsService.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void apiBasicWithWrongPasswordGets401AndIsAudited() throws Exception {
		long before = lastAuditId();
		this.mvc.perform(get("/api/anything").with(httpBasic("helpdesk", "nope")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::actor, AuditEvent::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("helpdesk", "SIGN_IN_FAILED"));
	}

	@Test
	void httpBasicIsNotAcceptedForBrowserPages() throws Exception {
		this.mvc.perform(get("/").with(httpBasic("admin", "admin-pass")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
	}

	private long lastAuditId() {
		List<AuditEvent> recent = this.auditEvents.findRecent(1);
		return recent.isEmpty() ? 0 : recent.get(0).id();
	}

	private List<AuditEvent> auditEventsAfter(long id) {
		return this.auditEvents.findRecent(50).stream().filter((event) -> event.id() > id).toList();
	}

}
