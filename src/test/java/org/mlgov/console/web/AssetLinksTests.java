package org.mlgov.console.web;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages render their links without a resource lookup per link: asset URLs are resolved once, page links never
 * reach the resource chain; and templates are parsed once (the template cache is on in the default configuration).
 */
@ConsoleTest
class AssetLinksTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AssetUrls assets;

	@Autowired
	private ApplicationContext context;

	@Test
	void springsResourceUrlEncodingFilterIsNotRegisteredOursIs() {
		assertThat(this.context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
		Map<String, FilterRegistrationBean> registrations = this.context.getBeansOfType(FilterRegistrationBean.class);
		assertThat(registrations.values())
			.filteredOn((registration) -> registration.getFilter() instanceof ResourceUrlEncodingFilter)
			.allSatisfy((registration) -> assertThat(registration.isEnabled()).isFalse());
		assertThat(registrations.values()).filteredOn(FilterRegistrationBean::isEnabled)
			.anySatisfy((registration) -> assertThat(registration.getFilter()).isInstanceOf(AssetUrlFilter.class));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void assetLinksAreVersionedAndResolvedOncePageLinksAreNeverLookedUp() throws Exception {
		Document first = page("/drafts");
		int afterFirstPage = this.assets.lookups();
		for (int i = 0; i < 3; i++) {
			page("/drafts");
			page("/");
			page("/catalog");
		}
		assertThat(this.assets.lookups()).as("resource lookups after more pages").isEqualTo(afterFirstPage);
		// at most one lookup per asset the layout names: 3 webjar files and 3 files under static/
		assertThat(afterFirstPage).isLessThanOrEqualTo(6);
		assertThat(first.select("link[rel=stylesheet]").eachAttr("href"))
			.anyMatch((href) -> href.matches("/webjars/bootstrap/[0-9][0-9.]*/dist/css/bootstrap\\.min\\.css"))
			.contains("/css/console.css");
		assertThat(first.select("script[src]").eachAttr("src"))
			.anyMatch((src) -> src.matches("/webjars/htmx\\.org/[0-9][0-9.]*/dist/htmx\\.min\\.js"));
		assertThat(first.select("#nav-items a").eachAttr("href")).contains("/", "/drafts", "/catalog");
	}

	@Test
	void onlyAssetPathsAreAssets() {
		assertThat(this.assets.isAsset("/webjars/bootstrap/dist/css/bootstrap.min.css")).isTrue();
		assertThat(this.assets.isAsset("/css/console.css")).isTrue();
		assertThat(this.assets.isAsset("/favicon.ico")).isTrue();
		for (String link : List.of("/", "/drafts", "/drafts/7/steps/basics", "/reviews/3", "/css/console.css?x=1",
				"/catalog")) {
			assertThat(this.assets.isAsset(link)).as(link).isFalse();
		}
		int before = this.assets.lookups();
		assertThat(this.assets.url("/css/console.css")).isEqualTo("/css/console.css");
		assertThat(this.assets.lookups()).isEqualTo(before);
	}

	@Test
	void theTemplateCacheIsOnInTheDefaultConfiguration(@Autowired ThymeleafProperties thymeleaf,
			@Autowired SpringTemplateEngine engine) {
		assertThat(thymeleaf.isCache()).isTrue();
		assertThat(engine.getTemplateResolvers()).isNotEmpty()
			.allSatisfy((resolver) -> assertThat(((AbstractConfigurableTemplateResolver) resolver).isCacheable())
				.isTrue());
	}

	private Document page(String path) throws Exception {
		String html = this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html);
	}

}
