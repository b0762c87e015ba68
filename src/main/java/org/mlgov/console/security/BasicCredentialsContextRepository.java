package org.mlgov.console.security;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the API chain keeps who is signed in: a request that carries HTTP Basic credentials is judged on those
 * credentials alone, never on the browser session it may also carry, so that wrong credentials are a 401 whatever
 * else the request holds (and a session cannot stand in for the CSRF token that Basic requests skip). Other requests
 * use the session, as the browser chain does.
 */
final class BasicCredentialsContextRepository implements SecurityContextRepository {

	private final SecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();

	private final SecurityContextRepository sessionAndRequest = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final Predicate<HttpServletRequest> carriesBasicCredentials;

	BasicCredentialsContextRepository(Predicate<HttpServletRequest> carriesBasicCredentials) {
		this.carriesBasicCredentials = carriesBasicCredentials;
	}

	private SecurityContextRepository repositoryFor(HttpServletRequest request) {
		return this.carriesBasicCredentials.test(request) ? this.requestOnly : this.sessionAndRequest;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return repositoryFor(request).loadDeferredContext(request);
	}

	@Override
	@Deprecated
	public org.springframework.security.core.context.SecurityContext loadContext(
			org.springframework.security.web.context.HttpRequestResponseHolder requestResponseHolder) {
		return repositoryFor(requestResponseHolder.getRequest()).loadContext(requestResponseHolder);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		repositoryFor(request).saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return repositoryFor(request).containsContext(request);
	}

}
