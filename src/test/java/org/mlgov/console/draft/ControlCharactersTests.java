package org.mlgov.console.draft;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Issue 13, item 8: control characters are refused in every free text, with a message that says where. */
class ControlCharactersTests {

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "\u0001", "esc\u001b[0m", "del\u007fx", "nel\u0085x", "bs\bx", "ff\fx",
			"ls\u2028x", "ps\u2029x", "vt\u000bx" })
	void everyControlCharacterIsRefusedInFreeTextsAndDraftNames(String text) {
		assertThatExceptionOfType(InvalidTextException.class)
			.isThrownBy(() -> FreeText.optional("comment", text, 2000, "A comment"))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("comment");
				assertThat(ex.getMessage()).startsWith("A comment cannot contain control characters; it has U+");
			});
		assertThatExceptionOfType(InvalidTextException.class)
			.isThrownBy(() -> Draft.start("name " + text + " end", "admin", Instant.now()))
			.withMessageStartingWith("A draft name cannot contain control characters");
	}

	@Test
	void lineBreaksAndTabsStayAllowedInMultiLineTextsOnly() {
		assertThat(FreeText.optional("comment", "two\r\nlines\tand a tab", 2000, "A comment"))
			.isEqualTo("two\nlines\tand a tab");
		assertThat(FreeText.controlCharacterProblem("A draft name", "two\nlines", false))
			.isEqualTo("A draft name cannot contain control characters; it has U+000A at position 4. Remove it and try again.");
		assertThat(FreeText.controlCharacterProblem("A draft name", "Caf\u00e9 <b>ok</b> \uD83D\uDE80", false)).isNull();
	}

}
