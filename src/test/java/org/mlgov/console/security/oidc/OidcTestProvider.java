package org.mlgov.console.security.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for tests: NAV's mock-oauth2-server, in-process on a random port (discovery, the
 * authorization endpoint, token endpoint, JWKS, user info, end session). It answers the authorization request at
 * once; the next token request issues the claims of the person {@link #next}.
 */
public final class OidcTestProvider {

	/** The issuer id within the server; the issuer URI is {@code http://localhost:<port>/corp}. */
	public static final String ISSUER_ID = "corp";

	/** The console's client id. */
	public static final String CLIENT_ID = "ml-governance-console";

	private static MockOAuth2Server server;

	private OidcTestProvider() {
	}

	/**
	 * The running server, started on first use (one per test JVM).
	 * @return the server
	 */
	public static synchronized MockOAuth2Server server() {
		if (server == null) {
			server = new MockOAuth2Server();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
		}
		return server;
	}

	/**
	 * The issuer URI.
	 * @return the issuer identifier of the test provider
	 */
	public static String issuer() {
		return server().issuerUrl(ISSUER_ID).toString();
	}

	/**
	 * Switches OIDC sign-in on for a Spring test context, with a role mapping of four groups.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("console.oidc.enabled", () -> "true");
		registry.add("console.oidc.issuer-uri", OidcTestProvider::issuer);
		registry.add("console.oidc.client-id", () -> CLIENT_ID);
		registry.add("console.oidc.client-secret", () -> "test-client-secret");
		registry.add("console.oidc.button-label", () -> "Sign in with Corp SSO");
		registry.add("console.oidc.role-mapping.ml-admins", () -> "ADMIN");
		registry.add("console.oidc.role-mapping.ml-reviewers", () -> "REVIEWER");
		registry.add("console.oidc.role-mapping.service-desk", () -> "HELPDESK");
		registry.add("console.oidc.role-mapping.console-admins", () -> "USER_ADMIN");
	}

	/**
	 * Makes the next sign-in at the provider that of this person.
	 * @param subject the stable subject
	 * @param preferredUsername the {@code preferred_username} claim
	 * @param name the {@code name} claim
	 * @param groups the {@code groups} claim
	 */
	public static void next(String subject, String preferredUsername, String name, List<String> groups) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("preferred_username", preferredUsername);
		claims.put("name", name);
		claims.put("email", preferredUsername + "@corp.example");
		claims.put("groups", groups);
		server().enqueueCallback(
				new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
	}

}
