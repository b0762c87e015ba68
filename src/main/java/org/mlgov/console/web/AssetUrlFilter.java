package org.mlgov.console.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Rewrites the asset links a page renders ({@code @{/webjars/...}} in a template goes through
 * {@link HttpServletResponse#encodeURL}) to the URLs {@link AssetUrls} resolved once; every other link passes
 * through untouched, without a resource lookup. Replaces Spring's {@code ResourceUrlEncodingFilter}.
 */
class AssetUrlFilter implements Filter {

	private final AssetUrls assets;

	AssetUrlFilter(AssetUrls assets) {
		this.assets = assets;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
				&& !(response instanceof AssetLinks)) {
			chain.doFilter(request, new AssetLinks(httpResponse, http.getContextPath(), this.assets));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static final class AssetLinks extends HttpServletResponseWrapper {

		private final String contextPath;

		private final AssetUrls assets;

		AssetLinks(HttpServletResponse response, String contextPath, AssetUrls assets) {
			super(response);
			this.contextPath = contextPath;
			this.assets = assets;
		}

		@Override
		public String encodeURL(String url) {
			if (url != null && url.startsWith(this.contextPath)) {
				String path = url.substring(this.contextPath.length());
				if (this.assets.isAsset(path)) {
					return super.encodeURL(this.contextPath + this.assets.url(path));
				}
			}
			return super.encodeURL(url);
		}

	}

}
