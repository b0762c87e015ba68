package org.mlgov.console.policy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Scope;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The builder and the section withers: every field is carried over, and a wither changes its section only. */
class RoleSpecBuilderTests {

	/** A specification with every field set (a new field must be set here too, or the first test fails). */
	static RoleSpec everyField() {
		return TestSpecs.dataScientistEverything()
			.toBuilder()
			.rolePath("/ml/")
			.permissionsBoundaryArn("arn:aws:iam::111122223333:policy/MlBoundary")
			.build();
	}

	@Test
	void toBuilderCarriesEveryField() throws Exception {
		RoleSpec spec = everyField();
		for (RecordComponent component : RoleSpec.class.getRecordComponents()) {
			assertThat(component.getAccessor().invoke(spec)).as(component.getName()).isNotNull();
		}
		assertThat(spec.toBuilder().build()).isEqualTo(spec);
	}

	@Test
	void aBuilderStartsWithEveryFieldNull() throws Exception {
		RoleSpec empty = RoleSpec.builder().build();
		for (RecordComponent component : RoleSpec.class.getRecordComponents()) {
			assertThat(component.getAccessor().invoke(empty)).as(component.getName()).isNull();
		}
	}

	@Test
	void theBuilderSetsEachFieldItNames() {
		RoleSpec spec = RoleSpec.builder()
			.accountId("111122223333")
			.region("eu-west-1")
			.roleName("SageMaker-Built")
			.maxSessionDurationSeconds(7200)
			.persona("custom")
			.activities(List.of(new ActivitySelection("manage-experiments", Map.of())))
			.build();
		assertThat(spec).isEqualTo(new RoleSpec("111122223333", "eu-west-1", null, "SageMaker-Built", null, null, null,
				7200, null, "custom", List.of(new ActivitySelection("manage-experiments", Map.of())), null, null, null,
				null, null, null, null));
	}

	@Test
	void aWitherChangesItsSectionOnly() {
		RoleSpec spec = everyField();
		ModelAccess denyAll = new ModelAccess(AccessMode.DENY_ALL, null, null, null);
		CollaborationSettings noSharing = new CollaborationSettings(false, Scope.AS_DOCUMENTED);
		EvaluationSettings noEvaluation = new EvaluationSettings(false, false, null, null, null);
		assertThat(spec.withBedrock(denyAll)).isEqualTo(spec.toBuilder().bedrock(denyAll).build())
			.isNotEqualTo(spec);
		assertThat(spec.withJumpStart(denyAll)).isEqualTo(spec.toBuilder().jumpStart(denyAll).build());
		assertThat(spec.withCanvas(null)).isEqualTo(spec.toBuilder().canvas(null).build());
		assertThat(spec.withCollaboration(noSharing)).isEqualTo(spec.toBuilder().collaboration(noSharing).build());
		assertThat(spec.withEvaluation(noEvaluation)).isEqualTo(spec.toBuilder().evaluation(noEvaluation).build());
		assertThat(spec.withVpc(null)).isEqualTo(spec.toBuilder().vpc(null).build());
		assertThat(spec.withKms(null)).isEqualTo(spec.toBuilder().kms(null).build());
		assertThat(spec.withActivities(List.of())).isEqualTo(spec.toBuilder().activities(List.of()).build());
		RoleSpec changed = spec.withBedrock(denyAll);
		assertThat(changed.bedrock()).isEqualTo(denyAll);
		assertThat(changed.toBuilder().bedrock(spec.bedrock()).build()).isEqualTo(spec);
	}

	@Test
	void theJsonFormIsTheRecordsComponentsOnly() {
		JsonMapper mapper = JsonMapper.builder().build();
		List<String> members = mapper.valueToTree(everyField()).propertyNames().stream().toList();
		assertThat(members).containsExactlyElementsOf(
				Arrays.stream(RoleSpec.class.getRecordComponents()).map(RecordComponent::getName).toList());
	}

	@Test
	void defaultsFillOnlyWhatIsMissing() {
		RoleSpec bare = TestSpecs.bare("custom").toBuilder().partition(null).build();
		RoleSpec defaults = bare.withDefaults();
		assertThat(defaults.partition()).isEqualTo("aws");
		assertThat(defaults.rolePath()).isEqualTo(RoleSpec.DEFAULT_PATH);
		assertThat(defaults.maxSessionDurationSeconds()).isEqualTo(RoleSpec.DEFAULT_MAX_SESSION);
		assertThat(defaults.tags()).isEmpty();
		assertThat(defaults.bedrock()).isEqualTo(ModelAccess.unrestricted());
		assertThat(defaults.canvas()).isEqualTo(RoleSpec.CanvasSettings.none());
		assertThat(defaults.roleName()).isEqualTo(bare.roleName());
		RoleSpec full = everyField();
		assertThat(full.withDefaults()).isEqualTo(full);
	}

}
