package org.mlgov.console.security;

import java.util.Optional;

import org.mlgov.console.config.ConsoleProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How people sign in, for the sign-in page: with a console password (form login, {@code console.form-login.enabled},
 * on by default) and, where configured, through an OpenID Connect provider.
 */
@Component("signInOptions")
public class SignInOptions {

	private final boolean formLogin;

	private final ExternalSignIn external;

	SignInOptions(ConsoleProperties properties, ObjectProvider<ExternalSignIn> external) {
		this.formLogin = properties.formLogin().enabled();
		this.external = external.getIfAvailable();
	}

	/**
	 * Whether users sign in with a console password on the sign-in page.
	 * @return {@code true} unless {@code console.form-login.enabled=false}
	 */
	public boolean formLogin() {
		return this.formLogin;
	}

	/**
	 * The external sign-in, if configured.
	 * @return the provider's sign-in, or empty
	 */
	public Optional<ExternalSignIn> external() {
		return Optional.ofNullable(this.external);
	}

}
