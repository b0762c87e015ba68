package org.mlgov.console;

import java.util.function.Supplier;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs a use case as if it served an HTTP request from a client address, for tests that call services directly and
 * check the address the audit trail records (taken from the request, see {@code audit.RequestOrigin}). Inside a
 * request (another browser window saving during a MockMvc request), the outer request is restored afterwards.
 */
public final class RequestFrom {

	private RequestFrom() {
	}

	public static <T> T address(String remoteAddress, Supplier<T> body) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remoteAddress);
		RequestAttributes outer = RequestContextHolder.getRequestAttributes();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			return body.get();
		}
		finally {
			RequestContextHolder.setRequestAttributes(outer);
		}
	}

	public static void address(String remoteAddress, Runnable body) {
		address(remoteAddress, () -> {
			body.run();
			return null;
		});
	}

}
