package org.mlgov.console.audit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Writes CSV as RFC 4180 has it: lines end in CRLF; a field that holds a comma, a double quote or a line break is
 * put in double quotes, with its double quotes doubled. A field that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading single quote, so that a spreadsheet shows it as text rather
 * than running it as a formula (CSV injection).
 */
final class CsvWriter {

	private static final String LINE_END = "\r\n";

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

	private static boolean startsLikeAFormula(String value) {
		return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
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
