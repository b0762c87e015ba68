package org.mlgov.console.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A sign-in through an external identity provider (OpenID Connect, {@code security.oidc}), present only when it is
 * configured. The browser chain lets it add its login to {@link HttpSecurity}; the sign-in page shows its button.
 */
public interface ExternalSignIn {

	/**
	 * Adds the provider's login (and its sign-out) to the browser chain.
	 * @param http the browser chain being built
	 */
	void configure(HttpSecurity http);

	/**
	 * The text of the sign-in button.
	 * @return the label
	 */
	String label();

	/**
	 * Where the sign-in button leads: the start of the redirect to the provider.
	 * @return the path, within the console
	 */
	String authorizationPath();

}
