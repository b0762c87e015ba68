package org.mlgov.console.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.dialect.IProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.processor.StandardUtextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.util.IWritableCharSequence;
import org.thymeleaf.web.IWebExchange;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Template fragments that depend on one view value only, rendered once per distinct value and then reused: the
 * Thymeleaf dialect of the expression object {@code #rendered} ({@link ExpressionObjectDialect}). A template writes
 * <pre>
 * &lt;th:block rendered:markup="${#rendered.fragment('fragments/rows', 'values', rows)}"&gt;&lt;/th:block&gt;
 * </pre>
 * and gets what {@code th:replace="~{fragments/rows :: values(${rows})}"} would give, rendered on its own with the one
 * variable {@code view} (and the page's locale), from a memo keyed by template, fragment, locale and view. The
 * dialect's attribute {@code rendered:markup} writes a {@link Markup} unescaped ({@link MarkupProcessor});
 * {@code th:utext} would too, but evaluates its expression in Thymeleaf's restricted mode, which scans the
 * expression's text on every evaluation.
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
 * user who asks with an equal view. A view is built anew for every page and compared with the kept one on every
 * look-up: a view of several records nested in lists (a block of value lists of rows) should write its
 * {@code equals} and {@code hashCode} out rather than use the record's generated ones, whose method-handle chains
 * the JIT does not inline that deep (a tenth of the activities step went to them); a view that is the same object on
 * every page (built once and memoized) costs an identity check.
 * <p>
 * One thing a fragment may write that is not in its view: a form's CSRF field, which changes with every request. The
 * fragment writes {@code <th:block th:utext="${formToken}"></th:block>} where the field belongs (first thing in the
 * form, where {@code th:action} puts it); the memo keeps a mark there, and each page gets the mark replaced by the
 * field with its own request's token ({@code <input type="hidden" name="_csrf" value="..."/>}, nothing when the request
 * has none). The mark starts with {@code <}, which escaped text never contains, and holds a random part drawn at
 * start-up, so nothing a user typed can turn into it.
 * <p>
 * The memo holds at most {@link #BUDGET} characters of markup; past that, the least recently used entries leave
 * until a quarter of it is free. With the
 * template cache off ({@code spring.thymeleaf.cache: false}, the dev profile) nothing is kept, so an edited template
 * shows on the next request.
 */
@Component
public class RenderedFragments extends ExpressionObjectDialect implements IProcessorDialect {

	/**
	 * The most characters of markup kept (about 32 MB, as the JVM stores Latin-1 strings a byte per character): room
	 * for a hundred whole wizard pages ({@link Renderer#page}, up to 250 KB each) beside the small fragments. An entry
	 * a page has written as bytes also holds its UTF-8 copy ({@link Entry#utf8}), as large again: at most about 64 MB
	 * in all.
	 */
	static final long BUDGET = 32_000_000;

	/** The prefix of the dialect's attribute ({@code rendered:markup}). */
	public static final String PREFIX = "rendered";

	/** The name of the fragment's one variable. */
	public static final String VIEW = "view";

	/** The name of the variable a fragment writes unescaped where a form's CSRF field belongs. */
	public static final String FORM_TOKEN = "formToken";

	/** What the memo keeps where a form's CSRF field belongs. */
	private final String formTokenMark = "<form-token " + UUID.randomUUID() + ">";

	/**
	 * What a page kept by {@link Renderer#page} holds where its request's CSRF token value was: the token that page
	 * was rendered with (see {@link Renderer#page}). Random, drawn at start-up, made of characters that need no escaping.
	 */
	private final String tokenValueMark = "form-token-" + UUID.randomUUID();

	private final boolean cached;

	private final long budget;

	/**
	 * The memo. A look-up takes no lock: a page makes dozens of them, and with 32 requests on 2 cores a thread that
	 * lost its core while holding a lock kept every other page waiting (a synchronized LRU map doubled the big pages'
	 * 95th percentile).
	 */
	private final Map<Key, Entry> entries = new ConcurrentHashMap<>(256);

	/** How many characters the entries hold. */
	private final AtomicLong held = new AtomicLong();

	/** Stamps each use, so that eviction drops the least recently used entries first. */
	private final AtomicLong clock = new AtomicLong();

	@Autowired
	public RenderedFragments(@Value("${spring.thymeleaf.cache:true}") boolean cached) {
		this(cached, BUDGET);
	}

	RenderedFragments(boolean cached, long budget) {
		super("Rendered fragments", "rendered");
		this.cached = cached;
		this.budget = budget;
	}

	@Override
	Object expressionObject(IExpressionContext context) {
		return new Renderer(context);
	}

	/** How many characters of markup the memo holds now. */
	long held() {
		return this.held.get();
	}

	private Entry lookUp(Key key) {
		Entry entry = this.entries.get(key);
		if (entry != null) {
			entry.used = this.clock.incrementAndGet();
		}
		return entry;
	}

	private void keep(Key key, Entry entry) {
		if (entry.html.length() > this.budget / 8) {
			return; // one huge entry would push out everything else
		}
		Entry before = this.entries.put(key, entry);
		if (this.held.addAndGet(entry.html.length() - ((before != null) ? before.html.length() : 0)) > this.budget) {
			evict();
		}
	}

	/** Drops the least recently used entries until a quarter of the budget is free (one thread at a time). */
	private synchronized void evict() {
		if (this.held.get() <= this.budget) {
			return;
		}
		List<Map.Entry<Key, Entry>> oldestFirst = new ArrayList<>(this.entries.entrySet());
		oldestFirst.sort(Comparator.comparingLong((Map.Entry<Key, Entry> e) -> e.getValue().used));
		for (Map.Entry<Key, Entry> e : oldestFirst) {
			if (this.held.get() <= this.budget - this.budget / 4) {
				break;
			}
			if (this.entries.remove(e.getKey(), e.getValue())) {
				this.held.addAndGet(-e.getValue().html.length());
			}
		}
	}

	/**
	 * The markup {@link Renderer#page} kept for this key, for a controller that can skip preparing the page's model
	 * when it is kept: the template writes it with {@link Renderer#filled}. As it is, it holds marks where each
	 * page's CSRF token value goes.
	 * @param template the template's name
	 * @param fragment the fragment's name in it
	 * @param locale the page's locale (the request's, as the view resolver picks it)
	 * @param key the page's key
	 * @return the kept page, or null when nothing is kept for this key (never kept, left the memo, or no cache)
	 */
	@Nullable
	public KeptPage keptPage(String template, String fragment, Locale locale, Object key) {
		Entry entry = this.cached ? lookUp(new Key(template, fragment, locale, key)) : null;
		return (entry != null) ? new KeptPage(entry) : null;
	}

	/**
	 * A page {@link Renderer#page} kept, as {@link #keptPage} finds it: for the template to write with
	 * {@link Renderer#filled}, which puts the request's CSRF token value in place of its marks.
	 */
	public static final class KeptPage {

		private final Entry entry;

		private KeptPage(Entry entry) {
			this.entry = entry;
		}

		/**
		 * Markup kept as if {@link Renderer#page} had rendered it, marks and all.
		 * @param html the markup, with the memo's token-value marks where each page's token value goes
		 * @return the kept page
		 */
		static KeptPage of(String html) {
			return new KeptPage(new Entry(html, false, true, 0));
		}

		/** The page's UTF-8 bytes as far as a page written as bytes worked them out (null before). */
		@Nullable
		byte[][] utf8() {
			return this.entry.utf8;
		}

	}

	/**
	 * A memo entry: the markup, whether it has form-token marks to fill in, and when it was last used
	 * ({@link #clock}).
	 */
	private static final class Entry {

		final String html;

		final boolean formTokens;

		/** Whether the markup holds {@link #tokenValueMark}s (pages kept by {@link Renderer#page}). */
		final boolean tokenValues;

		volatile long used;

		/**
		 * The markup in UTF-8, cut at its marks ({@link Markup#utf8Parts}): worked out by the first page that writes
		 * it as bytes, then copied by every later one. Racing pages may each work it out; they get equal arrays.
		 */
		@Nullable
		private volatile byte[][] utf8;

		Entry(String html, boolean formTokens, boolean tokenValues, long used) {
			this.html = html;
			this.formTokens = formTokens;
			this.tokenValues = tokenValues;
			this.used = used;
		}

		/** The markup's UTF-8 parts around {@code mark}, the mark every Markup of this entry fills. */
		byte[][] utf8(@Nullable String mark) {
			byte[][] parts = this.utf8;
			if (parts == null) {
				parts = Markup.utf8Parts(this.html, mark);
				this.utf8 = parts;
			}
			return parts;
		}

	}

	/**
	 * What a memo entry is rendered from. Its equals and hashCode are written out, like those of the views: the
	 * record's generated ones, method-handle chains, stayed a twentieth of the models step.
	 */
	private record Key(String template, String fragment, Locale locale, Object view) {

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Key that && Objects.equals(this.view, that.view)
					&& this.fragment.equals(that.fragment) && this.template.equals(that.template)
					&& this.locale.equals(that.locale));
		}

		@Override
		public int hashCode() {
			return 31 * (31 * (31 * this.template.hashCode() + this.fragment.hashCode()) + this.locale.hashCode())
					+ Objects.hashCode(this.view);
		}

	}

	/**
	 * Markup that {@code #rendered} produced, for {@code rendered:markup} to write as it is. {@code toString} is the
	 * markup, so {@code th:utext} writes it too (in Thymeleaf's restricted mode, which scans the expression's text on
	 * every evaluation, once per row of a list).
	 * <p>
	 * Markup kept in the memo holds marks where each request's own text goes (a form's CSRF field, a token value). It
	 * is filled in as it is written ({@link #write}): the kept text between the marks and the request's text in their
	 * place go to the writer one after the other, so a kept page of 240 KB is not copied into a filled-in string first
	 * on every request (that copy was a seventh of the models step's CPU).
	 */
	public static final class Markup implements IWritableCharSequence {

		private final String kept;

		@Nullable
		private final String mark;

		private final String fill;

		/** The memo entry {@link #kept} is, whose UTF-8 bytes are worked out once; null for markup made here. */
		@Nullable
		private final Entry source;

		/** The markup with its marks filled in, once something asked for it as a whole. */
		@Nullable
		private String filled;

		/**
		 * Markup as it is.
		 * @param html the markup
		 */
		public Markup(String html) {
			this(html, null, "", null);
		}

		/**
		 * Kept markup with {@code fill} in place of every {@code mark}.
		 * @param kept the kept markup
		 * @param mark what stands in it for the request's own text, or null for none
		 * @param fill the request's own text
		 */
		Markup(String kept, @Nullable String mark, String fill) {
			this(kept, mark, fill, null);
		}

		private Markup(String kept, @Nullable String mark, String fill, @Nullable Entry source) {
			this.kept = kept;
			this.mark = mark;
			this.fill = fill;
			this.source = source;
			this.filled = (mark != null) ? null : kept;
		}

		/** The entry's markup, with {@code fill} in place of every {@code mark} (null for none). */
		private static Markup of(Entry entry, @Nullable String mark, String fill) {
			return new Markup(entry.html, mark, fill, entry);
		}

		/**
		 * {@code kept} in UTF-8, cut where each {@code mark} stood: the parts between the marks, one more than there
		 * are marks (the whole markup when {@code mark} is null).
		 */
		static byte[][] utf8Parts(String kept, @Nullable String mark) {
			List<byte[]> parts = new ArrayList<>();
			int from = 0;
			if (mark != null) {
				for (int at = kept.indexOf(mark); at >= 0; at = kept.indexOf(mark, from)) {
					parts.add(kept.substring(from, at).getBytes(StandardCharsets.UTF_8));
					from = at + mark.length();
				}
			}
			parts.add(kept.substring(from).getBytes(StandardCharsets.UTF_8));
			return parts.toArray(new byte[0][]);
		}

		/**
		 * The markup in UTF-8, marks filled, as pieces for {@code out} to take in order: kept markup from the bytes
		 * its memo entry worked out once (copied, never encoded again), the request's own text encoded here.
		 */
		void writeUtf8(BufferedPageView.Chunks out) {
			byte[][] parts = (this.source != null) ? this.source.utf8(this.mark) : utf8Parts(this.kept, this.mark);
			byte[] fill = (parts.length > 1) ? this.fill.getBytes(StandardCharsets.UTF_8) : null;
			for (int i = 0; i < parts.length; i++) {
				if (i > 0) {
					out.add(fill);
				}
				out.add(parts[i]);
			}
		}

		/** The markup, marks filled in. */
		public String html() {
			String html = this.filled;
			if (html == null) {
				html = this.kept.replace(this.mark, this.fill);
				this.filled = html;
			}
			return html;
		}

		/**
		 * Writes the markup, marks filled. A page being rendered ({@link BufferedPageView.PageBuffer}) keeps the
		 * markup itself and writes it when the page is done: as bytes from the memo entry's when the response is
		 * UTF-8 ({@link #writeUtf8}).
		 */
		@Override
		public void write(Writer writer) throws IOException {
			if (writer instanceof BufferedPageView.PageBuffer page) {
				page.keep(this);
				return;
			}
			if (this.filled != null) {
				writer.write(this.filled);
				return;
			}
			int from = 0;
			for (int at = this.kept.indexOf(this.mark); at >= 0; at = this.kept.indexOf(this.mark, from)) {
				writer.write(this.kept, from, at - from);
				writer.write(this.fill);
				from = at + this.mark.length();
			}
			writer.write(this.kept, from, this.kept.length() - from);
		}

		@Override
		public int length() {
			return html().length();
		}

		@Override
		public char charAt(int index) {
			return html().charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return html().subSequence(start, end);
		}

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Markup that && html().equals(that.html()));
		}

		@Override
		public int hashCode() {
			return html().hashCode();
		}

		@Override
		public String toString() {
			return html();
		}

	}

	@Override
	public String getPrefix() {
		return PREFIX;
	}

	@Override
	public int getDialectProcessorPrecedence() {
		return StandardDialect.PROCESSOR_PRECEDENCE;
	}

	@Override
	public Set<IProcessor> getProcessors(String dialectPrefix) {
		return Set.of(new MarkupProcessor(dialectPrefix));
	}

	/**
	 * {@code rendered:markup="${#rendered.fragment(...)}"}: writes what {@code #rendered} returned in place of the
	 * element's body, as {@code th:utext} would. The expression runs in Thymeleaf's normal mode (so it may call beans),
	 * which is safe because the processor writes nothing but a {@link Markup}: anything else (a request parameter, a
	 * model attribute's text) is refused with an error rather than written unescaped.
	 */
	static final class MarkupProcessor extends AbstractAttributeTagProcessor {

		MarkupProcessor(String dialectPrefix) {
			super(TemplateMode.HTML, dialectPrefix, null, false, "markup", true, StandardUtextTagProcessor.PRECEDENCE,
					true);
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			Object result = StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, attributeValue)
				.execute(context, StandardExpressionExecutionContext.NORMAL);
			if (!(result instanceof Markup markup)) {
				throw new TemplateProcessingException("rendered:markup writes only what #rendered returns, not "
						+ ((result != null) ? result.getClass().getName() : "null") + " (" + attributeValue + ")");
			}
			structureHandler.setBody(markup, false);
		}

	}

	/** The expression object of one template execution: renders with that execution's engine and locale. */
	public final class Renderer {

		private final IExpressionContext context;

		/** The CSRF field of this execution's request, once a fragment needed it. */
		private String formTokenField;

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
		public Markup fragment(String template, String fragment, Object view) {
			Key key = new Key(template, fragment, this.context.getLocale(), view);
			Entry entry = RenderedFragments.this.cached ? lookUp(key) : null;
			if (entry == null) {
				entry = render(key);
				if (RenderedFragments.this.cached) {
					keep(key, entry);
				}
			}
			return entry.formTokens ? Markup.of(entry, RenderedFragments.this.formTokenMark, formTokenField())
					: Markup.of(entry, null, "");
		}

		private Entry render(Key key) {
			StringWriter out = new StringWriter(4096);
			String mark = RenderedFragments.this.formTokenMark;
			this.context.getConfiguration()
				.getTemplateManager()
				.parseAndProcess(new TemplateSpec(key.template(), Set.of(key.fragment()), TemplateMode.HTML, null),
						new Context(key.locale(), Map.of(VIEW, key.view(), FORM_TOKEN, mark)), out);
			String html = out.toString();
			return new Entry(html, html.contains(mark), false, RenderedFragments.this.clock.incrementAndGet());
		}

		/**
		 * The markup of a fragment rendered in this page's own context (its model, the request, {@code th:object} and
		 * {@code #fields}, {@code @{...}} links), kept under {@code key}: for a part of a page that reads more than one
		 * view, and whose every input is in the key. The caller promises that an equal key means equal markup (a
		 * wizard step read as saved: {@code draft.web.StepPage}); a page that shows anything else (a form with
		 * errors, typed values) must not call this.
		 * <p>
		 * Forms in it carry their CSRF field as {@code th:action} writes it: the page is rendered with a stand-in
		 * token whose value is a mark, and every page gets its own request's token value in place of the mark.
		 * Without a CSRF token in the request nothing is kept.
		 * @param template the template's name
		 * @param fragment the fragment's name in it (without parameters)
		 * @param key everything the fragment's markup depends on, with value equality
		 * @return the markup, from the memo when the page was rendered before with an equal key
		 */
		public Markup page(String template, String fragment, Object key) {
			IWebExchange exchange = ((IWebContext) this.context).getExchange();
			if (!(exchange.getAttributeValue(CsrfToken.class.getName()) instanceof CsrfToken token)) {
				return new Markup(renderPage(template, fragment, exchange, null).html);
			}
			Key pageKey = new Key(template, fragment, this.context.getLocale(), key);
			Entry entry = RenderedFragments.this.cached ? lookUp(pageKey) : null;
			if (entry == null) {
				entry = renderPage(template, fragment, exchange, token);
				if (RenderedFragments.this.cached) {
					keep(pageKey, entry);
				}
			}
			return entry.tokenValues ? Markup.of(entry, RenderedFragments.this.tokenValueMark,
					HtmlUtils.htmlEscape(token.getToken())) : Markup.of(entry, null, "");
		}

		/**
		 * Markup from {@link RenderedFragments#keptPage} with this request's CSRF token value in place of each mark.
		 * @param kept the kept page
		 * @return what the page writes
		 */
		public Markup filled(KeptPage kept) {
			Object token = ((IWebContext) this.context).getExchange().getAttributeValue(CsrfToken.class.getName());
			return Markup.of(kept.entry, RenderedFragments.this.tokenValueMark,
					(token instanceof CsrfToken csrf) ? HtmlUtils.htmlEscape(csrf.getToken()) : "");
		}

		private Entry renderPage(String template, String fragment, IWebExchange exchange, CsrfToken token) {
			StringWriter out = new StringWriter(65536);
			String tokenName = CsrfToken.class.getName();
			Object byParameterName = (token != null) ? exchange.getAttributeValue(token.getParameterName()) : null;
			if (token != null) {
				CsrfToken standIn = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(),
						RenderedFragments.this.tokenValueMark);
				exchange.setAttributeValue(tokenName, standIn);
				exchange.setAttributeValue(token.getParameterName(), standIn);
			}
			try {
				this.context.getConfiguration()
					.getTemplateManager()
					.parseAndProcess(new TemplateSpec(template, Set.of(fragment), TemplateMode.HTML, null),
							new WebContext(exchange, this.context.getLocale()), out);
			}
			finally {
				if (token != null) {
					exchange.setAttributeValue(tokenName, token);
					exchange.setAttributeValue(token.getParameterName(), byParameterName);
				}
			}
			String html = out.toString();
			return new Entry(html, false, token != null && html.contains(RenderedFragments.this.tokenValueMark),
					RenderedFragments.this.clock.incrementAndGet());
		}

		/**
		 * The hidden field that {@code th:action} would add for the request's CSRF token (Spring Security's
		 * {@code CsrfRequestDataValueProcessor} reads the same request attribute), or nothing without one. Inside a
		 * fragment being rendered for the memo (one that includes others through {@code #rendered}, such as a list of
		 * rows) the mark itself, which the page fills in with the outer fragment's markup.
		 */
		private String formTokenField() {
			if (this.formTokenField == null) {
				if (RenderedFragments.this.formTokenMark.equals(this.context.getVariable(FORM_TOKEN))) {
					this.formTokenField = RenderedFragments.this.formTokenMark;
					return this.formTokenField;
				}
				Object token = this.context.getVariable(CsrfToken.class.getName());
				this.formTokenField = (token instanceof CsrfToken csrf)
						? "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
								+ "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\"/>"
						: "";
			}
			return this.formTokenField;
		}

	}

}
