package org.mlgov.console.browse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.BedrockModel;

import static org.assertj.core.api.Assertions.assertThat;

/** What a line of the Bedrock models table shows, worked out once per model. */
class BedrockRowTests {

	@Test
	void anActiveModelJoinsItsListsAndSaysWhetherItStreams() {
		BedrockRow row = BedrockRow.of(new BedrockModel("anthropic.claude-x", "Anthropic", "Claude X",
				List.of("TEXT", "IMAGE"), List.of("TEXT"), true, List.of("ON_DEMAND", "INFERENCE_PROFILE"), true,
				"ACTIVE", true));
		assertThat(row.modelId()).isEqualTo("anthropic.claude-x");
		assertThat(row.name()).isEqualTo("Claude X");
		assertThat(row.inputModalities()).isEqualTo("TEXT, IMAGE");
		assertThat(row.outputModalities()).isEqualTo("TEXT");
		assertThat(row.inferenceTypes()).isEqualTo("ON_DEMAND, INFERENCE_PROFILE");
		assertThat(row.streaming()).isEqualTo("yes");
		assertThat(row.badgeClass()).isEqualTo("badge text-bg-success");
		assertThat(row.status()).isEqualTo("active");
	}

	@Test
	void aLegacyModelWithoutObservationsSaysSo() {
		BedrockRow row = BedrockRow.of(new BedrockModel("old.model", "Old", "Old model", List.of("TEXT"),
				List.of("EMBEDDING"), null, List.of(), false, "LEGACY", false));
		assertThat(row.inferenceTypes()).isEqualTo("not observed");
		assertThat(row.streaming()).isEqualTo("unknown");
		assertThat(row.badgeClass()).isEqualTo("badge text-bg-secondary");
		assertThat(row.status()).isEqualTo("legacy");
		assertThat(BedrockRow.of(new BedrockModel("m", "P", "M", List.of(), List.of(), false, List.of(), false,
				"ACTIVE", true)).streaming()).isEqualTo("no");
	}

}
