package org.mlgov.console.security;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
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
 * The session holds only the authentication and the CSRF token: no saved request, no remember-me.
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
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper jsonMapper) {
		ApiProblemResponses problems = new ApiProblemResponses(jsonMapper);
		http.securityMatcher(API_PATTERN)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(basicAuthenticatedApiRequest()))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers(PathRequest.toStaticResources().atCommonLocations())
			.permitAll()
			.requestMatchers("/login", "/error")
			.permitAll()
			.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		return http.build();
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
