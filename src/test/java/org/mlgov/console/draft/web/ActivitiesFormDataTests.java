package org.mlgov.console.draft.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;

import org.springframework.beans.BeanWrapperImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 2's form on its own: where each error of the specification is shown, and its named row lists. */
class ActivitiesFormDataTests {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final String PASS_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	private static int row(String activityId) {
		return CATALOG.activities().stream().map(ActivityDefinition::id).toList().indexOf(activityId);
	}

	/** A form with manage-models (second in the catalogue of the two) and s3-bucket-access selected. */
	private static ActivitiesFormData form() {
		RoleSpec spec = RoleSpec.builder()
			.persona("custom")
			.activities(List.of(new ActivitySelection("s3-bucket-access", Map.of("S3Buckets", List.of("ml-data"))),
					new ActivitySelection("manage-models", Map.of("PassRoles", List.of(PASS_ROLE)))))
			.build();
		return ActivitiesFormData.from(DraftContent.empty().withSpec(spec), CATALOG);
	}

	@Test
	void specificationFieldsOfTheIthSelectedActivityMapToItsRow() {
		ActivitiesFormData form = form();
		assertThat(row("manage-models")).isLessThan(row("s3-bucket-access"));
		assertThat(form.formField("activities[0].parameters.PassRoles[0]"))
			.isEqualTo("activities[" + row("manage-models") + "].passRoles[0]");
		assertThat(form.formField("activities[1].parameters.S3Buckets[3]"))
			.isEqualTo("activities[" + row("s3-bucket-access") + "].s3Buckets[3]");
		assertThat(form.formField("activities[0].parameters.PassRoles"))
			.isEqualTo("activities[" + row("manage-models") + "].passRoles");
	}

	@Test
	void customizationListsMapByNameTheSelectionToItsListAndTheRestGoesAboveTheForm() {
		ActivitiesFormData form = form();
		assertThat(form.formField("vpc.subnetIds[1]")).isEqualTo("subnetIds[1]");
		assertThat(form.formField("vpc.securityGroupIds")).isEqualTo("securityGroupIds");
		assertThat(form.formField("kms.dataKeyArns[0]")).isEqualTo("dataKeyArns[0]");
		assertThat(form.formField("kms.volumeKeyArns")).isEqualTo("volumeKeyArns");
		assertThat(form.formField("activities")).isEqualTo("activities");
		assertThat(form.formField("activities[1].id")).isNull();
		assertThat(form.formField("activities[2].parameters.PassRoles[0]")).isNull();
		assertThat(form.formField("activities[0].parameters.Unknown[0]")).isNull();
		assertThat(form.formField("activities[0].parameters")).isNull();
		assertThat(form.owns("activities[0].parameters.PassRoles[0]")).isTrue();
		assertThat(form.owns("vpc.subnetIds[0]")).isTrue();
		assertThat(form.owns("kms")).isTrue();
		assertThat(form.owns("roleName")).isFalse();
		assertThat(form.owns("persona")).isFalse();
	}

	@Test
	void everyParameterHasRowsTheBinderCanReachByTheirListName() {
		ActivitiesFormData form = new ActivitiesFormData();
		form.getActivities().add(new ActivitiesFormData.ActivityRow());
		BeanWrapperImpl wrapper = new BeanWrapperImpl(form);
		wrapper.setAutoGrowNestedPaths(true);
		for (ActivityParameter parameter : ActivityParameter.values()) {
			String list = form.listField(0, parameter);
			assertThat(form.addRow(list)).as(list).isTrue();
			wrapper.setPropertyValue(list + "[0]", "typed");
			assertThat(wrapper.getPropertyValue(list)).as(list).isEqualTo(List.of("typed"));
			assertThat(form.removeRow(list, 0)).isTrue();
			assertThat(wrapper.getPropertyValue(list)).as(list).isEqualTo(List.of());
		}
		assertThat(form.addRow("activities[999].passRoles")).isFalse();
		assertThat(form.addRow("activities[0].unknown")).isFalse();
		assertThat(form.addRow("tags")).isFalse();
		assertThat(form.removeRow("subnetIds", 0)).isFalse();
		assertThat(form.addRow("subnetIds")).isTrue();
		assertThat(form.getSubnetIds()).containsExactly("");
	}

	@Test
	void everyListOffersARowToTypeInAndKeepsTheSavedValues() {
		ActivitiesFormData form = form();
		ActivitiesFormData.ActivityRow models = form.getActivities().get(row("manage-models"));
		assertThat(models.isSelected()).isTrue();
		assertThat(models.getPassRoles()).containsExactly(PASS_ROLE);
		ActivitiesFormData.ActivityRow jobs = form.getActivities().get(row("manage-jobs"));
		assertThat(jobs.isSelected()).isFalse();
		assertThat(jobs.getPassRoles()).containsExactly("");
		assertThat(jobs.getS3Buckets()).isEmpty();
		assertThat(form.isVpcEnabled()).isFalse();
		assertThat(form.getSubnetIds()).containsExactly("");
		assertThat(form.getVolumeKeyArns()).containsExactly("");
	}

	@Test
	void everyActivityWithEveryValueItTakesComesBackUnchanged() {
		List<ActivitySelection> all = CATALOG.activities().stream().map((activity) -> {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			activity.parameters()
				.forEach((p) -> parameters.put(p.parameter().placeholder(), List.of("a-" + p.parameter().name())));
			return new ActivitySelection(activity.id(), parameters);
		}).toList();
		RoleSpec spec = RoleSpec.builder().persona("custom").activities(all).build();
		DraftContent content = DraftContent.empty().withSpec(spec);
		ActivitiesFormData form = ActivitiesFormData.from(content, CATALOG);
		form.dropBlankRows();
		assertThat(form.applyTo(content, CATALOG)).isEqualTo(content);
	}

	@Test
	void withoutAListOfActivitiesThePersonasAreSelectedAsTheGeneratorWouldUseThem() {
		RoleSpec spec = RoleSpec.builder().persona("mlops").build();
		ActivitiesFormData form = ActivitiesFormData.from(DraftContent.empty().withSpec(spec), CATALOG);
		assertThat(form.getActivities()).hasSize(CATALOG.activities().size());
		assertThat(form.selected(CATALOG)).extracting(ActivityDefinition::id)
			.containsExactlyElementsOf(CATALOG.persona("mlops").orElseThrow().activities());
	}

}
