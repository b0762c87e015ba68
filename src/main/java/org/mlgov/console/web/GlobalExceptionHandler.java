package org.mlgov.console.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.mlgov.console.security.Role;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns exceptions from controllers into the console's error pages, or into RFC 9457 problem details for
 * {@code /api/**}. Concurrent edits ({@link OptimisticLockingFailureException}) become 409; a path id that cannot
 * be converted (not a number, too large) names nothing and becomes 404, a request parameter or form field that cannot
 * be read becomes 400; anything unexpected becomes 500 with a reference that is also logged, and never shows a stack
 * trace or an exception message. Access-control exceptions are left to Spring Security.
 */
@ControllerAdvice
public class GlobalExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GlobalExceptionHandler.class);

	/** Status codes with a page of their own; the others use {@code error/4xx} or {@code error/5xx}. */
	private static final Set<Integer> OWN_PAGES = Set.of(403, 404, 409, 500);

	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(OptimisticLockingFailureException ex, HttpServletRequest request) {
		logger.info("Concurrent modification refused on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage());
		return respond(request, HttpStatus.CONFLICT,
				"The record was changed by someone else after you loaded it. Reload it and apply your change again.",
				null);
	}

	/**
	 * A path variable that cannot be converted names nothing (404: {@code /drafts/abc}, an id beyond {@code long});
	 * a request parameter that cannot be converted is a bad request (400).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		logger.debug("{} {}: {} cannot be converted", request.getMethod(), request.getRequestURI(), ex.getName());
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return respond(request, HttpStatus.NOT_FOUND, "Nothing has the " + ex.getName() + " in this address.",
					null);
		}
		return respond(request, HttpStatus.BAD_REQUEST, "The value of " + ex.getName()
				+ " has the wrong format: reload the page and try again.", null);
	}

	/**
	 * A form field whose name the binder cannot follow (an index that is not a number, or a path into nothing): the
	 * request was not made by the console's pages, and is refused without saving anything.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	Object invalidProperty(InvalidPropertyException ex, HttpServletRequest request) {
		logger.debug("{} {}: form field {} cannot be bound", request.getMethod(), request.getRequestURI(),
				ex.getPropertyName());
		return respond(request, HttpStatus.BAD_REQUEST, "The form sent a field the page does not have ("
				+ ex.getPropertyName() + "): reload the page and try again; nothing was saved.", null);
	}

	/**
	 * A signed-in person refused by the console's pages gets a 403 page that says which rule refused them and what
	 * they can do instead: {@code forbidden} is {@code role} when the page is for other roles ({@code requiredRoles}
	 * names them) and {@code rule} when a rule about the record refused it (its message, such as "Only dana, the
	 * author, can change this draft.", is the {@code detail}). The API, and anybody not signed in, keep Spring
	 * Security's answers; a refused CSRF token never reaches here (its 403 page says so).
	 */
	@ExceptionHandler(AccessDeniedException.class)
	Object forbidden(AccessDeniedException ex, HttpServletRequest request) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken
				|| path.equals("/api") || path.startsWith("/api/")) {
			throw ex;
		}
		logger.debug("{} {} refused for {}: {}", request.getMethod(), request.getRequestURI(), user.getName(),
				ex.getMessage());
		boolean byRole = ex instanceof AuthorizationDeniedException;
		ModelAndView page = (ModelAndView) respond(request, HttpStatus.FORBIDDEN, byRole ? null : ex.getMessage(), null);
		page.addObject("forbidden", byRole ? "role" : "rule");
		page.addObject("requiredRoles", byRole ? requiredRoles((AuthorizationDeniedException) ex) : List.of());
		return page;
	}

	/** The labels of the roles a refused {@code hasRole}/{@code hasAnyRole} expression names ("ML administrator"). */
	static List<String> requiredRoles(AuthorizationDeniedException ex) {
		if (!(ex.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision)) {
			return List.of();
		}
		String expression = decision.getExpression().getExpressionString();
		return Arrays.stream(Role.values()).filter((role) -> expression.contains("'" + role.name() + "'"))
			.map(Role::label).toList();
	}

	@ExceptionHandler(Exception.class)
	Object other(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		HttpStatusCode status = statusOf(ex);
		if (status.is5xxServerError()) {
			String reference = UUID.randomUUID().toString().substring(0, 8);
			logger.error("{} {} failed; reference {}", request.getMethod(), request.getRequestURI(), reference, ex);
			return respond(request, status,
					"The console could not complete the request. Quote reference " + reference + " when reporting it.",
					reference);
		}
		logger.debug("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status.value(),
				ex.toString());
		String detail = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getBody().getDetail() : null;
		return respond(request, status, detail, null);
	}

	private static HttpStatusCode statusOf(Exception ex) {
		if (ex instanceof ErrorResponse errorResponse) {
			return errorResponse.getStatusCode();
		}
		ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		return (annotated != null) ? annotated.code() : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static Object respond(HttpServletRequest request, HttpStatusCode status, String detail, String reference) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/api") || path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setInstance(URI.create(request.getRequestURI()));
			if (reference != null) {
				problem.setProperty("reference", reference);
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView(viewName(status));
		page.setStatus(status);
		page.addObject("status", status.value());
		HttpStatus known = HttpStatus.resolve(status.value());
		page.addObject("error", (known != null) ? known.getReasonPhrase() : "");
		page.addObject("path", path);
		page.addObject("detail", detail);
		page.addObject("reference", reference);
		return page;
	}

	private static String viewName(HttpStatusCode status) {
		if (OWN_PAGES.contains(status.value())) {
			return "error/" + status.value();
		}
		return status.is5xxServerError() ? "error/5xx" : "error/4xx";
	}

}
