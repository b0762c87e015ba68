package org.mlgov.console.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place the audit trail takes the client address from: the HTTP request the current thread serves. Work
 * outside a request (a push job, start-up) has no address.
 */
public final class RequestOrigin {

	private RequestOrigin() {
	}

	/**
	 * The address of the client of the current request.
	 * @return the address, or {@code null} outside a request
	 */
	public static String remoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
