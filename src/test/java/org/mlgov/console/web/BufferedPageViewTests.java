package org.mlgov.console.web;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BufferedPageViewTests {

	/**
	 * A page around a kept part, with whitespace and elements on both sides of it and between the blocks that are
	 * removed, the way the wizard's layout writes a kept step page.
	 */
	private static final String PAGE = """
			<html><body><h1 th:text="${title}">t</h1>
			  <div>
			  <th:block th:if="${kept != null}" rendered:markup="${#rendered.filled(kept)}"></th:block>
			  <th:block th:if="${kept == null}">nothing kept</th:block>
			  <th:block th:if="${false}">never</th:block>
			</div>
			<p th:each="i : ${#numbers.sequence(1, 3)}" th:text="${'after ' + i}">x</p></body></html>""";

	private final RenderedFragments rendered = new RenderedFragments(true);

	private final SpringTemplateEngine engine = engine();

	private final GenericWebApplicationContext context = new GenericWebApplicationContext(new MockServletContext());

	private SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.addDialect(this.rendered);
		return engine;
	}

	/** The view of {@code template} that a Thymeleaf view resolver set up as the console's makes. */
	private ThymeleafView view(Class<? extends ThymeleafView> viewClass, boolean partialOutput, String template)
			throws Exception {
		return view(viewClass, partialOutput, template, "UTF-8");
	}

	private ThymeleafView view(Class<? extends ThymeleafView> viewClass, boolean partialOutput, String template,
			String charset) throws Exception {
		if (!this.context.isActive()) {
			this.context.refresh();
		}
		ThymeleafViewResolver resolver = new ThymeleafViewResolver();
		resolver.setApplicationContext(this.context);
		resolver.setTemplateEngine(this.engine);
		resolver.setViewClass(viewClass);
		resolver.setProducePartialOutputWhileProcessing(partialOutput);
		resolver.setContentType("text/html;charset=" + charset);
		resolver.setCharacterEncoding(charset);
		return (ThymeleafView) resolver.resolveViewName(template, Locale.ENGLISH);
	}

	private ThymeleafView bufferedView(String template) throws Exception {
		ThymeleafView view = view(BufferedPageView.class, false, template);
		assertThat(view).isInstanceOf(BufferedPageView.class);
		return view;
	}

	private MockHttpServletRequest request(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest(this.context.getServletContext());
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, this.context);
		this.context.getServletContext()
			.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, this.context);
		CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token);
		request.setAttribute(CsrfToken.class.getName(), csrf);
		request.setAttribute("_csrf", csrf);
		return request;
	}

	/** Kept markup as the memo holds it: long, with marks where the request's token value goes. */
	private String keptMarkup(String mark) {
		StringBuilder kept = new StringBuilder("\n  <section>");
		for (int i = 0; i < 400; i++) {
			kept.append("\n    <form><input type=\"hidden\" name=\"_csrf\" value=\"")
				.append((i % 100 == 0) ? mark : "fixed")
				.append("\"><b>row ")
				.append(i)
				.append("</b></form>");
		}
		return kept.append("\n  </section>\n").toString();
	}

	private String tokenValueMark() throws Exception {
		// The mark is private to the memo: the page kept by #rendered.page shows where it goes.
		java.lang.reflect.Field field = RenderedFragments.class.getDeclaredField("tokenValueMark");
		field.setAccessible(true);
		return (String) field.get(this.rendered);
	}

	@Test
	void aPageIsWrittenAsThymeleafWritesItWithTheKeptPartInItsPlaceAndItsMarksFilled() throws Exception {
		String kept = keptMarkup(tokenValueMark());
		assertThat(kept.length()).isGreaterThan(BufferedPageView.PageBuffer.BY_REFERENCE * 4);
		Map<String, Object> model = new HashMap<>(Map.of("title", "Models", "kept", RenderedFragments.KeptPage.of(kept)));

		MockHttpServletResponse buffered = new MockHttpServletResponse();
		bufferedView(PAGE).render(model, request("token-A"), buffered);
		ThymeleafView plain = view(ThymeleafView.class, false, PAGE);
		MockHttpServletResponse thymeleafs = new MockHttpServletResponse();
		plain.render(model, request("token-A"), thymeleafs);

		String page = buffered.getContentAsString();
		assertThat(page).isEqualTo(thymeleafs.getContentAsString());
		assertThat(page).startsWith("<html><body><h1>Models</h1>\n  <div>\n  \n  <section>")
			.endsWith("  \n  \n</div>\n<p>after 1</p>\n<p>after 2</p>\n<p>after 3</p></body></html>")
			.doesNotContain(tokenValueMark(), "nothing kept", "never");
		assertThat(page.split("value=\"token-A\"", -1)).hasSize(5);
		assertThat(page.split("value=\"fixed\"", -1)).hasSize(397);
		assertThat(buffered.getContentType()).isEqualTo("text/html;charset=UTF-8");
	}

	@Test
	void aSecondPageOfTheSameViewGetsItsOwnTokenAndTheSameMarkup() throws Exception {
		RenderedFragments.KeptPage kept = RenderedFragments.KeptPage.of(keptMarkup(tokenValueMark()));
		ThymeleafView view = bufferedView(PAGE);
		MockHttpServletResponse first = new MockHttpServletResponse();
		view.render(Map.of("title", "Models", "kept", kept), request("token-A"), first);
		MockHttpServletResponse second = new MockHttpServletResponse();
		view.render(Map.of("title", "Models", "kept", kept), request("token-B"), second);

		assertThat(second.getContentAsString()).doesNotContain("token-A")
			.isEqualTo(first.getContentAsString().replace("token-A", "token-B"));
	}

	@Test
	void aPageThatFailsHalfWayWritesNothingAndLeavesTheResponseToTheErrorPage() throws Exception {
		String failing = "<html><body><p>" + "x".repeat(10_000) + "</p><p th:text=\"${#strings.substring('ab', 5)}\">"
				+ "</p></body></html>";
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatThrownBy(() -> bufferedView(failing).render(Map.of(), request("token-A"), response))
			.isInstanceOf(TemplateProcessingException.class);
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsString()).isEmpty();
	}

	@Test
	void smallWritesAndLongStringsComeOutInTheOrderTheyWereWritten() throws Exception {
		BufferedPageView.PageBuffer page = new BufferedPageView.PageBuffer(16);
		String longA = "A".repeat(BufferedPageView.PageBuffer.BY_REFERENCE);
		String longB = "<" + "B".repeat(3 * BufferedPageView.PageBuffer.BY_REFERENCE) + ">";
		page.write("head ");
		page.write('1');
		page.write(longA);
		page.write(longA);
		page.write(" mid ".toCharArray(), 1, 3);
		page.write(longB, 1, longB.length() - 2);
		page.append("tail", 1, 3);
		page.print(42);
		StringWriter out = new StringWriter();
		page.writeTo(out);

		assertThat(out.toString()).isEqualTo("head 1" + longA + longA + "mid" + "B".repeat(3 * BufferedPageView.PageBuffer.BY_REFERENCE)
				+ "ai42");
		assertThat(utf8(page.utf8())).isEqualTo(out.toString());
		assertThat(page.textLength()).isEqualTo("head 1midai42".length());
	}

	@Test
	void keptMarkupIsFilledInAsItIsWrittenAndTheSameAsAWhole() throws Exception {
		RenderedFragments.Markup markup = new RenderedFragments.Markup("<a>#</a><b>#</b>#", "#", "token");
		StringWriter out = new StringWriter();
		markup.write(out);

		assertThat(out.toString()).isEqualTo("<a>token</a><b>token</b>token");
		assertThat(markup.html()).isEqualTo(out.toString());
		assertThat(markup).hasToString(out.toString()).hasSize(out.toString().length());
		assertThat(markup.charAt(3)).isEqualTo('t');
		StringWriter plain = new StringWriter();
		new RenderedFragments.Markup("<a>#</a>").write(plain);
		assertThat(plain.toString()).isEqualTo("<a>#</a>");
	}

	private static String utf8(BufferedPageView.Chunks chunks) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		chunks.writeTo(bytes);
		assertThat(bytes.size()).isEqualTo(chunks.length());
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aUtf8PageGoesOutAsBytesWithItsLengthTheSameBytesThymeleafWrites() throws Exception {
		// Characters beyond ASCII in the kept part, between its marks and in the template's own text.
		String kept = keptMarkup(tokenValueMark()).replace("row 1", "Zürich → ✓ 1").replace("row 2", "naïve 2");
		Map<String, Object> model = Map.of("title", "Modèles – “all”", "kept", RenderedFragments.KeptPage.of(kept));

		MockHttpServletResponse buffered = new MockHttpServletResponse();
		bufferedView(PAGE).render(model, request("token-A"), buffered);
		MockHttpServletResponse thymeleafs = new MockHttpServletResponse();
		view(ThymeleafView.class, false, PAGE).render(model, request("token-A"), thymeleafs);

		byte[] page = buffered.getContentAsByteArray();
		assertThat(page).isEqualTo(thymeleafs.getContentAsByteArray());
		assertThat(buffered.getContentLength()).isEqualTo(page.length);
		String text = new String(page, StandardCharsets.UTF_8);
		assertThat(text).contains("<h1>Modèles – “all”</h1>", "<b>Zürich → ✓ 1", "<b>naïve 2", "value=\"token-A\"")
			.doesNotContain(tokenValueMark());
		assertThat(text.split("value=\"token-A\"", -1)).hasSize(5);
	}

	@Test
	void keptMarkupIsEncodedOnceAndItsBytesServeEveryLaterPage() throws Exception {
		RenderedFragments.KeptPage kept = RenderedFragments.KeptPage.of(keptMarkup(tokenValueMark()));
		ThymeleafView view = bufferedView(PAGE);
		assertThat(kept.utf8()).isNull();

		MockHttpServletResponse first = new MockHttpServletResponse();
		view.render(Map.of("title", "Models", "kept", kept), request("token-A"), first);
		byte[][] parts = kept.utf8();
		MockHttpServletResponse second = new MockHttpServletResponse();
		view.render(Map.of("title", "Models", "kept", kept), request("token-B"), second);

		// four marks, five parts; the second page copied the first page's bytes rather than encoding them again
		assertThat(parts).hasNumberOfRows(5);
		assertThat(kept.utf8()).isSameAs(parts);
		assertThat(second.getContentAsString()).contains("value=\"token-B\"")
			.isEqualTo(first.getContentAsString().replace("token-A", "token-B"));
	}

	@Test
	void aPageInAnotherCharacterSetGoesThroughTheResponsesWriter() throws Exception {
		Map<String, Object> model = Map.of("title", "Modèles", "kept",
				RenderedFragments.KeptPage.of(keptMarkup(tokenValueMark())));
		MockHttpServletResponse buffered = new MockHttpServletResponse();
		view(BufferedPageView.class, false, PAGE, "ISO-8859-1").render(model, request("token-A"), buffered);
		MockHttpServletResponse thymeleafs = new MockHttpServletResponse();
		view(ThymeleafView.class, false, PAGE, "ISO-8859-1").render(model, request("token-A"), thymeleafs);

		assertThat(buffered.getContentAsByteArray()).isEqualTo(thymeleafs.getContentAsByteArray())
			.contains((byte) 0xE8); // è in ISO-8859-1, one byte
		assertThat(buffered.getContentType()).isEqualTo("text/html;charset=ISO-8859-1");
	}

	@Test
	void keptMarkupWrittenAsBytesIsFilledAsWhenWrittenAsText() throws Exception {
		RenderedFragments.Markup markup = new RenderedFragments.Markup("<a>#</a>é<b>#</b>#", "#", "tök");
		BufferedPageView.Chunks bytes = new BufferedPageView.Chunks();
		markup.writeUtf8(bytes);

		assertThat(utf8(bytes)).isEqualTo("<a>tök</a>é<b>tök</b>tök").isEqualTo(markup.html());
		BufferedPageView.Chunks plain = new BufferedPageView.Chunks();
		new RenderedFragments.Markup("<a>#</a>").writeUtf8(plain);
		assertThat(utf8(plain)).isEqualTo("<a>#</a>");
	}

}
