package org.mlgov.console.web;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class PreformattedTextTests {

	private final PreformattedText preformatted = new PreformattedText();

	@Test
	void textWithoutMarkupCharactersIsReturnedAsItIs() {
		String json = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ { \"Sid\" : \"It's\" } ]\n}";
		assertThat(this.preformatted.html(json)).isSameAs(json);
	}

	@Test
	void ampersandsAndAngleBracketsAreEscapedAndQuotesAreNot() {
		assertThat(this.preformatted.html("{\"a\":\"x<y && y>z\"}"))
			.isEqualTo("{\"a\":\"x&lt;y &amp;&amp; y&gt;z\"}");
		assertThat(this.preformatted.html("</pre><script>alert('x')</script>"))
			.isEqualTo("&lt;/pre&gt;&lt;script&gt;alert('x')&lt;/script&gt;");
		assertThat(this.preformatted.html("&amp;")).isEqualTo("&amp;amp;");
	}

	@Test
	void templatesWriteItAsAnExpressionObjectInUtext() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.addDialect(this.preformatted);
		Context context = new Context();
		context.setVariable("json", "{\"a\":\"<b>&\"}");

		String page = engine.process("<pre th:utext=\"${#preformatted.html(json)}\">{}</pre>", context);

		assertThat(page).isEqualTo("<pre>{\"a\":\"&lt;b&gt;&amp;\"}</pre>");
	}

	@Test
	void nullIsEmpty() {
		assertThat(this.preformatted.html(null)).isEmpty();
	}

	@Test
	void anHtmlParserReadsBackExactlyTheText() {
		String text = "{ \"Condition\" : { \"StringLike\" : { \"k\" : \"a<b>&c'\\\"d\" } } }\n\ttail </pre> <!-- x -->";
		String page = "<html><body><pre id=\"p\">" + this.preformatted.html(text) + "</pre></body></html>";
		assertThat(Jsoup.parse(page).getElementById("p").wholeText()).isEqualTo(text);
	}

}
