package org.mlgov.console.audit.web;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 4180 fields and protection against formulas. */
class CsvWriterTests {

	@Test
	void plainValuesAreWrittenAsTheyAre() {
		assertThat(CsvWriter.field("admin")).isEqualTo("admin");
		assertThat(CsvWriter.field("192.0.2.10")).isEqualTo("192.0.2.10");
		assertThat(CsvWriter.field("draft 7 (version 2)")).isEqualTo("draft 7 (version 2)");
		assertThat(CsvWriter.field("it's")).isEqualTo("it's");
	}

	@Test
	void missingAndEmptyValuesAreEmptyFields() {
		assertThat(CsvWriter.field(null)).isEmpty();
		assertThat(CsvWriter.field("")).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
		assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvWriter.field("\"")).isEqualTo("\"\"\"\"");
		assertThat(CsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(CsvWriter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
	}

	@Test
	void valuesThatAFormulaCouldStartWithGetASingleQuote() {
		assertThat(CsvWriter.field("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
		assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
		assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvWriter.field("\tx")).isEqualTo("'\tx");
		assertThat(CsvWriter.field("\rx")).isEqualTo("\"'\rx\"");
		assertThat(CsvWriter.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(CsvWriter.field("a=b")).isEqualTo("a=b");
		assertThat(CsvWriter.field("1-2")).isEqualTo("1-2");
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@CsvSource(delimiterString = "|", textBlock = """
			'\uFF1D1+1'                       | full-width equals sign
			'\uFF0B1'                         | full-width plus sign
			'\uFF0D1'                         | full-width hyphen-minus
			'\uFF20SUM(A1)'                   | full-width commercial at
			'\uFE661+1'                       | small equals sign
			'\uFE621'                         | small plus sign
			'\uFE631'                         | small hyphen-minus
			'\uFE6BSUM(A1)'                   | small commercial at
			'\u22121'                         | minus sign
			'\u200B=1+1'                      | zero-width space before =
			'\u00A0=1+1'                      | no-break space before =
			'\uFEFF=1+1'                      | byte order mark before =
			'\u2060=1+1'                      | word joiner before =
			'\u202F\u200B=1+1'                | narrow no-break and zero-width space before =
			'\u3000\uFF1D1+1'                 | ideographic space before full-width equals
			'  =1+1'                         | spaces before =
			'\u200D@SUM(A1)'                 | zero-width joiner before @
			""")
	void lookAlikesAndHiddenPrefixesOfAFormulaAreNeutralisedToo(String value, String form) {
		assertThat(CsvWriter.startsLikeAFormula(value)).as(form).isTrue();
		assertThat(CsvWriter.field(value)).as(form).isEqualTo("'" + value);
	}

	@Test
	void textThatMerelyContainsALookAlikeIsLeftAlone() {
		assertThat(CsvWriter.field("a\uFF1Db")).isEqualTo("a\uFF1Db");
		assertThat(CsvWriter.field("\u00A0x")).isEqualTo("\u00A0x");
		assertThat(CsvWriter.field("\u200B")).isEqualTo("\u200B");
	}

	@Test
	void rowsEndInCrLfAndCommentsStartWithAHash() {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.row(List.of("a", "b,c"));
		csv.row(Arrays.asList(null, "", "-x"));
		csv.comment("the end");
		csv.flush();
		assertThat(out).hasToString("a,\"b,c\"\r\n,,'-x\r\n# the end\r\n");
	}

	@Test
	void aCommentIsOneLine() {
		CsvWriter csv = new CsvWriter(new StringWriter());
		assertThatIllegalArgumentException().isThrownBy(() -> csv.comment("two\nlines"));
	}

}
