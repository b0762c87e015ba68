package org.mlgov.console.security;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
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
 * 401/403, never a redirect; CSRF is checked unless the request carries {@code Authorization: Basic}, and such a
 * request is judged on its credentials alone ({@link #apiSecurityContextRepository}).</li>
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
 *
 * Both chains check passwords through {@link #signInAuthenticationProvider} (limits on failed sign-ins), send the
 * security headers of {@link #securityHeaders}, and redirect to paths only, never to a URL built from the request's
 * {@code Host} ({@link RelativeRedirectStrategy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

	/** The URL pattern of the JSON API. */
	public static final String API_PATTERN = "/api/**";

	/**
	 * No Spring Security observations (filter chain, authentication, authorization): nothing here collects traces,
	 * and with an observation registry present Spring Security wraps each of its filters and each method-security
	 * check in one, on every request. ({@code management.observations.enable.spring.security=false} only turned them
	 * into no-ops after they were built.) The console ships without Micrometer's metrics and observations (see
	 * docs/operations.md, build notes); this keeps Spring Security out of them should someone add them back.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one user name and password check of both chains (form login and HTTP Basic), with the limits of
	 * {@code console.sign-in.*}: locked names and addresses are refused before any bcrypt, at most a few passwords
	 * are checked at once, and every lockout is published for the audit trail.
	 */
	@Bean
	ThrottledAuthenticationProvider signInAuthenticationProvider(UserDetailsService users,
			PasswordEncoder passwordEncoder, SignInProperties signIn, ApplicationEventPublisher events) {
		return new ThrottledAuthenticationProvider(users, passwordEncoder, signIn, Clock.systemUTC(), events);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper jsonMapper, UserSessions sessions) {
		ApiProblemResponses problems = new ApiProblemResponses(jsonMapper);
		http.securityMatcher(API_PATTERN)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(basicAuthenticatedApiRequest()))
			.securityContext((context) -> context.securityContextRepository(apiSecurityContextRepository()))
			.headers(SecurityConfig::securityHeaders)
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
			.headers(SecurityConfig::securityHeaders)
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(signInSuccessHandler())
				.failureHandler(signInFailureHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(signOutSuccessHandler()))
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
	 * The Content-Security-Policy: scripts from the console only, never inline (the pages' behaviour is in
	 * {@code /js/console.js}), no plug-ins, no framing, forms posting to the console only. Inline styles stay allowed
	 * (a progress bar's width, htmx's indicator style).
	 */
	static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy();

	/**
	 * The Content-Security-Policy, with more origins that a form may lead to: the sign-out form's redirect to an
	 * OpenID Connect provider (RP-initiated logout) is a form action as far as the browser is concerned.
	 * @param formOrigins origins ({@code https://idp.example.com}) forms may lead to besides the console
	 * @return the policy
	 */
	public static String contentSecurityPolicy(String... formOrigins) {
		String formAction = String.join(" ", java.util.stream.Stream
			.concat(java.util.stream.Stream.of("'self'"), java.util.Arrays.stream(formOrigins))
			.toList());
		return "default-src 'self'; script-src 'self'; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; form-action " + formAction + "; frame-ancestors 'none'";
	}

	/** Browser features the console never uses, switched off for its pages. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	/**
	 * Security headers of both chains, on top of Spring Security's defaults (no-sniff, no caching of pages,
	 * {@code X-Frame-Options: DENY}): the CSP, {@code Referrer-Policy: same-origin}, a Permissions-Policy, and HSTS
	 * (one year, subdomains) on every request served over HTTPS, directly or through a proxy whose
	 * {@code X-Forwarded-Proto} is honoured ({@code server.forward-headers-strategy}).
	 * @param headers the headers configurer of a chain
	 */
	static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

	/**
	 * After sign-in: back to the page asked for, or Home; always as a path on this console, never an absolute URL
	 * built from the request's {@code Host} header.
	 * @return the success handler of form login
	 */
	static AuthenticationSuccessHandler signInSuccessHandler() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setRequestCache(pageRequestCache());
		handler.setDefaultTargetUrl("/");
		handler.setRedirectStrategy(new RelativeRedirectStrategy());
		return handler;
	}

	/**
	 * After a failed sign-in: the sign-in page, saying whether the password was wrong ({@code ?error}), the name or
	 * address is locked by failed sign-ins ({@code ?locked}), or too many sign-ins were being checked at once
	 * ({@code ?busy}).
	 * @return the failure handler of form login
	 */
	static AuthenticationFailureHandler signInFailureHandler() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
				AuthenticationServiceException.class.getName(), "/login?busy"));
		handler.setDefaultFailureUrl("/login?error");
		handler.setRedirectStrategy(new RelativeRedirectStrategy());
		return handler;
	}

	static LogoutSuccessHandler signOutSuccessHandler() {
		SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
		handler.setDefaultTargetUrl("/login?logout");
		handler.setRedirectStrategy(new RelativeRedirectStrategy());
		return handler;
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
		login.setFavorRelativeUris(true);
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

	/**
	 * The API chain's security context: from the Basic credentials alone when the request carries them (wrong ones
	 * are a 401 even with a signed-in session), from the session otherwise.
	 * @return the repository of the API chain
	 */
	static SecurityContextRepository apiSecurityContextRepository() {
		return new BasicCredentialsContextRepository(SecurityConfig::hasBasicCredentials);
	}

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
