package org.mlgov.console.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Golden tests of a draft's content stored in each format so far (format 1: before stored JSON carried a format
 * version; format 2: with {@code "formatVersion": 2} first): drafts already in the database must still open in the
 * wizard. If one of these tests fails, change the code, never a fixture.
 */
class StoredDraftContentFormatTests {

	private static final String COMPUTE_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	static String fixture(String name) throws IOException {
		try (InputStream in = StoredDraftContentFormatTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void aStoredDraftIsReadBack(int format) throws IOException {
		String stored = fixture("draft-content-format-" + format + ".json");
		assertThat(DraftContentJson.formatVersion(stored)).isEqualTo(format);
		DraftContent content = DraftContentJson.read(stored);
		RoleSpec spec = content.spec();
		assertThat(spec.accountId()).isEqualTo("111122223333");
		assertThat(spec.roleName()).isEqualTo("SageMaker-DataScientist");
		assertThat(spec.partition()).isNull();
		assertThat(spec.maxSessionDurationSeconds()).isEqualTo(7200);
		assertThat(spec.permissionsBoundaryArn()).isEqualTo("arn:aws:iam::111122223333:policy/ml-team-boundary");
		assertThat(spec.persona()).isEqualTo("data-scientist");
		assertThat(spec.activities()).extracting(RoleSpec.ActivitySelection::id)
			.containsExactly("run-studio-apps", "manage-jobs", "manage-models", "manage-experiments",
					"visualize-experiments", "s3-bucket-access");
		assertThat(spec.activities().get(0).values("PassRoles")).containsExactly(COMPUTE_ROLE);
		assertThat(spec.vpc().securityGroupIds()).containsExactly("sg-0123456789abcdef0");
		assertThat(spec.bedrock().mode()).isEqualTo(AccessMode.ALLOW_LISTED);
		assertThat(spec.bedrock().fineTuningDenied()).isTrue();
		assertThat(spec.jumpStart().denied()).containsExactly("huggingface-textgeneration1-mpt-7b-*",
				"huggingface-text2text-flan-t5-*");
		assertThat(spec.evaluation().corsBuckets()).containsExactly("fraud-ml-eval");
		assertThat(content.roleMode()).isEqualTo(RoleMode.NEW_ROLE);
		assertThat(content.canvasTargets()).isEqualTo(new CanvasTargets("d-abc123def456", true, List.of("alice")));
		assertThat(content.personaChange()).isEqualTo(new PersonaChange("mlops", "data-scientist",
				List.of("manage-jobs", "manage-experiments", "s3-bucket-access"),
				List.of("manage-endpoints", "manage-pipelines")));
		assertThat(content.setAside()).isEqualTo(Map.of("manage-pipelines", Map.of("PassRoles", List.of(COMPUTE_ROLE))));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void theCurrentCodeWritesEveryStoredMemberAsItWasStored(int format) throws IOException {
		String stored = fixture("draft-content-format-" + format + ".json");
		JsonContainment.assertContains(stored, DraftContentJson.write(DraftContentJson.read(stored)));
	}

	@Test
	void aDraftIsWrittenInTheCurrentFormatThatIsFormat1WithItsVersionFirst() throws IOException {
		String format1 = fixture("draft-content-format-1.json");
		String written = DraftContentJson.write(DraftContentJson.read(format1));
		assertThat(DraftContentJson.FORMAT_VERSION).isEqualTo(2);
		assertThat(written).isEqualTo("{\"formatVersion\":2," + format1.substring(1));
		assertThat(written).isEqualTo(fixture("draft-content-format-2.json"));
	}

	@Test
	void aDraftOfAFormatNewerThanThisConsoleIsRefusedRatherThanHalfRead() throws IOException {
		String newer = fixture("draft-content-format-2.json").replace("{\"formatVersion\":2,",
				"{\"formatVersion\":3,");
		assertThatIllegalStateException().isThrownBy(() -> DraftContentJson.read(newer))
			.withMessage("Stored JSON of format 3: this console reads formats 1 to 2.");
	}

	@Test
	void theVersionWrittenFirstIsReadTheSameAsAnywhereElseInTheObject() throws IOException {
		// The compact form this console writes is read straight from its text; any other layout through a tree.
		String stored = fixture("draft-content-format-2.json");
		assertThat(stored).startsWith("{\"formatVersion\":2,");
		String spaced = "{ \"formatVersion\" : 2 ," + stored.substring("{\"formatVersion\":2,".length());
		String last = "{" + stored.substring("{\"formatVersion\":2,".length(), stored.lastIndexOf('}'))
				+ ",\"formatVersion\":2}";

		DraftContent compact = DraftContentJson.read(stored);
		assertThat(DraftContentJson.read(spaced)).isEqualTo(compact);
		assertThat(DraftContentJson.read(last)).isEqualTo(compact);
		assertThat(compact.spec().roleName()).isNotBlank();
		// A version out of range is refused on either path (ten digits take the tree's).
		assertThatIllegalStateException().isThrownBy(() -> DraftContentJson.read("{\"formatVersion\":0,\"spec\":{}}"))
			.withMessage("Stored JSON of format 0: this console reads formats 1 to 2.");
		assertThatIllegalStateException()
			.isThrownBy(() -> DraftContentJson.read("{\"formatVersion\":1234567890,\"spec\":{}}"))
			.withMessage("Stored JSON of format 1234567890: this console reads formats 1 to 2.");
		assertThat(DraftContentJson.read("{\"formatVersion\":2}")).isEqualTo(DraftContentJson.read("{}"));
	}

	@Test
	void theFormatVersionIsNotPartOfTheSpecification() {
		String written = DraftContentJson.write(DraftContent.empty());
		assertThat(written).startsWith("{\"formatVersion\":2,\"spec\":{\"accountId\":null,");
		assertThat(written.indexOf("formatVersion")).isEqualTo(written.lastIndexOf("formatVersion"));
	}

}
