package org.mlgov.console.web;

import org.thymeleaf.context.IExpressionContext;

import org.springframework.stereotype.Component;

/**
 * Long generated text (policy JSON) as the content of a {@code <pre>} element. Templates write it with
 * {@code th:utext="${#preformatted.html(p.json())}"} instead of {@code th:text}: this class is also the Thymeleaf
 * dialect that offers that expression object ({@link ExpressionObjectDialect}).
 * <p>
 * Why: {@code th:text} escapes through unbescape's HTML4/XML escaper, character by character, and also turns every
 * double quote into {@code &quot;}; a policy document is mostly quotes. On the review step (about 90 KB of JSON) that
 * escaping took a fifth of the page's time and made the JSON a fifth longer on the wire. In the content of an element
 * only {@code &} and {@code <} can start markup ({@code >} is escaped too, for tools that read HTML loosely); quotes
 * are plain text there. So this escapes those three, and returns the text itself when it has none of them, as
 * generated JSON normally has none. Never use it for an attribute value: there quotes matter.
 */
@Component
public class PreformattedText extends ExpressionObjectDialect {

	public PreformattedText() {
		super("Preformatted text", "preformatted");
	}

	@Override
	Object expressionObject(IExpressionContext context) {
		return this;
	}

	/**
	 * The text escaped for the content of an element.
	 * @param text any text, may be {@code null}
	 * @return the text with {@code &}, {@code <} and {@code >} escaped, or the same string when it has none of them;
	 * {@code ""} for {@code null}
	 */
	public String html(String text) {
		return escape(text);
	}

	/**
	 * The same as {@link #html(String)}, for Java callers.
	 * @param text any text, may be {@code null}
	 * @return the escaped text
	 */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		// Three indexOf scans (vectorized by the JVM) are faster than one loop over the characters.
		int first = first(text.indexOf('&'), first(text.indexOf('<'), text.indexOf('>')));
		if (first < 0) {
			return text;
		}
		int length = text.length();
		StringBuilder escaped = new StringBuilder(length + 64).append(text, 0, first);
		for (int i = first; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** The smaller of two indexes, where -1 is "not found". */
	private static int first(int a, int b) {
		return (a < 0) ? b : (b < 0) ? a : Math.min(a, b);
	}

}
