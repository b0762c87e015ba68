package org.mlgov.console.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The public URLs of the console's assets (webjars and the files under {@code static/}), each resolved through the
 * resource chain once and then remembered. {@link AssetUrlFilter} asks it for the links a page renders: an asset
 * link gets its resolved URL (a webjar named without a version gets its version), every other link is left as it
 * is without touching the resource chain. Spring's own {@code ResourceUrlEncodingFilter} would run the whole chain,
 * class-path lookups included, for every link of every page (see {@link AssetLinksConfiguration}).
 * <p>
 * The files under {@code static/} are resolved when the application is ready; a webjar path is resolved the first
 * time a page links to it. At most {@value #MAX_REMEMBERED} paths are remembered: templates name a handful.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class AssetUrls {

	static final int MAX_REMEMBERED = 500;

	private static final String WEBJARS = "/webjars/";

	private static final Logger logger = LoggerFactory.getLogger(AssetUrls.class);

	private final ResourceUrlProvider resources;

	private final Map<String, String> resolved = new ConcurrentHashMap<>();

	private final Set<String> staticFiles = ConcurrentHashMap.newKeySet();

	private final AtomicInteger lookups = new AtomicInteger();

	AssetUrls(ResourceUrlProvider resources) {
		this.resources = resources;
	}

	/** Resolves every file under {@code static/} once, when the resource chain is ready. */
	@EventListener(ApplicationReadyEvent.class)
	void resolveStaticFiles() throws IOException {
		Set<String> paths = new TreeSet<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:/static/**")) {
			String url = file.getURL().toString();
			int at = url.lastIndexOf("/static/");
			if (at >= 0 && file.isReadable() && !url.endsWith("/")) {
				paths.add(url.substring(at + "/static".length()));
			}
		}
		this.staticFiles.addAll(paths);
		paths.forEach(this::url);
		logger.debug("Asset URLs resolved at start-up: {}", this.resolved);
	}

	/**
	 * Whether a link (a path below the context path) names an asset: a webjar or a file under {@code static/}.
	 * @param path the path, without the context path
	 * @return whether {@link #url(String)} resolves it
	 */
	public boolean isAsset(String path) {
		if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
			return false;
		}
		return path.startsWith(WEBJARS) || this.staticFiles.contains(path);
	}

	/**
	 * The public URL of an asset, resolved once; a path the resource chain does not know is returned as it is.
	 * @param path the asset's path below the context path, such as {@code /webjars/bootstrap/dist/css/bootstrap.min.css}
	 * @return the URL to link, such as {@code /webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css}
	 */
	public String url(String path) {
		String url = this.resolved.get(path);
		if (url != null) {
			return url;
		}
		url = lookUp(path);
		if (this.resolved.size() < MAX_REMEMBERED) {
			this.resolved.putIfAbsent(path, url);
		}
		return url;
	}

	/**
	 * How many times the resource chain was asked so far: once per asset path, never per page.
	 * @return the number of lookups
	 */
	public int lookups() {
		return this.lookups.get();
	}

	private String lookUp(String path) {
		this.lookups.incrementAndGet();
		String url = this.resources.getForLookupPath(path);
		return (url != null) ? url : path;
	}

}
