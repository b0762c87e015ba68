package org.mlgov.console.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test of a draft's content stored in format 1 (before stored JSON carried a format version): drafts already
 * in the database must still open in the wizard. If this test fails, change the code, never the fixture.
 */
class StoredDraftContentFormatTests {

	private static final String COMPUTE_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	static String fixture(String name) throws IOException {
		try (InputStream in = StoredDraftContentFormatTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aDraftStoredInFormat1IsReadBack() throws IOException {
		DraftContent content = DraftContentJson.read(fixture("draft-content-format-1.json"));
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

	@Test
	void theCurrentCodeWritesEveryStoredMemberAsItWasStored() throws IOException {
		String stored = fixture("draft-content-format-1.json");
		JsonContainment.assertContains(stored, DraftContentJson.write(DraftContentJson.read(stored)));
	}

}
