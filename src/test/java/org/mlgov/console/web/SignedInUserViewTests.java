package org.mlgov.console.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The role checks the templates use in place of {@code sec:authorize}.
 */
class SignedInUserViewTests {

	private final SignedInUserView view = new SignedInUserView();

	private static Authentication user(String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated("ann", "n/a",
				AuthorityUtils.createAuthorityList(authorities));
	}

	@Test
	void holdsAnyOfTheNamedRoles() {
		Authentication reviewer = user("ROLE_REVIEWER");
		assertThat(this.view.has(reviewer, "REVIEWER")).isTrue();
		assertThat(this.view.has(reviewer, "ADMIN")).isFalse();
		assertThat(this.view.has(reviewer, "ADMIN", "REVIEWER", "HELPDESK")).isTrue();
		assertThat(this.view.has(reviewer, "HELPDESK", "USER_ADMIN")).isFalse();
		assertThat(this.view.roleLabels(reviewer)).isEqualTo(List.of("Security reviewer"));
	}

	@Test
	void nobodyAndTheAnonymousUserHoldNoRole() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN"));
		assertThat(this.view.signedIn(anonymous)).isFalse();
		assertThat(this.view.has(anonymous, "ADMIN")).isFalse();
		assertThat(this.view.signedIn(null)).isFalse();
		assertThat(this.view.has(null, "ADMIN")).isFalse();
		assertThat(this.view.signedIn(user("ROLE_HELPDESK"))).isTrue();
	}

	@Test
	void aNameThatIsNoConsoleRoleIsATemplateError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.view.has(user("ROLE_ADMIN"), "ADMINS"));
	}

}
