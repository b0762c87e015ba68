package org.mlgov.console.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Writes CSV as RFC 4180 has it: lines end in CRLF; a field that holds a comma, a double quote or a line break is
 * put in double quotes, with its double quotes doubled. A field that starts with a tab or a carriage return, or whose
 * first visible character is {@code =}, {@code +}, {@code -}, {@code @} or one of their full-width or small look-alikes
 * (after any white space, no-break or zero-width space), gets a leading single quote, so that a spreadsheet shows it
 * as text rather than running it as a formula (CSV injection).
 */
final class CsvWriter {

	private static final String LINE_END = "\r\n";

	private static final String FORMULA_STARTS = "=+-@";

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	/**
	 * Writes one record.
	 * @param fields the values, {@code null} for an empty field
	 */
	void row(List<String> fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(field(fields.get(i)));
		}
		write(line.append(LINE_END).toString());
	}

	/**
	 * Writes a line that is not a record: {@code #}, a space and the text.
	 * @param text one line of text
	 */
	void comment(String text) {
		Assert.isTrue(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, "A comment is a single line");
		write("# " + text + LINE_END);
	}

	void flush() {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One value as a CSV field.
	 * @param value the value, or {@code null}
	 * @return the field, protected against formulas and quoted where needed
	 */
	static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = startsLikeAFormula(value) ? "'" + value : value;
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	/**
	 * Whether a spreadsheet could read the value as a formula: it starts with a tab or a carriage return, or its
	 * first visible character is {@code = + - @} or a look-alike that spreadsheets also accept (full-width
	 * {@code ＝＋－＠}, the small forms {@code ﹦﹢﹣﹫}, the minus sign {@code −}), whatever white space, no-break
	 * space or invisible formatting character (zero-width space, byte order mark) comes before it.
	 */
	static boolean startsLikeAFormula(String value) {
		if (value.charAt(0) == '\t' || value.charAt(0) == '\r') {
			return true;
		}
		int i = 0;
		while (i < value.length() && isBlankOrInvisible(value.charAt(i))) {
			i++;
		}
		if (i == value.length()) {
			return false;
		}
		char first = value.charAt(i);
		if (first == '\u2212') {
			return true;
		}
		String folded = Normalizer.normalize(String.valueOf(first), Normalizer.Form.NFKC);
		return !folded.isEmpty() && FORMULA_STARTS.indexOf(folded.charAt(0)) >= 0;
	}

	private static boolean isBlankOrInvisible(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
				|| Character.isISOControl(c);
	}

	private void write(String text) {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
