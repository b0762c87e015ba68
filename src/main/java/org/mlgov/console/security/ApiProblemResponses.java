package org.mlgov.console.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers refused {@code /api/**} requests with an RFC 9457 problem document instead of a redirect or an HTML page.
 */
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper jsonMapper;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	ApiProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		// Deliberately no "WWW-Authenticate: Basic" challenge: it would make browsers prompt for and then cache
		// Basic credentials, and cached credentials are sent automatically, which would reopen the cross-site
		// request forgery hole that skipping CSRF for Basic-authenticated API requests relies on being closed.
		// Scripts send their credentials up front (curl -u user:password).
		write(request, response, HttpStatus.UNAUTHORIZED,
				"Authentication required. Use HTTP Basic with a console user, or sign in with the browser.");
	}

	/**
	 * A refusal of a request that nobody signed in for (no session, no credentials) is a 401, even when it was the
	 * CSRF check that refused it: what the caller lacks is authentication. Signed-in callers get the 403.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || this.trustResolver.isAnonymous(authentication)) {
			commence(request, response, new InsufficientAuthenticationException("Not signed in"));
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN,
				"Access denied. Your roles do not allow this request, or a browser request lacked its CSRF token.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
