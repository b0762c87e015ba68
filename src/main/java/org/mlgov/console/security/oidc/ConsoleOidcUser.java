package org.mlgov.console.security.oidc;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mlgov.console.security.AppUser;
import org.mlgov.console.security.ConsoleUser;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through OpenID Connect, as the console sees them: the console user (its stable user name, which
 * is also {@link #getName()}, so the audit trail and the four-eyes rule name them like anyone else; the roles mapped
 * from their groups at this sign-in) together with the provider's tokens.
 */
public class ConsoleOidcUser extends ConsoleUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private final OidcUserInfo userInfo;

	ConsoleOidcUser(AppUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(user, "");
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		Map<String, Object> claims = new LinkedHashMap<>(this.idToken.getClaims());
		if (this.userInfo != null) {
			claims.putAll(this.userInfo.getClaims());
		}
		return claims;
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return this.userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

	@Override
	public boolean isExternal() {
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
