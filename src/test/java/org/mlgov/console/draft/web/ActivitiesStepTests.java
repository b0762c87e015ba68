package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.EncryptionSettings;
import org.mlgov.console.policy.RoleSpec.NetworkSettings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Step 2 of the wizard through the web layer: the selection and its values saved exactly, errors next to the row
 * that has them, rows edited without saving, unselected values never saved, the page and the live preview.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class ActivitiesStepTests {

	static final String PASS_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	static final String SUBNET = "subnet-0123456789abcdef0";

	static final String SECURITY_GROUP = "sg-0123456789abcdef0";

	static final String DATA_KEY = "arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee";

	static final String VOLUME_KEY = "arn:aws:kms:eu-west-1:111122223333:key/6666ffff-77aa-88bb-99cc-000000dddddd";

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	Catalog catalog;

	/** A draft whose first step is saved (version 1), so that step 2 is reached. */
	private Draft draftAtActivities(List<ActivitySelection> activities, NetworkSettings vpc) {
		Draft draft = this.drafts.start("Activities test", "admin");
		RoleSpec spec = RoleSpec.builder()
			.accountId("111122223333")
			.region("eu-west-1")
			.partition("aws")
			.roleName("SageMaker-Activities")
			.description("For tests")
			.tags(List.of(new RoleSpec.Tag("team", "ml")))
			.persona("custom")
			.activities(activities)
			.vpc(vpc)
			.build();
		return this.drafts.saveStep(draft.id(), WizardStep.BASICS, DraftContent.empty().withSpec(spec),
				draft.version(), "admin");
	}

	private Draft draftAtActivities() {
		return draftAtActivities(List.of(), null);
	}

	private Draft reload(Draft draft) {
		return this.repository.findById(draft.id()).orElseThrow();
	}

	/** The form row of an activity: its index in the catalogue. */
	private int row(String activityId) {
		List<String> ids = this.catalog.activities().stream().map(ActivityDefinition::id).toList();
		assertThat(ids).contains(activityId);
		return ids.indexOf(activityId);
	}

	private String list(String activityId, String property) {
		return "activities[" + row(activityId) + "]." + property;
	}

	/** A POST of the step as the page sends it: every catalogue row with its id, ticked for the selected ones. */
	private MockHttpServletRequestBuilder step(String path, Draft draft, String action, String... selected) {
		MockHttpServletRequestBuilder request = post(path, draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("_vpcEnabled", "on")
			.param("_kmsEnabled", "on")
			.param("_action", action);
		List<ActivityDefinition> activities = this.catalog.activities();
		for (int i = 0; i < activities.size(); i++) {
			request.param("activities[" + i + "].id", activities.get(i).id());
			request.param("_activities[" + i + "].selected", "on");
		}
		for (String id : selected) {
			request.param("activities[" + row(id) + "].selected", "true");
		}
		return request;
	}

	private MockHttpServletRequestBuilder step(Draft draft, String action, String... selected) {
		return step("/drafts/{id}/steps/activities", draft, action, selected);
	}

	private Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The rows fieldset of a list, by its form field. */
	private Element rows(Document page, String field) {
		Element rows = page.getElementById("rows-" + field.replace('.', '-'));
		assertThat(rows).as(field).isNotNull();
		return rows;
	}

	/** The error shown under one row of a list, asserting that only that row is marked invalid. */
	private String rowError(Document page, String field, int index) {
		Element input = page.getElementById(field + index);
		assertThat(input).as(field + index).isNotNull();
		assertThat(input.hasClass("is-invalid")).isTrue();
		assertThat(rows(page, field).select("input.is-invalid")).hasSize(1);
		return input.parent().select(".invalid-feedback").text();
	}

	@Test
	void aValidSelectionWithValuesVpcAndKmsIsSavedExactlyAndGoesToTheModelsStep() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "next", "manage-jobs", "s3-bucket-access", "canvas-core-access")
				.param(list("manage-jobs", "passRoles[0]"), " " + PASS_ROLE + " ")
				.param(list("manage-jobs", "passRoles[1]"), "")
				.param(list("s3-bucket-access", "s3Buckets[0]"), "ml-training-data")
				.param(list("s3-bucket-access", "s3Buckets[1]"), "ml-model-artifacts")
				.param("vpcEnabled", "true")
				.param("subnetIds[0]", SUBNET)
				.param("securityGroupIds[0]", "")
				.param("securityGroupIds[1]", SECURITY_GROUP)
				.param("kmsEnabled", "true")
				.param("dataKeyArns[0]", DATA_KEY)
				.param("volumeKeyArns[0]", VOLUME_KEY))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/models");
		Draft saved = reload(draft);
		RoleSpec spec = saved.content().spec();
		assertThat(spec.activities()).containsExactly(
				new ActivitySelection("manage-jobs", Map.of("PassRoles", List.of(PASS_ROLE))),
				new ActivitySelection("s3-bucket-access",
						Map.of("S3Buckets", List.of("ml-training-data", "ml-model-artifacts"))),
				new ActivitySelection("canvas-core-access", Map.of()));
		assertThat(spec.vpc()).isEqualTo(new NetworkSettings(List.of(SUBNET), List.of(SECURITY_GROUP)));
		assertThat(spec.kms()).isEqualTo(new EncryptionSettings(List.of(DATA_KEY), List.of(VOLUME_KEY)));
		assertThat(spec.roleName()).isEqualTo("SageMaker-Activities");
		assertThat(spec.tags()).containsExactly(new RoleSpec.Tag("team", "ml"));
		assertThat(spec.persona()).isEqualTo("custom");
		assertThat(saved.stepReached()).isEqualTo(WizardStep.MODELS);
		assertThat(saved.version()).isEqualTo(2);
	}

	@Test
	void aMissingRequiredValueIsShownNextToThatActivitysListAndNothingIsSaved() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "next", "manage-jobs", "s3-bucket-access")
				.param(list("manage-jobs", "passRoles[0]"), "  ")
				.param(list("s3-bucket-access", "s3Buckets[0]"), "ml-training-data"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rows(page, list("manage-jobs", "passRoles")).select(".text-danger").text())
			.contains("Manage ML Jobs needs at least one value in PassRoles");
		assertThat(rows(page, list("s3-bucket-access", "s3Buckets")).select(".text-danger, .invalid-feedback"))
			.isEmpty();
		assertThat(page.select(".alert-danger:not(#validation-summary)")).isEmpty();
		assertThat(page.select("#validation-summary-count").text()).isEqualTo("This step has 1 problem to fix:");
		String href = page.select("#validation-summary a").attr("href");
		assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
		assertThat(page.getElementById(href.substring(1)).text()).contains("Manage ML Jobs needs at least one value");
		Draft unchanged = reload(draft);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(unchanged.content().spec().activities()).isEmpty();
	}

	@Test
	void anInvalidBucketNameIsShownNextToItsRow() throws Exception {
		Draft draft = draftAtActivities();
		String buckets = list("s3-bucket-access", "s3Buckets");
		MvcResult result = this.mvc
			.perform(step(draft, "save", "s3-bucket-access").param(buckets + "[0]", "ml-training-data")
				.param(buckets + "[1]", "arn:aws:s3:::ml-model-artifacts"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rowError(page, buckets, 1)).contains("must be the bare bucket name");
		assertThat(page.getElementById(buckets + "1").attr("value")).isEqualTo("arn:aws:s3:::ml-model-artifacts");
		assertThat(reload(draft).version()).isEqualTo(1);
	}

	@Test
	void aKmsAliasIsRefusedNextToItsRow() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "save", "manage-jobs").param(list("manage-jobs", "passRoles[0]"), PASS_ROLE)
				.param("kmsEnabled", "true")
				.param("dataKeyArns[0]", DATA_KEY)
				.param("volumeKeyArns[0]", "arn:aws:kms:eu-west-1:111122223333:alias/ml-volumes"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rowError(page, "volumeKeyArns", 0)).contains("is an alias or a key id: use the key ARN");
		assertThat(rows(page, "dataKeyArns").select("input.is-invalid")).isEmpty();
		Draft unchanged = reload(draft);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(unchanged.content().spec().kms()).isNull();
	}

	@Test
	void subnetsWithoutSecurityGroupsAreRefused() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "save", "manage-jobs").param(list("manage-jobs", "passRoles[0]"), PASS_ROLE)
				.param("vpcEnabled", "true")
				.param("subnetIds[0]", SUBNET)
				.param("securityGroupIds[0]", " "))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(rows(page, "securityGroupIds").select(".text-danger").text())
			.contains("Security groups are required when subnets are given");
		assertThat(page.getElementById("subnetIds0").attr("value")).isEqualTo(SUBNET);
		Draft unchanged = reload(draft);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(unchanged.content().spec().vpc()).isNull();
	}

	@Test
	void aCustomizationSwitchedOnWithoutValuesIsRefused() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "save", "manage-jobs").param(list("manage-jobs", "passRoles[0]"), PASS_ROLE)
				.param("vpcEnabled", "true")
				.param("subnetIds[0]", ""))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(rows(page(result), "subnetIds").select(".text-danger").text())
			.contains("or switch the network customization off");
		assertThat(reload(draft).version()).isEqualTo(1);
	}

	@Test
	void addingAndRemovingRowsKeepsEverythingTypedAndSavesNothing() throws Exception {
		Draft draft = draftAtActivities();
		String passRoles = list("manage-jobs", "passRoles");
		String workgroups = list("query-athena-workgroups", "athenaWorkgroups");
		MvcResult added = this.mvc
			.perform(step(draft, "add:" + passRoles, "manage-jobs").param(passRoles + "[0]", PASS_ROLE)
				.param(workgroups + "[0]", "primary")
				.param("vpcEnabled", "true")
				.param("subnetIds[0]", SUBNET)
				.param("subnetIds[1]", "subnet-89abcdef012345678"))
			.andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(200);
		Document page = page(added);
		assertThat(rows(page, passRoles).select("input[type=text]")).extracting((e) -> e.attr("value"))
			.containsExactly(PASS_ROLE, "");
		assertThat(page.getElementById(workgroups + "0").attr("value")).isEqualTo("primary");
		assertThat(page.getElementById("activity-manage-jobs").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("activity-query-athena-workgroups").hasAttr("checked")).isFalse();
		assertThat(page.getElementById("vpcEnabled").hasAttr("checked")).isTrue();
		assertThat(reload(draft).version()).isEqualTo(1);

		MvcResult removed = this.mvc
			.perform(step(draft, "remove:subnetIds:0", "manage-jobs").param(passRoles + "[0]", PASS_ROLE)
				.param(workgroups + "[0]", "primary")
				.param("vpcEnabled", "true")
				.param("subnetIds[0]", SUBNET)
				.param("subnetIds[1]", "subnet-89abcdef012345678"))
			.andReturn();
		assertThat(removed.getResponse().getStatus()).isEqualTo(200);
		page = page(removed);
		assertThat(rows(page, "subnetIds").select("input[type=text]")).extracting((e) -> e.attr("value"))
			.containsExactly("subnet-89abcdef012345678");
		assertThat(page.getElementById(passRoles + "0").attr("value")).isEqualTo(PASS_ROLE);
		assertThat(page.getElementById(workgroups + "0").attr("value")).isEqualTo("primary");
		Draft unchanged = reload(draft);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(unchanged.content().spec().activities()).isEmpty();
	}

	@Test
	void valuesOfUnselectedActivitiesAndOfSwitchedOffCustomizationsAreNotSaved() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step(draft, "save", "manage-jobs").param(list("manage-jobs", "passRoles[0]"), PASS_ROLE)
				.param(list("query-athena-workgroups", "athenaWorkgroups[0]"), "primary")
				.param(list("manage-glue-tables", "glueDatabases[0]"), "not saved either")
				.param("vpcEnabled", "false")
				.param("subnetIds[0]", SUBNET)
				.param("securityGroupIds[0]", SECURITY_GROUP))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl())
			.isEqualTo("/drafts/" + draft.id() + "/steps/activities");
		RoleSpec spec = reload(draft).content().spec();
		assertThat(spec.activities())
			.containsExactly(new ActivitySelection("manage-jobs", Map.of("PassRoles", List.of(PASS_ROLE))));
		assertThat(spec.vpc()).isNull();
		assertThat(spec.kms()).isNull();
	}

	@Test
	void twoDraftsWithTheSameActivitiesShowEachItsOwnValues() throws Exception {
		// An activity's block is rendered once per distinct content (#rendered): blocks that differ only in a value
		// or a tick must not be mistaken for one another.
		String otherRole = "arn:aws:iam::111122223333:role/service-role/Other-Compute";
		Draft one = draftAtActivities(List.of(new ActivitySelection("manage-jobs", Map.of("PassRoles", List.of(PASS_ROLE)))),
				null);
		Draft two = draftAtActivities(List.of(new ActivitySelection("manage-jobs", Map.of("PassRoles", List.of(otherRole))),
				new ActivitySelection("canvas-core-access", Map.of())), null);
		String passRoles = list("manage-jobs", "passRoles");

		Document first = page(this.mvc.perform(get("/drafts/{id}/steps/activities", one.id())).andReturn());
		Document second = page(this.mvc.perform(get("/drafts/{id}/steps/activities", two.id())).andReturn());
		Document firstAgain = page(this.mvc.perform(get("/drafts/{id}/steps/activities", one.id())).andReturn());

		assertThat(first.getElementById(passRoles + "0").attr("value")).isEqualTo(PASS_ROLE);
		assertThat(second.getElementById(passRoles + "0").attr("value")).isEqualTo(otherRole);
		assertThat(first.getElementById("activity-canvas-core-access").hasAttr("checked")).isFalse();
		assertThat(second.getElementById("activity-canvas-core-access").hasAttr("checked")).isTrue();
		assertThat(firstAgain.select("#group-role-manager").outerHtml())
			.isEqualTo(first.select("#group-role-manager").outerHtml());
		// The buttons of a list post to the draft's own page.
		assertThat(second.getElementById("rows-" + passRoles.replace('.', '-')).select(".add-row").attr("hx-post"))
			.isEqualTo("/drafts/" + two.id() + "/steps/activities");
	}

	@Test
	void thePageShowsEveryCatalogueActivityTickedAsInTheDraft() throws Exception {
		Draft draft = draftAtActivities(
				List.of(new ActivitySelection("manage-jobs", Map.of("PassRoles", List.of(PASS_ROLE))),
						new ActivitySelection("canvas-core-access", Map.of())),
				new NetworkSettings(List.of(SUBNET), List.of(SECURITY_GROUP)));
		MvcResult result = this.mvc.perform(get("/drafts/{id}/steps/activities", draft.id())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = page(result);
		assertThat(page.select("#step-title").text()).isEqualTo("ML activities");
		for (ActivityDefinition activity : this.catalog.activities()) {
			Element checkbox = page.getElementById("activity-" + activity.id());
			assertThat(checkbox).as(activity.id()).isNotNull();
			assertThat(checkbox.attr("name")).isEqualTo("activities[" + row(activity.id()) + "].selected");
			// Written by hand as th:field would: value true, Spring's marker of an unticked box right after it, and
			// the row's activity id in a hidden input.
			assertThat(checkbox.attr("value")).isEqualTo("true");
			assertThat(checkbox.nextElementSibling().outerHtml()).isEqualTo("<input type=\"hidden\" name=\"_activities["
					+ row(activity.id()) + "].selected\" value=\"on\">");
			assertThat(page.select("input[type=hidden][name=activities[" + row(activity.id()) + "].id]")).singleElement()
				.satisfies((id) -> assertThat(id.attr("value")).isEqualTo(activity.id()))
				.satisfies((id) -> assertThat(id.id()).isEqualTo("activities" + row(activity.id()) + ".id"));
			assertThat(checkbox.hasAttr("checked")).as(activity.id())
				.isEqualTo(Set.of("manage-jobs", "canvas-core-access").contains(activity.id()));
			assertThat(page.select("label[for=activity-" + activity.id() + "]").text()).isEqualTo(activity.name());
			String group = (activity.kind() == ActivityKind.CANVAS) ? "#group-canvas" : "#group-role-manager";
			assertThat(page.select(group + " > #block-" + activity.id())).as(activity.id()).hasSize(1);
		}
		assertThat(page.select("[id^=block-]")).hasSize(this.catalog.activities().size());
		String passRoles = list("manage-jobs", "passRoles");
		assertThat(page.getElementById(passRoles + "0").attr("value")).isEqualTo(PASS_ROLE);
		assertThat(rows(page, passRoles).select("legend").text()).isEqualTo("Roles it may pass to SageMaker");
		assertThat(rows(page, passRoles).text()).contains("typically the SageMaker compute role");
		assertThat(page.select("#block-manage-jobs [data-without-js]").text())
			.isEqualTo("Used only if the activity is selected.");
		assertThat(page.getElementById("vpcEnabled").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("kmsEnabled").hasAttr("checked")).isFalse();
		assertThat(page.getElementById("subnetIds0").attr("value")).isEqualTo(SUBNET);
		assertThat(page.select("#vpcEnabled-applies-to .applies-to-list > :not([hidden])").eachText())
			.containsExactly("Manage ML Jobs");
		assertThat(page.select("#kmsEnabled-applies-to .applies-to-list > :not([hidden])").eachText())
			.containsExactly("Manage ML Jobs");
		assertThat(page.select("#preview .preview-policy").text()).contains(PASS_ROLE);
	}

	@Test
	void thePreviewShowsTheGeneratedPoliciesOfTheUnsavedForm() throws Exception {
		Draft draft = draftAtActivities();
		MvcResult result = this.mvc
			.perform(step("/drafts/{id}/steps/activities/preview", draft, "save", "s3-bucket-access")
				.param(list("s3-bucket-access", "s3Buckets[0]"), "ml-preview-bucket")
				.param(list("s3-bucket-access", "s3Buckets[1]"), ""))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document panel = page(result);
		assertThat(panel.select("#step-form")).isEmpty();
		assertThat(panel.select("aside#preview")).hasSize(1);
		assertThat(panel.select("#preview-missing")).isEmpty();
		assertThat(panel.select(".preview-policy").text()).contains("arn:aws:s3:::ml-preview-bucket/*");
		Draft unchanged = reload(draft);
		assertThat(unchanged.version()).isEqualTo(1);
		assertThat(unchanged.content().spec().activities()).isEmpty();
	}

	@Test
	void thePreviewNamesMissingValuesInTheWizardsWordsNotByTheirPath() throws Exception {
		Draft draft = draftAtActivities();
		// Two activities, the second (in the specification's order) without its roles to pass.
		MvcResult result = this.mvc
			.perform(step("/drafts/{id}/steps/activities/preview", draft, "save", "s3-bucket-access", "manage-pipelines")
				.param(list("s3-bucket-access", "s3Buckets[0]"), "ml-preview-bucket"))
			.andReturn();
		Document panel = page(result);
		assertThat(panel.select("#preview-missing .missing-field").eachText())
			.contains("Roles it may pass to SageMaker (activity \u201cManage Pipelines\u201d)");
		assertThat(panel.select("#preview-missing .missing-field").text()).doesNotContain("activities[")
			.doesNotContain("PassRoles");
	}

}
