package org.mlgov.console.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * The session registry behind {@link UserSessions}, and the listener that tells it when a session ends or changes
 * its id (Spring Boot registers the {@link HttpSessionEventPublisher} bean with the servlet container).
 */
@Configuration(proxyBeanMethods = false)
class UserSessionsConfiguration {

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

}
