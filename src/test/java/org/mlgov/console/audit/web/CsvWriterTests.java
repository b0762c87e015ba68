package org.mlgov.console.audit.web;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

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
		assertThat(CsvWriter.field(" =1")).isEqualTo(" =1");
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
