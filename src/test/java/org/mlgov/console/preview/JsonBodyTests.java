package org.mlgov.console.preview;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reading of the API's small request bodies: every refusal names its field in the user's terms. */
class JsonBodyTests {

	@Test
	void readsTheFieldsItKnows() {
		JsonBody body = JsonBody.parse("{\"revision\": 2, \"comment\": \"fine\", \"version\": 7}", "revision", "comment",
				"version");
		assertThat(body.requiredWholeNumber("revision", 1, "the revision")).isEqualTo(2);
		assertThat(body.text("comment")).isEqualTo("fine");
		assertThat(body.optionalWholeNumber("version")).isEqualTo(7L);
		assertThat(body.text("absent")).isNull();
		body.check();
	}

	@Test
	void aBodyThatIsNotOneJsonObjectIsRefusedAsAWhole() {
		assertRefused(null, "", "The request body must be a JSON object with \"revision\"; it is empty.");
		assertRefused("  ", "", "The request body must be a JSON object with \"revision\"; it is empty.");
		assertRefused("[1]", "", "The request body must be a JSON object, not a list.");
		assertRefused("\"text\"", "", "The request body must be a JSON object, not a text (\"text\").");
		assertThat(refusal("null")).isIn("The request body must be a JSON object, not null.",
				"The request body must be a JSON object, not nothing.");
		assertThat(refusal("{\"revision\":")).startsWith("Malformed JSON: ");
		assertThat(refusal("{\"revision\":1} {}")).startsWith("Malformed JSON: ").contains("Trailing token");
		assertThat(refusal("{\"revision\":1,\"revision\":2}")).startsWith("Malformed JSON: ").contains("revision");
	}

	@Test
	void unknownAndMistypedFieldsAreCollectedOnePerField() {
		JsonBody body = JsonBody.parse("{\"zeta\":1,\"revision\":\"1\",\"comment\":[\"a\"],\"alpha\":true}", "revision",
				"comment");
		assertThat(body.requiredWholeNumber("revision", 1, "the revision you read")).isNull();
		assertThat(body.text("comment")).isNull();
		assertThatThrownBy(body::check).isInstanceOfSatisfying(InvalidRequestException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(
						new FieldError("alpha", "Unknown field 'alpha'; this request takes \"revision\", \"comment\"."),
						new FieldError("zeta", "Unknown field 'zeta'; this request takes \"revision\", \"comment\"."),
						new FieldError("revision", "Must be a whole number (the revision you read), not a text (\"1\")."),
						new FieldError("comment", "Must be a text in double quotes, not a list.")));
	}

	@Test
	void wholeNumbersAreWholeInRangeAndPresent() {
		assertThat(numberError("{}")).isEqualTo("Required: the revision.");
		assertThat(numberError("{\"revision\":null}")).isEqualTo("Required: the revision.");
		assertThat(numberError("{\"revision\":1.0}")).isEqualTo("Must be a whole number (the revision), not a number (1.0).");
		assertThat(numberError("{\"revision\":1e2}")).startsWith("Must be a whole number (the revision), not a number (");
		assertThat(numberError("{\"revision\":0}")).isEqualTo("Must be 1 or more (the revision), not 0.");
		assertThat(numberError("{\"revision\":-3}")).isEqualTo("Must be 1 or more (the revision), not -3.");
		assertThat(numberError("{\"revision\":4294967296}"))
			.isEqualTo("Must be 1 to 2147483647 (the revision), not 4294967296.");
		assertThat(numberError("{\"revision\":true}")).isEqualTo("Must be a whole number (the revision), not true.");
		assertThat(numberError("{\"revision\":\"" + "x".repeat(100) + "\"}"))
			.isEqualTo("Must be a whole number (the revision), not a text (\"" + "x".repeat(38) + "\u2026).");
	}

	@Test
	void objectsInTheBodyAreReadAsStrictlyWithTheirPath() {
		JsonBody body = JsonBody.parse("{\"targets\":{\"on\":\"yes\",\"names\":[\"a\",1],\"extra\":0},"
				+ "\"other\":[]}", "targets", "other");
		JsonBody targets = body.object("targets", "on", "names");
		assertThat(targets.bool("on")).isFalse();
		assertThat(targets.texts("names")).containsExactly("a");
		assertThat(body.object("other", "x")).isNull();
		assertThat(body.object("absent", "x")).isNull();
		assertThatThrownBy(body::check).isInstanceOfSatisfying(InvalidRequestException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(
						new FieldError("targets.extra", "Unknown field 'extra'; 'targets' takes \"on\", \"names\"."),
						new FieldError("targets.on", "Must be true or false, not a text (\"yes\")."),
						new FieldError("targets.names[1]", "Must be a text in double quotes, not a number (1)."),
						new FieldError("other", "Must be an object with \"x\", not a list.")));
	}

	private static String numberError(String json) {
		JsonBody body = JsonBody.parse(json, "revision");
		assertThat(body.requiredWholeNumber("revision", 1, "the revision")).isNull();
		return refusalOf(body::check);
	}

	private static void assertRefused(String json, String field, String message) {
		assertThatThrownBy(() -> JsonBody.parse(json, "revision")).isInstanceOfSatisfying(InvalidRequestException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError(field, message)));
	}

	private static String refusal(String json) {
		return refusalOf(() -> JsonBody.parse(json, "revision"));
	}

	private static String refusalOf(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidRequestException ex) {
			assertThat(ex.errors()).hasSize(1);
			return ex.errors().get(0).message();
		}
		throw new AssertionError("not refused");
	}

}
