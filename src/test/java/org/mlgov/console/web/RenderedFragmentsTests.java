package org.mlgov.console.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedFragmentsTests {

	/** A view of the fragment below: its name and items, and a counter of how often the fragment read it. */
	public record Item(String name, List<String> tags, AtomicIntegerHolder reads) {

		public String counted() {
			this.reads.value.incrementAndGet();
			return this.name;
		}

	}

	/** Equal for every instance, so that the counter does not take part in the memo's key. */
	public static final class AtomicIntegerHolder {

		final AtomicInteger value = new AtomicInteger();

		@Override
		public boolean equals(Object other) {
			return other instanceof AtomicIntegerHolder;
		}

		@Override
		public int hashCode() {
			return 1;
		}

	}

	private static final String FRAGMENTS = """
			<html><body>
			<form th:fragment="form(view)" th:action="${view.name()}"><th:block th:utext="${formToken}"></th:block><b
			    th:text="${view.counted()}">name</b></form>
			<li th:fragment="item(view)" th:id="${'item-' + view.counted()}"><b th:text="${view.name()}">name</b><span
			    th:each="t : ${view.tags()}" th:text="${t}">tag</span></li>
			</body></html>""";

	private static final String PAGE = "<ul><th:block th:each=\"i : ${items}\" "
			+ "rendered:markup=\"${#rendered.fragment('fragments', 'item', i)}\"></th:block></ul>";

	private final AtomicIntegerHolder reads = new AtomicIntegerHolder();

	private SpringTemplateEngine engine(RenderedFragments rendered) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver() {

			@Override
			protected org.thymeleaf.templateresource.ITemplateResource computeTemplateResource(
					org.thymeleaf.IEngineConfiguration configuration, String ownerTemplate, String template,
					Map<String, Object> templateResolutionAttributes) {
				return super.computeTemplateResource(configuration, ownerTemplate,
						"fragments".equals(template) ? FRAGMENTS : template, templateResolutionAttributes);
			}

		};
		engine.setTemplateResolver(resolver);
		engine.addDialect(rendered);
		return engine;
	}

	private String page(SpringTemplateEngine engine, Item... items) {
		return engine.process(PAGE, new Context(Locale.ENGLISH, Map.of("items", List.of(items))));
	}

	@Test
	void aFragmentIsRenderedWithItsViewAloneAndEscapedAsUsual() {
		SpringTemplateEngine engine = engine(new RenderedFragments(true));

		String page = page(engine, new Item("a<b", List.of("x", "y&z"), this.reads));

		assertThat(page).isEqualTo("<ul><li id=\"item-a&lt;b\"><b>a&lt;b</b><span>x</span><span>y&amp;z</span></li></ul>");
	}

	/**
	 * rendered:markup evaluates its expression without Thymeleaf's restricted mode, so it writes nothing but what
	 * #rendered returned: any other value is an error, never unescaped text. th:utext writes a Markup the same way.
	 */
	@Test
	void renderedMarkupWritesOnlyWhatRenderedReturns() {
		SpringTemplateEngine engine = engine(new RenderedFragments(true));
		Map<String, Object> model = Map.of("item", new Item("x", List.of(), this.reads), "typed", "<script>");

		assertThat(engine.process("<p rendered:markup=\"${#rendered.fragment('fragments', 'item', item)}\">old</p>",
				new Context(Locale.ENGLISH, model))).isEqualTo("<p><li id=\"item-x\"><b>x</b></li></p>");
		assertThat(engine.process("<p th:utext=\"${#rendered.fragment('fragments', 'item', item)}\">old</p>",
				new Context(Locale.ENGLISH, model))).isEqualTo("<p><li id=\"item-x\"><b>x</b></li></p>");
		assertThatThrownBy(() -> engine.process("<p rendered:markup=\"${typed}\"></p>", new Context(Locale.ENGLISH, model)))
			.hasRootCauseInstanceOf(TemplateProcessingException.class)
			.rootCause()
			.hasMessageContaining("rendered:markup writes only what #rendered returns, not java.lang.String");
	}

	@Test
	void anEqualViewIsRenderedOnceAndADifferentOneAgain() {
		RenderedFragments rendered = new RenderedFragments(true);
		SpringTemplateEngine engine = engine(rendered);
		Item one = new Item("one", List.of("t"), this.reads);

		String first = page(engine, one);
		String second = page(engine, new Item("one", List.of("t"), this.reads));
		assertThat(second).isEqualTo(first);
		assertThat(this.reads.value).hasValue(1);

		assertThat(page(engine, new Item("one", List.of("t", "u"), this.reads))).contains("<span>u</span>");
		assertThat(this.reads.value).hasValue(2);
		assertThat(rendered.held()).isEqualTo(first.length() - "<ul></ul>".length()
				+ "<li id=\"item-one\"><b>one</b><span>t</span><span>u</span></li>".length());
	}

	@Test
	void aFormsTokenIsFilledInForEachPageFromItsOwnRequestAndTypedTextNeverBecomesOne() {
		SpringTemplateEngine engine = engine(new RenderedFragments(true));
		String form = "<th:block th:utext=\"${#rendered.fragment('fragments', 'form', item)}\"></th:block>";
		Item item = new Item("/go", List.of(), this.reads);
		Function<String, Map<String, Object>> request = (token) -> Map.of("item", item, CsrfToken.class.getName(),
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));

		String first = engine.process(form, new Context(Locale.ENGLISH, request.apply("t-1\"<")));
		String second = engine.process(form, new Context(Locale.ENGLISH, request.apply("t-2")));
		String none = engine.process(form, new Context(Locale.ENGLISH, Map.of("item", item)));

		assertThat(first)
			.isEqualTo("<form action=\"/go\"><input type=\"hidden\" name=\"_csrf\" value=\"t-1&quot;&lt;\"/><b>/go</b></form>");
		assertThat(second).isEqualTo("<form action=\"/go\"><input type=\"hidden\" name=\"_csrf\" value=\"t-2\"/><b>/go</b></form>");
		assertThat(none).isEqualTo("<form action=\"/go\"><b>/go</b></form>");
		assertThat(this.reads.value).as("rendered once").hasValue(1);

		// Whatever a view holds is escaped, so it cannot contain the mark (which starts with '<').
		Item typed = new Item("<form-token x>", List.of(), this.reads);
		assertThat(engine.process(form, new Context(Locale.ENGLISH, Map.of("item", typed, CsrfToken.class.getName(),
				new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t-3")))))
			.isEqualTo("<form action=\"&lt;form-token x&gt;\"><input type=\"hidden\" name=\"_csrf\" value=\"t-3\"/>"
					+ "<b>&lt;form-token x&gt;</b></form>");
	}

	@Test
	void withoutTheTemplateCacheEveryPageRendersAgain() {
		SpringTemplateEngine engine = engine(new RenderedFragments(false));
		Item one = new Item("one", List.of(), this.reads);

		page(engine, one);
		page(engine, one);

		assertThat(this.reads.value).hasValue(2);
	}

	@Test
	void theMemoKeepsWithinItsBudgetDroppingTheLeastRecentlyUsed() {
		String rendered = "<li id=\"item-a0\"><b>a0</b></li>";
		RenderedFragments memo = new RenderedFragments(true, rendered.length() * 8L);
		SpringTemplateEngine engine = engine(memo);
		for (int i = 0; i < 9; i++) {
			page(engine, new Item("a" + i, List.of(), this.reads));
		}
		assertThat(this.reads.value).hasValue(9);
		assertThat(memo.held()).isLessThanOrEqualTo(rendered.length() * 8L);

		page(engine, new Item("a8", List.of(), this.reads));
		assertThat(this.reads.value).as("the most recent is kept").hasValue(9);
		page(engine, new Item("a0", List.of(), this.reads));
		assertThat(this.reads.value).as("the first was dropped").hasValue(10);
	}

	@Test
	void pagesRenderedAtOnceByManyThreadsEachGetTheirOwnMarkupAndTheMemoStaysWithinBudget() throws Exception {
		long budget = 4_000;
		RenderedFragments memo = new RenderedFragments(true, budget);
		SpringTemplateEngine engine = engine(memo);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Boolean>> pages = new java.util.ArrayList<>();
			for (int i = 0; i < 400; i++) {
				String name = "n" + (i % 150);
				pages.add(pool.submit(() -> page(engine, new Item(name, List.of(name), this.reads))
					.equals("<ul><li id=\"item-" + name + "\"><b>" + name + "</b><span>" + name + "</span></li></ul>")));
			}
			for (var page : pages) {
				assertThat(page.get()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(memo.held()).isPositive().isLessThanOrEqualTo(budget);
	}

}
