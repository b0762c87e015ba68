package org.mlgov.console.draft.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.RoleSpec.AccessMode;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the errors of a model list are shown: on the ticked model or the pattern row of the entry. */
class ModelsFormDataTests {

	private static ModelsFormData form(AccessMode mode) {
		ModelsFormData form = new ModelsFormData();
		form.getBedrock().setMode(mode);
		form.getBedrock().setPicked(List.of("ai21.jamba-1-5-mini-v1:0", "ai21.jamba-1-5-mini-v1:0", "amazon.nova-pro-v1:0"));
		form.getBedrock().setPatterns(List.of("cohere.command-*"));
		form.getBedrock().setExceptions(List.of("amazon.nova-*"));
		return form;
	}

	@Test
	void entriesOfTheListTheModeNamesGoToTheirCheckboxOrPatternRow() {
		ModelsFormData allow = form(AccessMode.ALLOW_LISTED);
		assertThat(allow.formField("bedrock.allowed[1]")).isEqualTo("bedrock.picked[1]");
		assertThat(allow.formField("bedrock.allowed[2]")).isEqualTo("bedrock.patterns[0]");
		assertThat(allow.formField("bedrock.allowed")).isEqualTo("bedrock.picked");
		assertThat(allow.formField("bedrock.denied[0]")).isEqualTo("bedrock.exceptions[0]");
		assertThat(allow.formField("bedrock.denied")).isEqualTo("bedrock.exceptions");
		ModelsFormData deny = form(AccessMode.DENY_LISTED);
		assertThat(deny.formField("bedrock.denied[2]")).isEqualTo("bedrock.patterns[0]");
		assertThat(deny.formField("bedrock.allowed")).isNull();
		assertThat(deny.formField("jumpStart.denied")).isEqualTo("jumpStart.picked");
		assertThat(deny.formField("roleName")).isNull();
	}

	@Test
	void aModelTickedTwiceIsListedOnceAndOnlyTheModeListIsSaved() {
		ModelsFormData allow = form(AccessMode.ALLOW_LISTED);
		assertThat(allow.getBedrock().toAccess(true).allowed()).containsExactly("ai21.jamba-1-5-mini-v1:0",
				"amazon.nova-pro-v1:0", "cohere.command-*");
		assertThat(allow.getBedrock().toAccess(true).denied()).containsExactly("amazon.nova-*");
		ModelsFormData deny = form(AccessMode.DENY_LISTED);
		assertThat(deny.getBedrock().toAccess(true).denied()).containsExactly("ai21.jamba-1-5-mini-v1:0",
				"amazon.nova-pro-v1:0", "cohere.command-*");
		assertThat(deny.getBedrock().toAccess(true).allowed()).isEmpty();
		assertThat(form(AccessMode.DENY_ALL).getBedrock().toAccess(false).denyFineTuning()).isNull();
	}

}
