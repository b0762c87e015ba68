package org.mlgov.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Web security for the console.
 * <ul>
 * <li>{@code /api/**} ({@link #apiSecurity}): HTTP Basic or the browser session; refusals are problem-JSON
 * 401/403, never a redirect; CSRF is checked unless the request carries {@code Authorization: Basic}.</li>
 * <li>Everything else ({@link #webSecurity}): form login at {@code /login}, POST logout, CSRF on. Static assets,
 * {@code /login}, {@code /error} and the health endpoint are public.</li>
 * </ul>
 * The session holds the authentication, the CSRF token and, for a signed-out visitor who opened a console page (a
 * bookmarked audit filter, a link to a review), that page's address, so that signing in leads back to it
 * ({@link #pageRequestCache}). No remember-me.
 * <p>
 * People in production ({@link #usersAndSessions}): every session is in the session registry, so that disabling a
 * user ends their sessions ({@link UserSessions}); a user with a temporary password reaches only the password page;
 * form login can be switched off ({@code console.form-login.enabled=false}); an OpenID Connect sign-in, when
 * configured ({@link ExternalSignIn}, {@code console.oidc.*}), adds its own login and sign-out.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

	/** The URL pattern of the JSON API. */
	public static final String API_PATTERN = "/api/**";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper jsonMapper, UserSessions sessions) {
		ApiProblemResponses problems = new ApiProblemResponses(jsonMapper);
		http.securityMatcher(API_PATTERN)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(basicAuthenticatedApiRequest()))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		usersAndSessions(http, sessions);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, UserSessions sessions, SignInOptions signIn,
			ObjectProvider<ExternalSignIn> externalSignIn) {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll()
			.requestMatchers("/login", "/login/refused", "/error")
			.permitAll()
			.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/").failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.requestCache((cache) -> cache.requestCache(pageRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInEntryPoint()));
		if (!signIn.formLogin()) {
			http.formLogin(AbstractHttpConfigurer::disable);
		}
		usersAndSessions(http, sessions);
		externalSignIn.ifAvailable((external) -> external.configure(http));
		return http.build();
	}

	/**
	 * What both chains do for user administration: register sessions, so that a disabled user's sessions end at
	 * their next request, and keep a user with a temporary password on the password page.
	 * @param http the chain being built
	 * @param sessions the console's sessions
	 */
	private static void usersAndSessions(HttpSecurity http, UserSessions sessions) {
		http.sessionManagement(sessions.registered())
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
	}

	/**
	 * Remembers, for after sign-in, only what a person would want to come back to: a full page asked for with
	 * {@code GET} by the browser's address bar or a link. Not htmx partials (the preview panel of a wizard step:
	 * coming back to a bare fragment would show a page without layout), not requests for JSON or other
	 * non-HTML answers, not the favicon. The saved address is used as it was, without a marker parameter.
	 * @return the request cache of the browser chain
	 */
	static RequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !isHtmxRequest(request)
				&& acceptsHtml(request) && !request.getRequestURI().endsWith("/favicon.ico"));
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/**
	 * Sends a signed-out visitor to the sign-in page. An htmx request whose session has ended would follow that
	 * redirect and swap the sign-in page into the panel it refreshes; it gets 401 with {@code HX-Redirect} instead,
	 * on which htmx loads the sign-in page as a whole page.
	 * @return the entry point of the browser chain
	 */
	static AuthenticationEntryPoint signInEntryPoint() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, ex) -> {
			if (isHtmxRequest(request)) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
			}
			else {
				login.commence(request, response, ex);
			}
		};
	}

	static boolean isHtmxRequest(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return true;
		}
		return MediaType.parseMediaTypes(accept)
			.stream()
			.anyMatch((type) -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
	}

	/**
	 * Matches {@code /api/**} requests that carry HTTP Basic credentials. The console never sends a Basic
	 * challenge, so browsers never cache such credentials and a forged cross-site request cannot carry them.
	 * @return the matcher used to skip the CSRF check
	 */
	static RequestMatcher basicAuthenticatedApiRequest() {
		return new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(API_PATTERN),
				SecurityConfig::hasBasicCredentials);
	}

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
