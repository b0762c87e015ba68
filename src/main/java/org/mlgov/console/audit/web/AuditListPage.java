package org.mlgov.console.audit.web;

import java.util.List;
import java.util.Map;

/**
 * Everything the audit trail's page shows below the navigation: the key under which {@code #rendered.page} keeps its
 * markup (see {@code web.RenderedFragments}). The filters as typed and their messages (the form, the action list's
 * choice, the links of the CSV download and the pager), the page's rows, which page of how many and of how many
 * events, the roles a filtered user profile runs with, and the context path of the links.
 * <p>
 * The rows are read on every request, so a new event shows at once (as a new key); what is kept is the rendering.
 *
 * @param typed the filters as typed, by parameter name
 * @param errors the message of each filter that cannot be used
 * @param rows the page's rows
 * @param number the page's number, from 1
 * @param pageCount how many pages there are (or a number they exceed)
 * @param total how many events match (or a number they exceed)
 * @param exact whether {@code pageCount} and {@code total} are counts or numbers they exceed
 * @param profileRoles the roles the filtered user profile runs with
 * @param contextPath the context path links start with
 */
public record AuditListPage(Map<String, String> typed, Map<String, String> errors, List<AuditRow> rows, int number,
		int pageCount, long total, boolean exact, List<String> profileRoles, String contextPath) {

	static AuditListPage of(AuditFilters filters, List<AuditRow> rows, AuditPage page, List<String> profileRoles,
			String contextPath) {
		return new AuditListPage(Map.copyOf(filters.getTyped()), Map.copyOf(filters.getErrors()), List.copyOf(rows),
				page.number(), page.pageCount(), page.total(), page.exact(), List.copyOf(profileRoles),
				contextPath);
	}

	// equals and hashCode written out: the memo of #rendered compares keys on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof AuditListPage that
				&& this.number == that.number
				&& this.pageCount == that.pageCount
				&& this.total == that.total
				&& this.exact == that.exact
				&& this.contextPath.equals(that.contextPath)
				&& this.typed.equals(that.typed)
				&& this.errors.equals(that.errors)
				&& this.profileRoles.equals(that.profileRoles)
				&& this.rows.equals(that.rows));
	}

	@Override
	public int hashCode() {
		int h = this.rows.hashCode();
		h = 31 * h + this.typed.hashCode();
		h = 31 * h + this.errors.hashCode();
		h = 31 * h + this.number;
		h = 31 * h + this.pageCount;
		h = 31 * h + Long.hashCode(this.total);
		h = 31 * h + Boolean.hashCode(this.exact);
		h = 31 * h + this.profileRoles.hashCode();
		return 31 * h + this.contextPath.hashCode();
	}

}
