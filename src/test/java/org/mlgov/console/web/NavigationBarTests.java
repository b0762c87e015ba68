package org.mlgov.console.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.security.Role;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationBarTests {

	private final SignedInUserView user = new SignedInUserView();

	private static Authentication as(Role... roles) {
		return new TestingAuthenticationToken("pat", "secret",
				List.of(roles).stream().map((r) -> AuthorityUtils.createAuthorityList(r.authority()).get(0)).toList());
	}

	@Test
	void itemsAreThoseOfTheUsersRolesInMenuOrderWithTheContextPath() {
		NavigationBar bar = NavigationBar.of(this.user, as(Role.ADMIN, Role.HELPDESK), "/drafts/12/steps/models",
				"/console");

		assertThat(bar.signedIn()).isTrue();
		assertThat(bar.home()).isEqualTo("/console/");
		assertThat(bar.items()).containsExactly(new NavigationBar.Item("/console/", "Home", false),
				new NavigationBar.Item("/console/drafts", "My drafts", true),
				new NavigationBar.Item("/console/catalog", "Catalogue", false),
				new NavigationBar.Item("/console/access", "Profiles", false),
				new NavigationBar.Item("/console/audit", "Audit", false));
		assertThat(bar.roleLabels()).containsExactly("ML administrator", "Help desk (read-only)");
		assertThat(bar.displayName()).isEqualTo("pat");
		assertThat(bar.passwordHref()).as("not a console user: no password of ours").isNull();
		assertThat(bar.logoutAction()).isEqualTo("/console/logout");
	}

	@Test
	void anItemIsCurrentForItsPathAndBelowItOnlyAndHomeForTheRootOnly() {
		Authentication reviewer = as(Role.REVIEWER);
		assertThat(current(NavigationBar.of(this.user, reviewer, "/", ""))).containsExactly("Home");
		assertThat(current(NavigationBar.of(this.user, reviewer, "/reviews", ""))).containsExactly("Review queue");
		assertThat(current(NavigationBar.of(this.user, reviewer, "/reviews/4", ""))).containsExactly("Review queue");
		assertThat(current(NavigationBar.of(this.user, reviewer, "/reviewsx", ""))).isEmpty();
		assertThat(current(NavigationBar.of(this.user, reviewer, "/account/password", ""))).isEmpty();
		assertThat(current(NavigationBar.of(this.user, reviewer, null, ""))).isEmpty();
	}

	@Test
	void withoutASignedInUserTheBarHasTheBrandOnly() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		for (Authentication nobody : new Authentication[] { null, anonymous }) {
			NavigationBar bar = NavigationBar.of(this.user, nobody, "/login", "");
			assertThat(bar.signedIn()).isFalse();
			assertThat(bar.items()).isEmpty();
			assertThat(bar.home()).isEqualTo("/");
		}
	}

	@Test
	void barsOfTheSameUserOnPagesOfTheSameSectionAreEqual() {
		// What lets #rendered render the bar once for all of them.
		Authentication admin = as(Role.ADMIN);
		assertThat(NavigationBar.of(this.user, admin, "/drafts", ""))
			.isEqualTo(NavigationBar.of(this.user, admin, "/drafts/3/steps/basics", ""))
			.isNotEqualTo(NavigationBar.of(this.user, admin, "/catalog", ""));
	}

	private static List<String> current(NavigationBar bar) {
		return bar.items().stream().filter(NavigationBar.Item::current).map(NavigationBar.Item::label).toList();
	}

}
