package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.JumpStartModel;

import static org.assertj.core.api.Assertions.assertThat;

/** The model-id checks written by hand accept exactly what their patterns match. */
class ValueRulesTests {

	/** Every catalogue id, and many short strings of the characters that matter to the two patterns. */
	private static List<String> candidates() {
		Catalog catalog = CatalogLoader.loadDefault();
		List<String> values = new ArrayList<>();
		catalog.bedrockModels().stream().map(BedrockModel::modelId).forEach(values::add);
		catalog.jumpStartModels().stream().map(JumpStartModel::modelId).forEach(values::add);
		String alphabet = "azAZ09.-_:*?/ é\u2003";
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(7);
			for (int j = 0; j < length; j++) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			values.add(value.toString());
		}
		return values;
	}

	@Test
	void modelIdsAreCheckedAsTheirPatternsSay() {
		int bedrock = 0;
		int jumpStart = 0;
		for (String value : candidates()) {
			boolean bedrockMatch = ValueRules.BEDROCK_MODEL.matcher(value).matches();
			boolean jumpStartMatch = ValueRules.JUMPSTART_MODEL.matcher(value).matches();
			assertThat(ValueRules.isBedrockModelId(value)).as(value).isEqualTo(bedrockMatch);
			assertThat(ValueRules.isJumpStartModelId(value)).as(value).isEqualTo(jumpStartMatch);
			bedrock += bedrockMatch ? 1 : 0;
			jumpStart += jumpStartMatch ? 1 : 0;
		}
		// Both answers occur often: the comparison is not one-sided.
		assertThat(bedrock).isGreaterThan(500);
		assertThat(jumpStart).isGreaterThan(1000);
	}

}
