package org.mlgov.console.draft;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;

/** A persona change on the content: what stays, what is set aside, what is said, and the step reached. */
class DraftContentTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final String ROLE = TestSpecs.COMPUTE_ROLE;

	/** The data scientist's activities, each with its values (the bucket my-bucket), VPC and KMS. */
	private static DraftContent dataScientist() {
		List<ActivitySelection> activities = List.of(new ActivitySelection("run-studio-apps", passRoles()),
				new ActivitySelection("manage-jobs", passRoles()), new ActivitySelection("manage-models", passRoles()),
				new ActivitySelection("manage-experiments", Map.of()),
				new ActivitySelection("visualize-experiments", Map.of()),
				new ActivitySelection("s3-bucket-access", Map.of("S3Buckets", List.of("my-bucket"))));
		return DraftContent.empty()
			.withSpec(TestSpecs.bare("data-scientist")
				.toBuilder()
				.roleName("SageMaker-Team")
				.activities(activities)
				.vpc(TestSpecs.vpc())
				.kms(TestSpecs.kms())
				.build());
	}

	private static Map<String, List<String>> passRoles() {
		return Map.of("PassRoles", List.of(ROLE));
	}

	@Test
	void anotherPersonaSelectsItsActivitiesKeepsTheValuesOfThoseThatStayAndSetsTheOthersAside() {
		DraftContent mlops = dataScientist().withPersona("mlops", CATALOG);
		RoleSpec spec = mlops.spec();
		assertThat(spec.persona()).isEqualTo("mlops");
		assertThat(spec.activities()).containsExactly(new ActivitySelection("run-studio-apps", passRoles()),
				new ActivitySelection("manage-models", passRoles()), new ActivitySelection("manage-endpoints", Map.of()),
				new ActivitySelection("manage-pipelines", Map.of()),
				new ActivitySelection("visualize-experiments", Map.of()));
		assertThat(spec.vpc()).isEqualTo(TestSpecs.vpc());
		assertThat(spec.kms()).isEqualTo(TestSpecs.kms());
		assertThat(mlops.setAside()).isEqualTo(Map.of("manage-jobs", passRoles(), "s3-bucket-access",
				Map.of("S3Buckets", List.of("my-bucket"))));
		assertThat(mlops.personaChange()).isEqualTo(new PersonaChange("data-scientist", "mlops",
				List.of("manage-endpoints", "manage-pipelines"),
				List.of("manage-jobs", "manage-experiments", "s3-bucket-access")));
		assertThat(DraftContentJson.read(DraftContentJson.write(mlops))).isEqualTo(mlops);
	}

	@Test
	void goingBackToThePersonaBeforeRestoresItsValuesAndLeavesNothingToSay() {
		DraftContent back = dataScientist().withPersona("mlops", CATALOG).withPersona("data-scientist", CATALOG);
		assertThat(back.spec().activities()).isEqualTo(dataScientist().spec().activities());
		assertThat(back.personaChange()).isNull();
		assertThat(back.setAside()).isEmpty();
	}

	@Test
	void twoChangesBeforeTheActivitiesStepIsSavedAddUp() {
		DraftContent twice = dataScientist().withPersona("mlops", CATALOG).withPersona("custom", CATALOG);
		assertThat(twice.spec().activities()).isEmpty();
		assertThat(twice.personaChange()).isEqualTo(new PersonaChange("data-scientist", "custom", List.of(),
				List.of("run-studio-apps", "manage-jobs", "manage-models", "manage-experiments",
						"visualize-experiments", "s3-bucket-access")));
		assertThat(twice.setAside()).containsOnlyKeys("run-studio-apps", "manage-jobs", "manage-models",
				"s3-bucket-access");
	}

	@Test
	void theFirstPersonaOrTheSameOneAgainSaysNothing() {
		DraftContent first = DraftContent.empty().withPersona("data-scientist", CATALOG);
		assertThat(first.spec().activities()).extracting(ActivitySelection::id)
			.containsExactly("run-studio-apps", "manage-jobs", "manage-models", "manage-experiments",
					"visualize-experiments", "s3-bucket-access");
		assertThat(first.personaChange()).isNull();
		assertThat(dataScientist().withPersona("data-scientist", CATALOG)).isEqualTo(dataScientist());
	}

	@Test
	void savingTheActivitiesStepTakesBackTheValuesOfTheActivitiesSelectedAgainAndForgetsTheChange() {
		DraftContent mlops = dataScientist().withPersona("mlops", CATALOG);
		List<ActivitySelection> ticked = List.of(new ActivitySelection("s3-bucket-access",
				Map.of("S3Buckets", List.of("my-bucket"))));
		DraftContent reviewed = mlops.withSpec(mlops.spec().withActivities(ticked)).withActivitiesReviewed();
		assertThat(reviewed.personaChange()).isNull();
		assertThat(reviewed.setAside()).isEqualTo(Map.of("manage-jobs", passRoles()));
	}

	@Test
	void aPersonaChangeThatLeavesTheSpecificationIncompleteSendsTheStepReachedBackToTheActivities() {
		Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
		Draft draft = new Draft(7L, "Team", "alice", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(dataScientist()), t0, t0, "alice", 5L);
		draft.saveStep(WizardStep.BASICS, draft.content().withPersona("mlops", CATALOG), false, "alice", 5, t0);
		assertThat(draft.stepReached()).isEqualTo(WizardStep.ACTIVITIES);

		Draft complete = new Draft(8L, "Team", "alice", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(dataScientist()), t0, t0, "alice", 5L);
		complete.saveStep(WizardStep.BASICS, complete.content().withPersona("custom", CATALOG), true, "alice", 5, t0);
		assertThat(complete.stepReached()).isEqualTo(WizardStep.SUMMARY);

		Draft noChange = new Draft(9L, "Team", "alice", DraftStatus.DRAFT, WizardStep.SUMMARY,
				DraftContentJson.write(dataScientist()), t0, t0, "alice", 5L);
		noChange.saveStep(WizardStep.BASICS, noChange.content(), false, "alice", 5, t0);
		assertThat(noChange.stepReached()).isEqualTo(WizardStep.SUMMARY);
	}

	@Test
	void aSubmissionFreezesTheSpecificationWithoutTheWizardsOwnState() {
		DraftContent mlops = dataScientist().withPersona("mlops", CATALOG);
		assertThat(mlops.setAside()).isNotEmpty();
		assertThat(mlops.personaChange()).isNotNull();
		DraftContent submitted = mlops.asSubmitted();
		assertThat(submitted.spec()).isEqualTo(mlops.spec());
		assertThat(submitted.roleMode()).isEqualTo(mlops.roleMode());
		assertThat(submitted.canvasTargets()).isEqualTo(mlops.canvasTargets());
		assertThat(submitted.setAside()).isEmpty();
		assertThat(submitted.personaChange()).isNull();
	}

}
