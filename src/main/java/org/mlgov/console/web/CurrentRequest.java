package org.mlgov.console.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request being handled, for views that build their links in Java (to be rendered through {@code #rendered},
 * which has no request): its context path and path. Links built this way are not passed through
 * {@code HttpServletResponse.encodeURL}: the console tracks sessions by cookie only.
 */
public final class CurrentRequest {

	private CurrentRequest() {
	}

	/** The context path that links start with ("" at the root, or outside a request). */
	public static String contextPath() {
		HttpServletRequest request = request();
		return (request != null) ? request.getContextPath() : "";
	}

	/**
	 * The request's path without the context path ({@code /error} while an error page is rendered), or null outside
	 * a request.
	 */
	@Nullable
	public static String path() {
		HttpServletRequest request = request();
		return (request != null) ? request.getRequestURI().substring(request.getContextPath().length()) : null;
	}

	@Nullable
	private static HttpServletRequest request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
