package org.mlgov.console.web;

import java.util.Arrays;
import java.util.List;

import org.mlgov.console.security.ConsoleUser;
import org.mlgov.console.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What the navigation bar shows about the signed-in user. Templates call it as
 * {@code ${@signedInUser.displayName(#authentication)}}; it also works on error pages, which get no model
 * attributes from controller advice.
 */
@Component("signedInUser")
public class SignedInUserView {

	/**
	 * The display name, or the user name when the principal has none.
	 * @param authentication the current authentication, may be {@code null}
	 * @return the name to show, or an empty string when nobody is signed in
	 */
	public String displayName(Authentication authentication) {
		if (authentication == null) {
			return "";
		}
		return (authentication.getPrincipal() instanceof ConsoleUser user) ? user.getDisplayName()
				: authentication.getName();
	}

	/**
	 * Whether the signed-in user has a console password they can change at {@code /account/password} (not those
	 * who signed in through OpenID Connect).
	 * @param authentication the current authentication, may be {@code null}
	 * @return {@code true} for a user signed in with a console password
	 */
	public boolean hasLocalPassword(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof ConsoleUser user
				&& !user.isExternal();
	}

	/**
	 * The labels of the console roles the user holds, in a stable order.
	 * @param authentication the current authentication, may be {@code null}
	 * @return role labels such as "Security reviewer"
	 */
	public List<String> roleLabels(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return Arrays.stream(Role.values())
			.filter((role) -> authorities.contains(role.authority()))
			.map(Role::label)
			.toList();
	}

}
