package org.mlgov.console.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links without resource lookups. With webjars-locator-lite on the class path Spring Boot enables the resource
 * chain (so that {@code /webjars/bootstrap/dist/...} is served without a version) and registers Spring's
 * {@link ResourceUrlEncodingFilter}, which sends every link of every page through the chain: for a page link such
 * as {@code /drafts/7} that is a class-path lookup in each static location, hundreds per page. This configuration
 * keeps the chain for serving assets, registers Boot's filter disabled (so that Boot adds none) and puts
 * {@link AssetUrlFilter} in its place, which resolves each asset URL once.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class AssetLinksConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> disabledResourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AssetUrlFilter> assetUrlFilter(AssetUrls assets) {
		FilterRegistrationBean<AssetUrlFilter> registration = new FilterRegistrationBean<>(new AssetUrlFilter(assets));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
