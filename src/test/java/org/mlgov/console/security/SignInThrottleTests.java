package org.mlgov.console.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 13, item 3, with the default limits ({@code console.sign-in.*}: 5 failures per user name, 20 per address,
 * within 15 minutes, lock for 15 minutes): failed sign-ins lock the name and the address, for the form and for
 * HTTP Basic alike, the right password included; a locked sign-in checks no password (a flood costs no bcrypt);
 * every lockout is in the audit trail; other users, other addresses and signed-in sessions are unaffected.
 */
@SpringBootTest(properties = { "console.sign-in.max-failures-per-user=5", "console.sign-in.max-failures-per-address=20",
		"console.sign-in.failure-window=15m", "console.sign-in.lockout=15m" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ThrottledAuthenticationProvider provider;

	@Autowired
	CountingPasswordEncoder passwordChecks;

	@Autowired
	AuditEventRepository auditEvents;

	@BeforeEach
	void forgetFailures() {
		this.provider.reset();
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String formSignIn(String username, String password, String address) throws Exception {
		MvcResult result = this.mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address))).andReturn();
		return result.getResponse().getRedirectedUrl();
	}

	private List<AuditEvent> lockoutsAfter(long id) {
		return this.auditEvents.findRecent(200)
			.stream()
			.filter((event) -> event.id() > id && event.action().equals("SIGN_IN_LOCKED"))
			.toList();
	}

	private long lastAuditId() {
		List<AuditEvent> recent = this.auditEvents.findRecent(1);
		return recent.isEmpty() ? 0 : recent.get(0).id();
	}

	@Test
	void fortyWrongPasswordsLockTheUserNameAndThenTheRightPasswordIsRefusedToo() throws Exception {
		long before = lastAuditId();
		int checksBefore = this.passwordChecks.count.get();
		for (int i = 0; i < 40; i++) {
			String target = formSignIn("admin", "wrong-" + i, "198.51.100." + (i % 3 + 1));
			assertThat(target).as("attempt %d", i + 1).isEqualTo((i < 5) ? "/login?error" : "/login?locked");
		}
		assertThat(formSignIn("admin", "admin-pass", "198.51.100.9")).isEqualTo("/login?locked");
		assertThat(this.passwordChecks.count.get() - checksBefore).as("passwords checked").isEqualTo(5);
		assertThat(lockoutsAfter(before)).singleElement().satisfies((event) -> {
			assertThat(event.actor()).isEqualTo("admin");
			assertThat(event.detail()).startsWith("User name locked after 5 failed sign-ins, until ");
			assertThat(event.remoteAddress()).startsWith("198.51.100.");
		});
		// another user, from one of the same addresses, is not affected
		assertThat(formSignIn("admin2", "admin2-pass", "198.51.100.1")).isEqualTo("/");
		assertThat(this.mvc.perform(get("/login").param("locked", "")).andReturn().getResponse().getContentAsString())
			.contains("Too many failed sign-ins");
	}

	@Test
	void httpBasicCountsTowardsTheSameLockAndALockedBasicRequestIs401WithoutAPasswordCheck() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.perform(get("/api/anything").with(httpBasic("reviewer", "nope")).with(from("192.0.2.5")))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
		int checksBefore = this.passwordChecks.count.get();
		for (int i = 0; i < 16; i++) {
			assertThat(this.mvc
				.perform(get("/api/anything").with(httpBasic("reviewer", "reviewer-pass")).with(from("192.0.2.6")))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(401);
		}
		assertThat(formSignIn("reviewer", "reviewer-pass", "192.0.2.7")).isEqualTo("/login?locked");
		assertThat(this.passwordChecks.count.get()).as("no password checked while locked").isEqualTo(checksBefore);
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddressForEveryName() throws Exception {
		long before = lastAuditId();
		for (int i = 0; i < 20; i++) {
			assertThat(formSignIn("nobody-" + i, "guess", "203.0.113.66")).isEqualTo("/login?error");
		}
		assertThat(formSignIn("helpdesk", "helpdesk-pass", "203.0.113.66")).isEqualTo("/login?locked");
		assertThat(formSignIn("helpdesk", "helpdesk-pass", "203.0.113.67")).isEqualTo("/");
		assertThat(lockoutsAfter(before)).singleElement().satisfies((event) -> {
			assertThat(event.detail()).startsWith("Address 203.0.113.66 locked after 20 failed sign-ins");
			assertThat(event.remoteAddress()).isEqualTo("203.0.113.66");
		});
	}

	@Test
	void aSignedInSessionKeepsWorkingWhileItsUserNameIsLockedByOthers() throws Exception {
		MvcResult signedIn = this.mvc.perform(post("/login").param("username", "admin2")
			.param("password", "admin2-pass")
			.with(csrf())
			.with(from("10.1.1.1"))).andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		for (int i = 0; i < 10; i++) {
			formSignIn("admin2", "wrong", "203.0.113.99");
		}
		assertThat(formSignIn("admin2", "admin2-pass", "10.1.1.1")).isEqualTo("/login?locked");
		assertThat(this.mvc.perform(get("/drafts").session(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void aSuccessfulSignInClearsTheFailuresOfItsUserName() throws Exception {
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(formSignIn("admin", "wrong", "192.0.2.44")).isEqualTo("/login?error");
			}
			assertThat(formSignIn("admin", "admin-pass", "192.0.2.44")).isEqualTo("/");
		}
	}

	/** Counts password checks (bcrypt comparisons). */
	static final class CountingPasswordEncoder implements PasswordEncoder {

		final AtomicInteger count = new AtomicInteger();

		private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.count.incrementAndGet();
			return this.delegate.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.delegate.upgradeEncoding(encodedPassword);
		}

	}

	@TestConfiguration
	static class Counting {

		@Bean
		@Primary
		CountingPasswordEncoder countingPasswordEncoder() {
			return new CountingPasswordEncoder();
		}

	}

}
