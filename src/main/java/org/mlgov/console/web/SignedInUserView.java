package org.mlgov.console.web;

import java.util.Arrays;
import java.util.List;

import org.mlgov.console.security.ConsoleUser;
import org.mlgov.console.security.Role;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What the navigation bar shows about the signed-in user, and which console roles they hold. Templates call it as
 * {@code ${@signedInUser.displayName(#authentication)}} or {@code ${@signedInUser.has(#authentication, 'ADMIN')}};
 * it also works on error pages, which get no model attributes from controller advice.
 * <p>
 * The templates ask {@link #has} rather than {@code sec:authorize="hasRole('ADMIN')"}: the dialect parses and
 * evaluates a Spring Security expression (a new expression root each time) for every guarded element, which took a
 * fifth of the Home page's time. Only what a page shows depends on this; access is decided by the security filter
 * chain and the method security of the controllers.
 */
@Component("signedInUser")
public class SignedInUserView {

	/**
	 * Whether someone is signed in (not the anonymous user of a public page).
	 * @param authentication the current authentication, may be {@code null}
	 * @return {@code true} for an authenticated, non-anonymous user
	 */
	public boolean signedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * Whether the signed-in user holds at least one of the given console roles.
	 * @param authentication the current authentication, may be {@code null}
	 * @param roles names of {@link Role} constants, such as {@code "ADMIN"}
	 * @return {@code true} if the user is signed in and holds any of them
	 * @throws IllegalArgumentException for a name that is not a console role (a typo in a template)
	 */
	public boolean has(Authentication authentication, String... roles) {
		if (!signedIn(authentication)) {
			return false;
		}
		for (String role : roles) {
			String authority = Role.valueOf(role).authority();
			for (GrantedAuthority granted : authentication.getAuthorities()) {
				if (authority.equals(granted.getAuthority())) {
					return true;
				}
			}
		}
		return false;
	}

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
	 * The navigation bar of the page being rendered, for the layout: {@code ${@signedInUser.bar(#authentication)}}.
	 * Its links start with the request's context path; the item of the requested path is marked current (none on
	 * error pages, which are rendered at {@code /error}).
	 * @param authentication the current authentication, may be {@code null}
	 * @return what the bar shows
	 */
	public NavigationBar bar(Authentication authentication) {
		return NavigationBar.of(this, authentication, CurrentRequest.path(), CurrentRequest.contextPath());
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
