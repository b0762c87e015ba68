package org.mlgov.console.audit.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.audit.AuditAction;

import static org.assertj.core.api.Assertions.assertThat;

/** The options of the audit page's action filter. */
class ActionOptionTests {

	@Test
	void everyActionIsOfferedWithItsLabelAndOnlyTheTypedOneIsSelected() {
		List<ActionOption> options = ActionOption.all("DRAFT_RENAMED");
		assertThat(options).hasSize(AuditAction.values().length);
		assertThat(options.get(0)).isEqualTo(new ActionOption("SIGN_IN", "Sign-in", false));
		assertThat(options).filteredOn(ActionOption::selected)
			.containsExactly(new ActionOption("DRAFT_RENAMED", "Draft renamed", true));
		assertThat(ActionOption.all("")).noneMatch(ActionOption::selected);
	}

}
