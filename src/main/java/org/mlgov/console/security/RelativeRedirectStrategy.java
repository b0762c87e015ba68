package org.mlgov.console.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects to a path on this console, never to a host: an absolute URL (such as the one Spring Security saves for
 * after sign-in, built from the request's {@code Host} header) is reduced to its path and query, so that a forged
 * {@code Host} cannot send a user elsewhere. Relative URLs get the context path, as with the default strategy.
 * Tomcat then writes them as they are ({@code server.tomcat.use-relative-redirects=true}).
 */
final class RelativeRedirectStrategy implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(relative(request.getContextPath(), url)));
	}

	static String relative(String contextPath, String url) {
		String path;
		try {
			URI uri = URI.create(url);
			if (uri.isAbsolute() || uri.getRawAuthority() != null) {
				path = ((uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath())
						+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			}
			else {
				path = contextPath + (url.startsWith("/") ? url : "/" + url);
			}
		}
		catch (IllegalArgumentException ex) {
			path = contextPath + "/";
		}
		// never protocol-relative (//host/...), never a backslash a browser might read as a slash
		while (path.startsWith("//") || path.startsWith("/\\")) {
			path = path.substring(1);
		}
		return path;
	}

}
