package org.mlgov.console.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user who signed in with a temporary password on the password page: every other request (pages, forms,
 * htmx partials, the API) is sent to {@code /account/password} until the password is changed. Sign-out, the error
 * page and static assets stay reachable.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	/** Where the user changes their password. */
	static final String PASSWORD_PAGE = "/account/password";

	private static final Set<String> ALLOWED = Set.of(PASSWORD_PAGE, "/logout", "/error", "/favicon.ico");

	private static final Set<String> STATIC_PREFIXES = Set.of("/css/", "/js/", "/webjars/", "/images/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!mustChangePassword() || allowed(path(request))) {
			chain.doFilter(request, response);
			return;
		}
		String target = request.getContextPath() + PASSWORD_PAGE;
		if (path(request).startsWith("/api/")) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
		else if (SecurityConfig.isHtmxRequest(request)) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(target);
		}
	}

	private static boolean mustChangePassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user
				&& user.isPasswordChangeRequired();
	}

	private static boolean allowed(String path) {
		return ALLOWED.contains(path) || STATIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
