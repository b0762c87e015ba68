package org.mlgov.console.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.stereotype.Component;

/**
 * The console's signed-in sessions, so that a user who is disabled (or loses a role, or gets a temporary password)
 * is signed out everywhere: their sessions are marked expired in the {@link SessionRegistry}, and Spring Security's
 * {@code ConcurrentSessionFilter} ends each of them at its next request (a browser lands on the sign-in page). The
 * registry lives in this JVM: with several console instances behind a load balancer, each ends the sessions it
 * holds, which is all of them with sticky sessions.
 */
@Component
public class UserSessions {

	private static final Logger logger = LoggerFactory.getLogger(UserSessions.class);

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Registers every session of a chain in the registry and ends expired ones at their next request. Any number of
	 * sessions per user; an expired session is sent to the sign-in page.
	 * @return the customizer for {@link HttpSecurity#sessionManagement}
	 */
	Customizer<SessionManagementConfigurer<HttpSecurity>> registered() {
		return (sessions) -> sessions.maximumSessions(-1)
			.sessionRegistry(this.registry)
			.expiredSessionStrategy(UserSessions::signInAgain);
	}

	/**
	 * What an ended session's next request gets: the sign-in page with a note, as a whole page also for htmx
	 * requests (401 with {@code HX-Redirect}, as {@link SecurityConfig#signInEntryPoint()} does).
	 */
	private static void signInAgain(SessionInformationExpiredEvent event) throws IOException {
		HttpServletRequest request = event.getRequest();
		HttpServletResponse response = event.getResponse();
		String target = request.getContextPath() + "/login?expired";
		if (SecurityConfig.isHtmxRequest(request)) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("HX-Redirect", target);
		}
		else {
			response.sendRedirect(target);
		}
	}

	/**
	 * Ends every session of a user at its next request.
	 * @param username the user
	 * @return how many sessions were ended
	 */
	public int endSessionsOf(String username) {
		int ended = 0;
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
				List<SessionInformation> sessions = this.registry.getAllSessions(principal, false);
				for (SessionInformation session : sessions) {
					session.expireNow();
					ended++;
				}
			}
		}
		if (ended > 0) {
			logger.info("Ended {} session(s) of '{}'", ended, username);
		}
		return ended;
	}

}
