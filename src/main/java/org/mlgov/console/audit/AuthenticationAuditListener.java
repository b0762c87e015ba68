package org.mlgov.console.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes sign-in successes, sign-in failures and sign-outs to the audit trail. Spring Security publishes the
 * events for form login and for HTTP Basic alike.
 */
@Component
class AuthenticationAuditListener {

	private final AuditEventRepository auditEvents;

	AuthenticationAuditListener(AuditEventRepository auditEvents) {
		this.auditEvents = auditEvents;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		record(event.getAuthentication(), AuditAction.SIGN_IN, null);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		record(event.getAuthentication(), AuditAction.SIGN_IN_FAILED, reason(event.getException()));
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		record(event.getAuthentication(), AuditAction.SIGN_OUT, null);
	}

	private void record(Authentication authentication, AuditAction action, String detail) {
		String actor = typedName(authentication.getName());
		String remoteAddress = (authentication.getDetails() instanceof WebAuthenticationDetails web)
				? web.getRemoteAddress() : null;
		this.auditEvents.insert(AuditEvent.now(actor, action.name(), null, detail, remoteAddress));
	}

	/**
	 * A user name as typed at sign-in, as the actor column can hold it: "(blank)" for nothing, control characters
	 * (which PostgreSQL refuses, NUL above all) as U+FFFD; {@link AuditEvent} cuts it to the column's length.
	 */
	static String typedName(String name) {
		return AuditEvent.typedActor(name);
	}

	private static String reason(AuthenticationException exception) {
		if (exception instanceof BadCredentialsException) {
			return "Wrong user name or password";
		}
		if (exception instanceof DisabledException) {
			return "Account disabled";
		}
		if (exception instanceof LockedException) {
			return "Account locked";
		}
		return exception.getClass().getSimpleName();
	}

}
