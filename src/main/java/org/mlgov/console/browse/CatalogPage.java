package org.mlgov.console.browse;

import java.util.List;

/**
 * What a catalogue page shows, as the key under which {@code #rendered.page} keeps its markup (see
 * {@code web.RenderedFragments}): the catalogue does not change while the console runs, so a page is a function of
 * its template, its request parameters, the catalogue's version and the context path of its links.
 *
 * @param template the page's template
 * @param parameters the request parameters the page shows, in a fixed order
 * @param version the catalogue's version
 * @param contextPath the context path links start with
 */
public record CatalogPage(String template, List<String> parameters, String version, String contextPath) {

	// equals and hashCode written out: the memo of #rendered compares keys on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof CatalogPage that
				&& this.template.equals(that.template)
				&& this.parameters.equals(that.parameters)
				&& this.version.equals(that.version)
				&& this.contextPath.equals(that.contextPath));
	}

	@Override
	public int hashCode() {
		int h = this.template.hashCode();
		h = 31 * h + this.parameters.hashCode();
		h = 31 * h + this.version.hashCode();
		return 31 * h + this.contextPath.hashCode();
	}

}
