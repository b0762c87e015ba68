package org.mlgov.console.web;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Template fragments that depend on one view value only, rendered once per distinct value and then reused: the
 * Thymeleaf dialect of the expression object {@code #rendered}. A template writes
 * <pre>
 * &lt;th:block th:utext="${#rendered.fragment('fragments/rows', 'values', rows)}"&gt;&lt;/th:block&gt;
 * </pre>
 * and gets what {@code th:replace="~{fragments/rows :: values(${rows})}"} would give, rendered on its own with the one
 * variable {@code view} (and the page's locale), from a memo keyed by template, fragment, locale and view.
 * <p>
 * Why: the wizard's largest pages repeat the same markup for hundreds of catalogue entries and list rows (the
 * generative-models step ticks boxes for every Bedrock and JumpStart model; the activities step shows a dozen value
 * lists). Thymeleaf spends a few microseconds on each attribute it processes, so those pages took several times the
 * CPU of an ordinary page although what they show changes only when the draft does. A view that is equal to one
 * rendered before now costs a map look-up.
 * <p>
 * The contract of such a fragment: it reads nothing but {@code view} (no model attributes, no {@code #fields}, no
 * request, no {@code @{...}} links, which need the request: pass URLs in the view), and the view is an immutable value
 * (a record of strings, booleans and {@code List.copyOf} lists) whose {@code equals} covers everything shown. Views
 * hold only what the page would show anyway and the markup depends on nothing else, so an entry is the same for every
 * user who asks with an equal view.
 * <p>
 * The memo holds at most {@link #BUDGET} characters of markup, the least recently used entry leaving first. With the
 * template cache off ({@code spring.thymeleaf.cache: false}, the dev profile) nothing is kept, so an edited template
 * shows on the next request.
 */
@Component
public class RenderedFragments extends AbstractDialect implements IExpressionObjectDialect {

	/** The most characters of markup kept (about 8 MB, as the JVM stores Latin-1 strings a byte per character). */
	static final long BUDGET = 8_000_000;

	/** The name of the fragment's one variable. */
	public static final String VIEW = "view";

	private static final String NAME = "rendered";

	private final boolean cached;

	private final long budget;

	private final Map<Key, String> entries = new LinkedHashMap<>(256, 0.75f, true);

	private long held;

	@Autowired
	public RenderedFragments(@Value("${spring.thymeleaf.cache:true}") boolean cached) {
		this(cached, BUDGET);
	}

	RenderedFragments(boolean cached, long budget) {
		super("Rendered fragments");
		this.cached = cached;
		this.budget = budget;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? new Renderer(context) : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	/** How many characters of markup the memo holds now. */
	long held() {
		synchronized (this.entries) {
			return this.held;
		}
	}

	private String lookUp(Key key) {
		synchronized (this.entries) {
			return this.entries.get(key);
		}
	}

	private void keep(Key key, String html) {
		if (html.length() > this.budget / 8) {
			return; // one huge entry would push out everything else
		}
		synchronized (this.entries) {
			String before = this.entries.put(key, html);
			this.held += html.length() - ((before != null) ? before.length() : 0);
			var eldest = this.entries.entrySet().iterator();
			while (this.held > this.budget && eldest.hasNext()) {
				this.held -= eldest.next().getValue().length();
				eldest.remove();
			}
		}
	}

	/** What a memo entry is rendered from. */
	private record Key(String template, String fragment, Locale locale, Object view) {
	}

	/** The expression object of one template execution: renders with that execution's engine and locale. */
	public final class Renderer {

		private final IExpressionContext context;

		Renderer(IExpressionContext context) {
			this.context = context;
		}

		/**
		 * The markup of a fragment rendered with {@code view} as its only variable.
		 * @param template the template's name ({@code fragments/rows})
		 * @param fragment the fragment's name in it ({@code values}, declared {@code th:fragment="values(view)"})
		 * @param view the view value (immutable, with value equality)
		 * @return the markup, from the memo when an equal view was rendered before
		 */
		public String fragment(String template, String fragment, Object view) {
			Key key = new Key(template, fragment, this.context.getLocale(), view);
			String html = RenderedFragments.this.cached ? lookUp(key) : null;
			if (html == null) {
				html = render(key);
				if (RenderedFragments.this.cached) {
					keep(key, html);
				}
			}
			return html;
		}

		private String render(Key key) {
			StringWriter out = new StringWriter(4096);
			this.context.getConfiguration()
				.getTemplateManager()
				.parseAndProcess(new TemplateSpec(key.template(), Set.of(key.fragment()), TemplateMode.HTML, null),
						new Context(key.locale(), Map.of(VIEW, key.view())), out);
			return out.toString();
		}

	}

}
