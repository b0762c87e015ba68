package org.mlgov.console.security.oidc;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mlgov.console.security.AppUserRepository;
import org.mlgov.console.security.ExternalIdentityRepository;
import org.mlgov.console.security.ExternalSignIn;
import org.mlgov.console.security.SecurityConfig;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sign-in through an OpenID Connect provider ({@code console.oidc.enabled=true}): the client registration from the
 * provider's discovery document, Spring Security's OAuth 2.0 login (authorization code flow) with
 * {@link ConsoleOidcUserService}, refusals sent to {@code /login/refused}, and RP-initiated logout where the provider
 * announces an end-session endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "console.oidc", name = "enabled", havingValue = "true")
class OidcSignInConfiguration {

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(OidcProperties properties) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
			.registrationId(properties.registrationId())
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.scope(properties.scopes())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.clientName(properties.buttonLabel())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OidcAccounts oidcAccounts(AppUserRepository users, ExternalIdentityRepository identities,
			ApplicationEventPublisher events) {
		return new OidcAccounts(users, identities, events);
	}

	@Bean
	ExternalSignIn oidcSignIn(OidcProperties properties, ClientRegistrationRepository registrations,
			OidcAccounts accounts) {
		ConsoleOidcUserService userService = new ConsoleOidcUserService(properties, accounts);
		return new ExternalSignIn() {

			@Override
			public void configure(HttpSecurity http) {
				OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(
						registrations);
				logout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
				logout.setDefaultTargetUrl("/login?logout");
				http.oauth2Login((login) -> login.loginPage("/login")
					.clientRegistrationRepository(registrations)
					.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
					.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(userService))
					.defaultSuccessUrl("/")
					.failureHandler(refusals()))
					.logout((signOut) -> signOut.logoutSuccessHandler(logout))
					// Sign-out continues at the provider: the CSP's form-action must allow its origin.
					.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
						.policyDirectives(SecurityConfig.contentSecurityPolicy(origin(properties.issuerUri())))));
			}

			@Override
			public String label() {
				return properties.buttonLabel();
			}

			@Override
			public String authorizationPath() {
				return "/oauth2/authorization/" + properties.registrationId();
			}

		};
	}

	/** The origin ({@code scheme://host[:port]}) of the provider's issuer URI. */
	static String origin(String issuerUri) {
		java.net.URI uri = java.net.URI.create(issuerUri);
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() < 0) ? "" : ":" + uri.getPort());
	}

	/** Refusals of this console (no mapped group, disabled user) and failures at the provider: explained. */
	static AuthenticationFailureHandler refusals() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String code = (ex instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
			String reason = switch (code) {
				case ConsoleOidcUserService.NO_ROLE -> "no-role";
				case ConsoleOidcUserService.DISABLED -> "disabled";
				default -> "provider";
			};
			redirect(request, response, "/login/refused?reason=" + reason);
		};
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		response.sendRedirect(request.getContextPath() + path);
	}

}
