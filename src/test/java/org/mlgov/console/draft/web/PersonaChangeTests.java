package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.PersonaChange;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.TestSpecs;

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
 * Changing the persona after going back: a data scientist's draft that reached the review gets the MLOps persona on
 * step 1. Its activities become MLOps's, the values typed for those that stay are kept and those of the others set
 * aside (ticking them again restores them), step 2 says what changed, and the step reached goes back to step 2 while
 * the specification is incomplete.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class PersonaChangeTests {

	static final String ROLE = TestSpecs.COMPUTE_ROLE;

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	Catalog catalog;

	/** A data scientist's draft with every step saved: roles to pass, the bucket my-bucket. */
	private Draft finishedAsDataScientist() {
		List<ActivitySelection> activities = List.of(new ActivitySelection("run-studio-apps", passRoles()),
				new ActivitySelection("manage-jobs", passRoles()), new ActivitySelection("manage-models", passRoles()),
				new ActivitySelection("manage-experiments", Map.of()),
				new ActivitySelection("visualize-experiments", Map.of()),
				new ActivitySelection("s3-bucket-access", Map.of("S3Buckets", List.of("my-bucket"))));
		DraftContent content = DraftContent.empty()
			.withSpec(TestSpecs.custom("SageMaker-Team")
				.partition("aws")
				.persona("data-scientist")
				.activities(activities)
				.build());
		Draft draft = this.drafts.start("Persona change", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
			}
		}
		assertThat(draft.stepReached()).isEqualTo(WizardStep.SUMMARY);
		return draft;
	}

	private static Map<String, List<String>> passRoles() {
		return Map.of("PassRoles", List.of(ROLE));
	}

	private MvcResult basics(Draft draft, String persona) throws Exception {
		return this.mvc.perform(post("/drafts/{id}/steps/basics", draft.id()).with(csrf())
			.param("version", String.valueOf(draft.version()))
			.param("accountId", TestSpecs.ACCOUNT)
			.param("region", TestSpecs.REGION)
			.param("partition", "aws")
			.param("roleMode", "NEW_ROLE")
			.param("roleName", "SageMaker-Team")
			.param("persona", persona)
			.param("_action", "next")).andReturn();
	}

	private int row(String activityId) {
		return this.catalog.activities().stream().map(ActivityDefinition::id).toList().indexOf(activityId);
	}

	private Document page(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url)).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void mlopsAfterTheDataScientistKeepsWhatStaysSetsTheRestAsideSaysSoAndSendsTheAuthorThroughStepTwoAgain()
			throws Exception {
		Draft draft = finishedAsDataScientist();
		MvcResult result = basics(draft, "mlops");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/activities");

		Draft saved = this.repository.findById(draft.id()).orElseThrow();
		RoleSpec spec = saved.content().spec();
		assertThat(spec.persona()).isEqualTo("mlops");
		assertThat(spec.activities()).containsExactly(new ActivitySelection("run-studio-apps", passRoles()),
				new ActivitySelection("manage-models", passRoles()), new ActivitySelection("manage-endpoints", Map.of()),
				new ActivitySelection("manage-pipelines", Map.of()),
				new ActivitySelection("visualize-experiments", Map.of()));
		assertThat(saved.content().setAside()).containsEntry("s3-bucket-access",
				Map.of("S3Buckets", List.of("my-bucket")));
		assertThat(saved.content().personaChange()).isEqualTo(new PersonaChange("data-scientist", "mlops",
				List.of("manage-endpoints", "manage-pipelines"),
				List.of("manage-jobs", "manage-experiments", "s3-bucket-access")));
		// Manage Pipelines needs a role to pass: the specification is incomplete, so step 2 is the step reached.
		assertThat(saved.stepReached()).isEqualTo(WizardStep.ACTIVITIES);
		Document myDrafts = page("/drafts");
		assertThat(myDrafts.select("tr[data-draft-id=" + draft.id() + "]").text()).contains("2. ML activities", "MLOps");
		assertThat(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id())).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/activities");

		Document step2 = page("/drafts/" + draft.id() + "/steps/activities");
		assertThat(step2.select("#persona-change p").first().text())
			.isEqualTo("You changed the persona from Data Scientist to MLOps: its activities are selected below.");
		assertThat(step2.select("#persona-added").text()).isEqualTo("Added: Manage Endpoints, Manage Pipelines.");
		assertThat(step2.select("#persona-removed").text())
			.isEqualTo("Removed: Manage ML Jobs, Manage Experiments, S3 Bucket Access.");
		assertThat(step2.select("#persona-kept").text()).isEqualTo(
				"The values typed for Manage ML Jobs, S3 Bucket Access are kept: tick an activity again to get them back.");
		assertThat(step2.getElementById("activity-manage-pipelines").hasAttr("checked")).isTrue();
		assertThat(step2.getElementById("activity-s3-bucket-access").hasAttr("checked")).isFalse();
		String buckets = "activities[" + row("s3-bucket-access") + "].s3Buckets";
		assertThat(step2.getElementById(buckets + "0").attr("value")).isEqualTo("my-bucket");
		assertThat(step2.getElementById("activities[" + row("run-studio-apps") + "].passRoles0").attr("value"))
			.isEqualTo(ROLE);

		// Ticking the bucket access again with the value shown, and giving the pipelines their role.
		MockHttpServletRequestBuilder next = post("/drafts/{id}/steps/activities", draft.id()).with(csrf())
			.param("version", String.valueOf(saved.version()))
			.param("_action", "next");
		List<ActivityDefinition> activities = this.catalog.activities();
		for (int i = 0; i < activities.size(); i++) {
			next.param("activities[" + i + "].id", activities.get(i).id());
		}
		for (String id : List.of("run-studio-apps", "manage-models", "manage-endpoints", "manage-pipelines",
				"visualize-experiments", "s3-bucket-access")) {
			next.param("activities[" + row(id) + "].selected", "true");
		}
		next.param("activities[" + row("run-studio-apps") + "].passRoles[0]", ROLE)
			.param("activities[" + row("manage-models") + "].passRoles[0]", ROLE)
			.param("activities[" + row("manage-pipelines") + "].passRoles[0]", ROLE)
			.param(buckets + "[0]", "my-bucket");
		assertThat(this.mvc.perform(next).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/drafts/" + draft.id() + "/steps/models");
		Draft reviewed = this.repository.findById(draft.id()).orElseThrow();
		assertThat(reviewed.content().spec().activities()).contains(
				new ActivitySelection("s3-bucket-access", Map.of("S3Buckets", List.of("my-bucket"))),
				new ActivitySelection("manage-pipelines", passRoles()));
		assertThat(reviewed.content().personaChange()).isNull();
		assertThat(reviewed.content().setAside()).containsOnlyKeys("manage-jobs");
		assertThat(reviewed.stepReached()).isEqualTo(WizardStep.MODELS);
		assertThat(page("/drafts/" + draft.id() + "/steps/activities").select("#persona-change")).isEmpty();
	}

	@Test
	void aChangeThatLeavesTheSpecificationCompleteKeepsTheStepReachedAndIsStillShownOnStepTwo() throws Exception {
		Draft draft = finishedAsDataScientist();
		assertThat(basics(draft, "custom").getResponse().getRedirectedUrl())
			.isEqualTo("/drafts/" + draft.id() + "/steps/activities");
		Draft saved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(saved.content().spec().activities()).isEmpty();
		assertThat(saved.stepReached()).isEqualTo(WizardStep.SUMMARY);
		Document step2 = page("/drafts/" + draft.id() + "/steps/activities");
		assertThat(step2.select("#persona-change p").first().text())
			.isEqualTo("You changed the persona from Data Scientist to Custom Role Settings: its activities are "
					+ "selected below.");
		assertThat(step2.select("#persona-added")).isEmpty();
		assertThat(step2.select("#persona-removed").text()).isEqualTo("Removed: Run Studio Applications, Manage ML "
				+ "Jobs, Manage Models, Manage Experiments, Search and visualize experiments, S3 Bucket Access.");
	}

	@Test
	void theFirstPersonaOfADraftIsNoChangeToReport() throws Exception {
		Draft draft = this.drafts.start("First persona", "admin");
		basics(draft, "data-scientist");
		Draft saved = this.repository.findById(draft.id()).orElseThrow();
		assertThat(saved.content().personaChange()).isNull();
		assertThat(saved.content().spec().activities()).hasSize(6);
		assertThat(page("/drafts/" + draft.id() + "/steps/activities").select("#persona-change")).isEmpty();
	}

}
