package org.mlgov.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What the navigation bar at the top of every page shows: the view of {@code fragments/nav :: bar}, which the layout
 * renders through {@code #rendered} (once per distinct value, see {@link RenderedFragments}). Everything the bar
 * reads is here, links included, so that it needs neither the request nor the security context.
 *
 * @param home the link of the brand and of Home (the context path and "/")
 * @param signedIn whether someone is signed in; without that the bar shows the brand only
 * @param items the menu items the user may open, in order
 * @param displayName the user's display name
 * @param roleLabels the labels of the console roles they hold
 * @param passwordHref the link of the password page, or null for a user who has no console password
 * @param logoutAction where the sign-out form posts
 */
public record NavigationBar(String home, boolean signedIn, List<Item> items, String displayName,
		List<String> roleLabels, @Nullable String passwordHref, String logoutAction) {

	public NavigationBar {
		items = List.copyOf(items);
		roleLabels = List.copyOf(roleLabels);
	}

	/**
	 * One menu item.
	 * @param href its link
	 * @param label its text
	 * @param current whether the page shown is in its section (marked active, with {@code aria-current})
	 */
	public record Item(String href, String label, boolean current) {

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Item that
					&& Objects.equals(this.href, that.href)
					&& Objects.equals(this.label, that.label)
					&& this.current == that.current);
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.href);
			h = 31 * h + Objects.hashCode(this.label);
			h = 31 * h + Boolean.hashCode(this.current);
			return h;
		}

	}

	/**
	 * A menu entry: its path, its label and the roles that see it (any of them; none: everybody signed in).
	 * The order here is the menu's order; to add an item to the bar, add an entry.
	 */
	private record Entry(String path, String label, String... roles) {

		/** Whether a page at {@code currentPath} belongs to this item: its path or below it ("/" only for Home). */
		boolean contains(@Nullable String currentPath) {
			return (currentPath != null) && (currentPath.equals(this.path)
					|| (!"/".equals(this.path) && currentPath.startsWith(this.path + "/")));
		}

	}

	private static final List<Entry> ENTRIES = List.of(new Entry("/", "Home"),
			new Entry("/drafts", "My drafts", "ADMIN"), new Entry("/reviews", "Review queue", "REVIEWER"),
			new Entry("/catalog", "Catalogue"), new Entry("/access", "Profiles", "ADMIN", "REVIEWER", "HELPDESK"),
			new Entry("/audit", "Audit", "REVIEWER", "HELPDESK"), new Entry("/admin/users", "Users", "USER_ADMIN"));

	/**
	 * The bar of a page.
	 * @param user what the layout's {@code @signedInUser} tells of the authentication
	 * @param authentication the current authentication, may be {@code null}
	 * @param currentPath the page's path without the context path; null when not known (no item is current)
	 * @param base the context path ("" at the root), that links start with
	 * @return the bar
	 */
	static NavigationBar of(SignedInUserView user, @Nullable Authentication authentication,
			@Nullable String currentPath, String base) {
		String root = base + "/";
		if (!user.signedIn(authentication)) {
			return new NavigationBar(root, false, List.of(), "", List.of(), null, base + "/logout");
		}
		List<Item> items = new ArrayList<>(ENTRIES.size());
		for (Entry entry : ENTRIES) {
			if (entry.roles().length == 0 || user.has(authentication, entry.roles())) {
				items.add(new Item("/".equals(entry.path()) ? root : base + entry.path(), entry.label(),
						entry.contains(currentPath)));
			}
		}
		return new NavigationBar(root, true, items, user.displayName(authentication), user.roleLabels(authentication),
				user.hasLocalPassword(authentication) ? base + "/account/password" : null, base + "/logout");
	}

	// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NavigationBar that
				&& Objects.equals(this.home, that.home)
				&& this.signedIn == that.signedIn
				&& Objects.equals(this.items, that.items)
				&& Objects.equals(this.displayName, that.displayName)
				&& Objects.equals(this.roleLabels, that.roleLabels)
				&& Objects.equals(this.passwordHref, that.passwordHref)
				&& Objects.equals(this.logoutAction, that.logoutAction));
	}

	@Override
	public int hashCode() {
		int h = Objects.hashCode(this.home);
		h = 31 * h + Boolean.hashCode(this.signedIn);
		h = 31 * h + Objects.hashCode(this.items);
		h = 31 * h + Objects.hashCode(this.displayName);
		h = 31 * h + Objects.hashCode(this.roleLabels);
		h = 31 * h + Objects.hashCode(this.passwordHref);
		h = 31 * h + Objects.hashCode(this.logoutAction);
		return h;
	}

}
