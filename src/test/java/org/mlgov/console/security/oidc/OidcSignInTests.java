package org.mlgov.console.security.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleHttp;
import org.mlgov.console.ConsoleHttp.Answer;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.ExternalIdentity;
import org.mlgov.console.security.ExternalIdentityRepository;
import org.mlgov.console.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through OpenID Connect against a real provider in the same JVM (mock-oauth2-server), through the real
 * redirect flow over HTTP: the console redirects to the provider's authorization endpoint, the provider back with a
 * code, the console exchanges it for tokens (checking the ID token's signature against the provider's JWKS, its
 * issuer, audience and nonce) and reads the user info. Nothing of Spring Security is mocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcSignInTests {

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		OidcTestProvider.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	AppUserRepository users;

	@Autowired
	ExternalIdentityRepository identities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DraftService drafts;

	@Autowired
	org.mlgov.console.security.UserSessions sessions;

	@Autowired
	ReviewService reviews;

	private ConsoleHttp browser() {
		return new ConsoleHttp("http://localhost:" + this.port);
	}

	/** Signs in through the provider as the person queued with {@link OidcTestProvider#next}. */
	private static Answer signInThroughTheProvider(ConsoleHttp browser) {
		Answer login = browser.get("/login");
		assertThat(Jsoup.parse(login.body()).select("#oidc-login").text()).isEqualTo("Sign in with Corp SSO");
		Answer toProvider = browser.get("/oauth2/authorization/oidc");
		assertThat(toProvider.status()).isEqualTo(302);
		assertThat(toProvider.location()).startsWith(OidcTestProvider.issuer() + "/authorize?");
		return browser.follow(toProvider.location());
	}

	private List<String> auditActionsOn(String username) {
		return this.jdbc.sql("select action from audit_event where subject_kind = 'USER' and subject_id = :u order by id")
			.param("u", username)
			.query(String.class)
			.list();
	}

	@Test
	void aPersonInAMappedGroupIsRecordedAtTheFirstSignInWithTheMappedRole() {
		ConsoleHttp browser = browser();
		OidcTestProvider.next("sub-ann-1", "ann", "Ann Archer", List.of("ml-admins", "unrelated-group"));
		Answer home = signInThroughTheProvider(browser);

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.uri().getPath()).isEqualTo("/");
		Document page = Jsoup.parse(home.body());
		assertThat(page.select("#signed-in-user .navbar-text").text()).isEqualTo("Ann Archer");
		assertThat(page.select("#signed-in-user .badge").eachText()).containsExactly("ML administrator");
		assertThat(page.select("#nav-items a[href=/drafts]")).isNotEmpty();
		assertThat(page.select("#account-password")).as("no console password to change").isEmpty();

		AppUser ann = this.users.findByUsername("ann").orElseThrow();
		assertThat(ann.roleSet()).containsExactly(Role.ADMIN);
		assertThat(ann.hasLocalPassword()).isFalse();
		assertThat(ann.email()).isEqualTo("ann@corp.example");
		assertThat(this.identities.findByUserId(ann.id())).singleElement().satisfies((identity) -> {
			assertThat(identity.issuer()).isEqualTo(OidcTestProvider.issuer());
			assertThat(identity.subject()).isEqualTo("sub-ann-1");
			assertThat(identity.displayName()).isEqualTo("Ann Archer");
		});
		assertThat(auditActionsOn("ann")).containsExactly("USER_PROVISIONED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = 'ann' and action = 'SIGN_IN'")
			.query(Long.class)
			.single()).isEqualTo(1);

		// A page of the role works in the same session; one of another role does not.
		assertThat(browser.get("/drafts").status()).isEqualTo(200);
		assertThat(browser.get("/reviews").status()).isEqualTo(403);
		// Nobody signs in as an OIDC user with a password.
		assertThat(browser().signIn("ann", "").locationPath()).isEqualTo("/login?error");
	}

	@Test
	void rolesAreRefreshedAtEverySignInAndTheUserNameNeverChanges() {
		OidcTestProvider.next("sub-bo-1", "bob", "Bo Berg", List.of("ml-admins"));
		assertThat(signInThroughTheProvider(browser()).status()).isEqualTo(200);
		OidcTestProvider.next("sub-bo-1", "bob.berg", "Bo Berg-Lund", List.of("ml-reviewers", "service-desk"));
		Answer home = signInThroughTheProvider(browser());

		assertThat(Jsoup.parse(home.body()).select("#signed-in-user .badge").eachText())
			.containsExactly("Security reviewer", "Help desk (read-only)");
		AppUser bob = this.users.findByUsername("bob").orElseThrow();
		assertThat(bob.roleSet()).containsExactlyInAnyOrder(Role.REVIEWER, Role.HELPDESK);
		assertThat(bob.displayName()).isEqualTo("Bo Berg-Lund");
		assertThat(this.users.findByUsername("bob.berg")).isEmpty();
		assertThat(auditActionsOn("bob")).containsExactly("USER_PROVISIONED", "USER_ROLES_SYNCED");
		assertThat(this.jdbc.sql("select detail from audit_event where action = 'USER_ROLES_SYNCED' and subject_id = 'bob'")
			.query(String.class)
			.single()).isEqualTo("roles: REVIEWER, HELPDESK (were: ADMIN)");
	}

	@Test
	void aPersonWithoutAMappedGroupIsRefusedWithAPageThatSaysSo() {
		OidcTestProvider.next("sub-cy-1", "cyril", "Cy Cole", List.of("finance", "everyone"));
		Answer refused = signInThroughTheProvider(browser());

		assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
		assertThat(refused.status()).isEqualTo(200);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select("#refusal").text())
			.isEqualTo("Your organisation's identity provider signed you in, but none of your groups gives a role in this console.");
		assertThat(page.select("#signed-in-user")).isEmpty();
		assertThat(this.users.findByUsername("cyril")).isEmpty();
		assertThat(this.jdbc.sql("select detail from audit_event where action = 'SIGN_IN_FAILED' and actor = 'cyril'")
			.query(String.class)
			.single()).isEqualTo("No console role for the groups [finance, everyone] (OpenID Connect)");
	}

	@Test
	void aLocalUserIsNeverTakenOverByAPersonWithTheSameName() {
		OidcTestProvider.next("sub-other-reviewer", "reviewer", "Someone Else", List.of("service-desk"));
		assertThat(signInThroughTheProvider(browser()).status()).isEqualTo(200);

		assertThat(this.users.findByUsername("reviewer").orElseThrow().roleSet()).containsExactly(Role.REVIEWER);
		AppUser newcomer = this.users.findByUsername("reviewer-2").orElseThrow();
		assertThat(newcomer.roleSet()).containsExactly(Role.HELPDESK);
		assertThat(this.identities.findByIssuerAndSubject(OidcTestProvider.issuer(), "sub-other-reviewer"))
			.map(ExternalIdentity::userId)
			.contains(newcomer.id());
	}

	@Test
	void aDisabledUserIsRefusedAtTheProvidersReturn() {
		ConsoleHttp signedIn = browser();
		OidcTestProvider.next("sub-di-1", "dina", "Di Dean", List.of("service-desk"));
		assertThat(signInThroughTheProvider(signedIn).status()).isEqualTo(200);
		AppUser di = this.users.findByUsername("dina").orElseThrow();
		this.users.save(di.withEnabled(false));
		// What the user administration does when it disables someone: their OIDC session ends too.
		assertThat(this.sessions.endSessionsOf("dina")).isEqualTo(1);
		assertThat(signedIn.get("/audit").locationPath()).isEqualTo("/login?expired");

		OidcTestProvider.next("sub-di-1", "dina", "Di Dean", List.of("service-desk"));
		Answer refused = signInThroughTheProvider(browser());
		assertThat(refused.uri().getPath()).isEqualTo("/login/refused");
		assertThat(Jsoup.parse(refused.body()).select("#refusal").text()).isEqualTo("Your console account is disabled.");
	}

	@Test
	void fourEyesHoldBetweenTwoOidcUsers() {
		// Eve is an ML administrator and (through a second group) a reviewer; Finn is a reviewer.
		ConsoleHttp eve = browser();
		OidcTestProvider.next("sub-eve-1", "eve", "Eve Ekdahl", List.of("ml-admins", "ml-reviewers"));
		assertThat(signInThroughTheProvider(eve).status()).isEqualTo(200);
		ConsoleHttp finn = browser();
		OidcTestProvider.next("sub-finn-1", "finn", "Finn Foss", List.of("ml-reviewers"));
		assertThat(signInThroughTheProvider(finn).status()).isEqualTo(200);

		Draft draft = new ReviewFixtures(this.drafts, this.reviews).submitted("eve", "Eve's OIDC draft");

		eve.get("/reviews/" + draft.id());
		Answer own = eve.post("/reviews/" + draft.id() + "/approve",
				Map.of("revision", "1", "comment", "looks fine to me"));
		assertThat(own.status()).isEqualTo(403);
		assertThat(Jsoup.parse(own.body()).select("#reason").text()).contains("You wrote this draft");

		assertThat(finn.get("/reviews/" + draft.id()).status()).isEqualTo(200);
		Answer approved = finn.post("/reviews/" + draft.id() + "/approve",
				Map.of("revision", "1", "comment", "fine"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(approved.locationPath()).isEqualTo("/reviews/" + draft.id());
		assertThat(this.jdbc.sql("select status from draft where id = :id")
			.param("id", draft.id())
			.query(String.class)
			.single()).isEqualTo(DraftStatus.APPROVED.name());
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'DRAFT_APPROVED' and draft_id = :id")
			.param("id", draft.id())
			.query(String.class)
			.single()).isEqualTo("finn");
	}

	@Test
	void signingOutEndsTheSessionAndSignsOutAtTheProvider() {
		ConsoleHttp browser = browser();
		OidcTestProvider.next("sub-gus-1", "gus", "Gus Graf", List.of("service-desk"));
		assertThat(signInThroughTheProvider(browser).status()).isEqualTo(200);

		Answer signOut = browser.post("/logout", Map.of());
		assertThat(signOut.status()).isEqualTo(302);
		URI endSession = URI.create(signOut.location());
		assertThat(signOut.location()).startsWith(OidcTestProvider.server().endSessionEndpointUrl(OidcTestProvider.ISSUER_ID).toString());
		assertThat(endSession.getQuery()).contains("id_token_hint=")
			.contains("post_logout_redirect_uri=http://localhost:" + this.port + "/login?logout");
		Answer back = browser.follow(signOut.location());
		assertThat(back.uri().getPath()).isEqualTo("/login");
		assertThat(browser.get("/audit").locationPath()).isEqualTo("/login");
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = 'gus' and action = 'SIGN_OUT'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void localUsersStillSignInWithTheirPassword() {
		ConsoleHttp browser = browser();
		assertThat(browser.signIn("helpdesk", "helpdesk-pass").locationPath()).isEqualTo("/");
		assertThat(browser.get("/audit").status()).isEqualTo(200);
	}

}
