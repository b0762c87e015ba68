package org.mlgov.console.security.users;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The user administration through its pages, as the demo console administrator {@code useradmin}: creating users
 * with a temporary password that must be changed at the first sign-in, the rules that refuse a change (and save
 * nothing), disabling a signed-in user (their session ends), and the audit trail of every change.
 */
@ConsoleTest
class UserAdministrationWebTests {

	private static final RequestPostProcessor USER_ADMIN = user("useradmin").roles("USER_ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	AppUserRepository users;

	@Autowired
	AuditEventRepository auditEvents;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	private long lastAuditId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

	private List<AuditEvent> auditEventsAfter(long id) {
		return this.auditEvents.findRecent(200).stream().filter((event) -> event.id() > id).sorted(java.util.Comparator.comparing(AuditEvent::id)).toList();
	}

	private long create(String username, String password, Role... roles) throws Exception {
		var request = post("/admin/users").param("username", username)
			.param("displayName", "Name of " + username)
			.param("email", username + "@example.com")
			.param("temporaryPassword", password);
		for (Role role : roles) {
			request.param("roles", role.name());
		}
		MvcResult result = this.mvc.perform(request.with(USER_ADMIN).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		AppUser user = this.users.findByUsername(username).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
		return user.id();
	}

	@Test
	void aConsoleAdministratorCreatesAUserWhoMustChangeTheTemporaryPasswordFirst() throws Exception {
		long before = lastAuditId();
		long id = create("nina", "first-temporary-secret", Role.REVIEWER);

		AppUser created = this.users.findById(id).orElseThrow();
		assertThat(created.roleSet()).containsExactly(Role.REVIEWER);
		assertThat(created.passwordChangeRequired()).isTrue();
		assertThat(created.email()).isEqualTo("nina@example.com");
		assertThat(created.passwordHash()).startsWith("{bcrypt}").doesNotContain("first-temporary-secret");
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("useradmin", "USER_CREATED", "user nina"));

		Document page = Jsoup.parse(this.mvc.perform(get("/admin/users/{id}", id).with(USER_ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#user-name").text()).isEqualTo("nina");
		assertThat(page.select("#user-temporary")).isNotEmpty();

		// First sign-in: everything leads to the password page until the password is changed.
		MvcResult signIn = this.mvc.perform(formLogin("/login").user("nina").password("first-temporary-secret"))
			.andExpect(authenticated())
			.andReturn();
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession();
		this.mvc.perform(get("/reviews").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/reviews").session(session).header("HX-Request", "true"))
			.andExpect(status().isNoContent());
		String form = this.mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(form).select("#temporary-password")).isNotEmpty();

		// Refused changes: the message is next to the field, nothing is saved.
		Document wrong = Jsoup.parse(this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "not-the-password")
				.param("newPassword", "a-brand-new-secret")
				.param("confirmation", "a-brand-new-secret"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(wrong.select("#currentPassword-errors").text()).isEqualTo("This is not your current password.");
		Document withName = Jsoup.parse(this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "first-temporary-secret")
				.param("newPassword", "my-name-is-NINA-ok")
				.param("confirmation", "my-name-is-NINA-ok"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(withName.select("#newPassword-errors").text()).isEqualTo("The password must not contain the user name.");
		Document differ = Jsoup.parse(this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "first-temporary-secret")
				.param("newPassword", "a-brand-new-secret")
				.param("confirmation", "another-new-secret"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(differ.select("#confirmation-errors").text()).isEqualTo("The two new passwords differ.");
		assertThat(this.users.findById(id).orElseThrow().passwordHash()).isEqualTo(created.passwordHash());

		long beforeChange = lastAuditId();
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "first-temporary-secret")
				.param("newPassword", "a-brand-new-secret")
				.param("confirmation", "a-brand-new-secret"))
			.andExpect(redirectedUrl("/"));
		AppUser changed = this.users.findById(id).orElseThrow();
		assertThat(changed.passwordChangeRequired()).isFalse();
		assertThat(this.passwordEncoder.matches("a-brand-new-secret", changed.passwordHash())).isTrue();
		assertThat(auditEventsAfter(beforeChange)).extracting(AuditEvent::actor, AuditEvent::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nina", "PASSWORD_CHANGED"));
		this.mvc.perform(get("/reviews").session(session)).andExpect(status().isOk());
	}

	@Test
	void refusedCreationsSayWhyNextToTheFieldAndSaveNothing() throws Exception {
		create("oscar", "temporary-secret-1", Role.HELPDESK);
		long usersBefore = this.users.count();
		long before = lastAuditId();

		assertFieldError(post("/admin/users").param("username", "OSCAR")
			.param("roles", "HELPDESK")
			.param("temporaryPassword", "a-long-enough-secret"), "username",
				"This user name is taken (user names are never reused, not even those of disabled users).");
		assertFieldError(post("/admin/users").param("username", "x")
			.param("roles", "HELPDESK")
			.param("temporaryPassword", "a-long-enough-secret"), "username", "Use 3 to 64 letters, digits or . _ @ -.");
		assertFieldError(post("/admin/users").param("username", "pat")
			.param("temporaryPassword", "a-long-enough-secret"), "roles", "Choose at least one role.");
		assertFieldError(post("/admin/users").param("username", "pat")
			.param("roles", "USER_ADMIN", "ADMIN")
			.param("temporaryPassword", "a-long-enough-secret"), "roles",
				"A console administrator can be neither an ML administrator nor a security reviewer: whoever manages "
						+ "accounts must not author or approve drafts (separation of duties). Use a separate account.");
		assertFieldError(post("/admin/users").param("username", "pat")
			.param("roles", "ADMIN")
			.param("temporaryPassword", "short"), "temporaryPassword", "Use at least 12 characters.");
		assertFieldError(post("/admin/users").param("username", "pat")
			.param("roles", "ADMIN")
			.param("temporaryPassword", "pat-is-my-password"), "temporaryPassword",
				"The password must not contain the user name.");

		assertThat(this.users.count()).isEqualTo(usersBefore);
		assertThat(auditEventsAfter(before)).isEmpty();
	}

	private void assertFieldError(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String field, String message) throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(request.with(USER_ADMIN).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#" + field + "-errors").text()).as(field).isEqualTo(message);
		assertThat(page.select("#" + field + "-errors").parents().select("form#new-user-form")).isNotEmpty();
	}

	@Test
	void grantingAndRevokingRolesIsRecordedPerRoleAndTheRulesHold() throws Exception {
		long id = create("quinn", "temporary-secret-2", Role.HELPDESK);
		long before = lastAuditId();
		this.mvc
			.perform(post("/admin/users/{id}/roles", id).param("roles", "REVIEWER").with(USER_ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(this.users.findById(id).orElseThrow().roleSet()).containsExactly(Role.REVIEWER);
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::action, AuditEvent::detail, AuditEvent::target)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("USER_ROLE_GRANTED", "role: REVIEWER", "user quinn"),
					org.assertj.core.groups.Tuple.tuple("USER_ROLE_REVOKED", "role: HELPDESK", "user quinn"));

		Document refused = Jsoup.parse(this.mvc
			.perform(post("/admin/users/{id}/roles", id).param("roles", "REVIEWER", "USER_ADMIN")
				.with(USER_ADMIN)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(refused.select("#roles-errors").text()).startsWith("A console administrator can be neither");
		assertThat(this.users.findById(id).orElseThrow().roleSet()).containsExactly(Role.REVIEWER);
	}

	@Test
	void theLastEnabledConsoleAdministratorCanNeitherBeDisabledNorLoseTheRole() throws Exception {
		long first = create("ua-first", "temporary-secret-3", Role.USER_ADMIN);
		long second = create("ua-second", "temporary-secret-4", Role.USER_ADMIN);
		List<AppUser> others = this.users.findAll()
			.stream()
			.filter((u) -> u.enabled() && u.roleSet().contains(Role.USER_ADMIN) && u.id() != first)
			.toList();
		try {
			// Only ua-first stays an enabled console administrator.
			others.forEach((u) -> this.users.save(u.withEnabled(false)));
			RequestPostProcessor uaFirst = user("ua-first").roles("USER_ADMIN");
			RequestPostProcessor uaSecond = user("ua-second").roles("USER_ADMIN");
			Document revoke = Jsoup.parse(this.mvc
				.perform(post("/admin/users/{id}/roles", first).param("roles", "HELPDESK").with(uaFirst).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(revoke.select("#roles-errors").text())
				.isEqualTo("This is the last enabled console administrator: grant the role to someone else first.");
			Document disable = Jsoup.parse(this.mvc
				.perform(post("/admin/users/{id}/disable", first).with(uaSecond).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(disable.select("#status-error").text())
				.isEqualTo("This is the last enabled console administrator: enable or create another one first.");
			Document self = Jsoup.parse(this.mvc
				.perform(post("/admin/users/{id}/disable", first).with(uaFirst).with(csrf()))
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(self.select("#status-error").text()).isEqualTo("You cannot disable your own account.");
			assertThat(this.users.findById(first).orElseThrow().enabled()).isTrue();
			assertThat(this.users.findById(first).orElseThrow().roleSet()).containsExactly(Role.USER_ADMIN);

			// With a second one enabled, the first may go.
			this.mvc.perform(post("/admin/users/{id}/enable", second).with(uaFirst).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + second));
			this.mvc.perform(post("/admin/users/{id}/disable", first).with(uaSecond).with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + first));
			assertThat(this.users.findById(first).orElseThrow().enabled()).isFalse();
		}
		finally {
			others.forEach((u) -> this.users.save(this.users.findById(u.id()).orElseThrow().withEnabled(true)));
		}
	}

	@Test
	void disablingASignedInUserEndsTheirSessionAndRefusesTheirNextSignIn() throws Exception {
		long id = create("rita", "temporary-secret-5", Role.HELPDESK);
		this.users.save(this.users.findById(id).orElseThrow().withPassword(
				this.passwordEncoder.encode("her-own-password-5"), false));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user("rita").password("her-own-password-5"))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/audit").session(session)).andExpect(status().isOk());

		long before = lastAuditId();
		this.mvc.perform(post("/admin/users/{id}/disable", id).with(USER_ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("useradmin", "USER_DISABLED", "user rita"));

		this.mvc.perform(get("/audit").session(session).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
		this.mvc.perform(formLogin("/login").user("rita").password("her-own-password-5"))
			.andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(post("/admin/users/{id}/enable", id).with(USER_ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		this.mvc.perform(formLogin("/login").user("rita").password("her-own-password-5")).andExpect(authenticated());
	}

	@Test
	void aTemporaryPasswordEndsTheSessionsAndMustBeChanged() throws Exception {
		long id = create("sam-t", "temporary-secret-6", Role.HELPDESK);
		this.users.save(this.users.findById(id).orElseThrow().withPassword(
				this.passwordEncoder.encode("forgotten-secret-6"), false));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user("sam-t").password("forgotten-secret-6"))
			.andReturn()
			.getRequest()
			.getSession();
		long before = lastAuditId();
		this.mvc
			.perform(post("/admin/users/{id}/password", id).param("temporaryPassword", "reset-by-the-admin")
				.with(USER_ADMIN)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(auditEventsAfter(before)).extracting(AuditEvent::action).containsExactly("USER_PASSWORD_RESET");
		this.mvc.perform(get("/audit").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(this.users.findById(id).orElseThrow().passwordChangeRequired()).isTrue();
	}

	@Test
	void theListShowsEveryUserWithRolesAndStatus() throws Exception {
		Document page = Jsoup.parse(this.mvc.perform(get("/admin/users").with(USER_ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#users tbody tr[data-username=reviewer] .user-roles").text())
			.isEqualTo("Security reviewer");
		assertThat(page.select("#users tbody tr[data-username=useradmin] .user-roles").text())
			.isEqualTo("Console administrator");
		assertThat(page.select("#nav-items a[href=/admin/users]").text()).isEqualTo("Users");
		assertThat(Set.copyOf(page.select("#users tbody tr").eachAttr("data-username")))
			.contains("admin", "admin2", "reviewer", "helpdesk", "useradmin");
	}

}
