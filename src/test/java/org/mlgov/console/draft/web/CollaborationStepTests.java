package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.Scope;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Step 5, Studio Classic model sharing and Bedrock model evaluation, through the web layer. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class CollaborationStepTests extends WizardStepTest {

	static final String CONSOLE = "https://*.console.aws.amazon.com";

	@Override
	WizardStep step() {
		return WizardStep.COLLABORATION;
	}

	@Test
	void validSettingsAreSavedExactlyAndLeadToTheReview() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("studioClassicModelSharing", "true")
			.param("sharingScope", "AS_DOCUMENTED")
			.param("automatic", "true")
			.param("human", "true")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsBuckets[1]", "")
			.param("corsBuckets[2]", "eval-results")
			.param("corsAllowedOrigins[0]", CONSOLE)
			.param("s3Scope", "NARROWED")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/review");
		Draft saved = saved(draft);
		RoleSpec spec = saved.content().spec();
		assertThat(spec.collaboration()).isEqualTo(new CollaborationSettings(true, Scope.AS_DOCUMENTED));
		assertThat(spec.evaluation()).isEqualTo(new EvaluationSettings(true, true,
				List.of("eval-prompts", "eval-results"), List.of(CONSOLE), Scope.NARROWED));
		assertThat(saved.stepReached()).isEqualTo(WizardStep.SUMMARY);
		assertThat(saved.version()).isEqualTo(draft.version() + 1);
	}

	@Test
	void noOriginSavesTheGuidesMinimalRuleAndNarrowedScopesByDefault() throws Exception {
		Draft draft = draft();
		this.mvc.perform(postTo(draft, "").param("automatic", "true")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsAllowedOrigins[0]", " ")
			.param("_action", "save"));
		RoleSpec spec = saved(draft).content().spec();
		assertThat(spec.evaluation()).isEqualTo(
				new EvaluationSettings(true, false, List.of("eval-prompts"), List.of("*"), Scope.NARROWED));
		assertThat(spec.collaboration()).isEqualTo(new CollaborationSettings(false, Scope.NARROWED));
	}

	@Test
	void invalidBucketsAndOriginsShowTheirErrorsNextToTheirRowsAndSaveNothing() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("automatic", "true")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsBuckets[1]", "Bad_Bucket")
			.param("corsAllowedOrigins[0]", "https://console.aws.amazon.com/bedrock")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(page.select("#rows-corsBuckets .input-group").get(0).select(".invalid-feedback")).isEmpty();
		assertThat(rowError(page, "corsBuckets", 1))
			.contains("'Bad_Bucket'");
		assertThat(page.select("#rows-corsAllowedOrigins .invalid-feedback").text())
			.contains("An origin has no path");
		assertThat(page.select("#corsBuckets1").attr("value")).isEqualTo("Bad_Bucket");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void evaluationNeedsABucketAndBucketsNeedEvaluation() throws Exception {
		Draft draft = draft();
		MvcResult noBucket = this.mvc.perform(postTo(draft, "").param("human", "true").param("_action", "save"))
			.andReturn();
		assertThat(noBucket.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(noBucket).select("#rows-corsBuckets > .text-danger").text())
			.isEqualTo("Model evaluation needs at least one S3 bucket for its CORS rule.");
		MvcResult unused = this.mvc.perform(postTo(draft, "").param("corsBuckets[0]", "eval-prompts")
			.param("_action", "save")).andReturn();
		assertThat(unused.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(unused).select("#rows-corsBuckets > .text-danger").text())
			.startsWith("Not used because model evaluation is off");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void addingAndRemovingRowsKeepsWhatWasTypedAndSavesNothing() throws Exception {
		Draft draft = draft();
		MvcResult added = this.mvc.perform(postTo(draft, "")
			.param("automatic", "true")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsAllowedOrigins[0]", CONSOLE)
			.param("_action", "add:corsAllowedOrigins")).andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(200);
		Document page = page(added);
		assertThat(rows(page, "corsAllowedOrigins")).containsExactly(CONSOLE, "");
		assertThat(page.select("#corsBuckets0").attr("value")).isEqualTo("eval-prompts");
		assertThat(page.select("input[type=checkbox][name=automatic]").hasAttr("checked")).isTrue();

		MvcResult removed = this.mvc.perform(postTo(draft, "")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsBuckets[1]", "eval-results")
			.param("_action", "remove:corsBuckets:1")).andReturn();
		assertThat(rows(page(removed), "corsBuckets")).containsExactly("eval-prompts");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void theStepShowsTheSavedSettingsAndTheCorsRulePerBucket() throws Exception {
		Draft draft = draft();
		DraftContent content = validContent();
		saveStep(draft, content.withSpec(content.spec()
			.withCollaboration(new CollaborationSettings(true, null))
			.withEvaluation(new EvaluationSettings(true, false, List.of("eval-prompts", "eval-results"), null,
					Scope.AS_DOCUMENTED))));
		MvcResult result = getStep(draft);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = page(result);
		assertThat(page.select("#step-title").text()).isEqualTo("Collaboration and evaluation");
		assertThat(page.select("input[type=checkbox][checked]")).extracting((e) -> e.attr("name"))
			.containsExactly("studioClassicModelSharing", "automatic");
		assertThat(page.select("#sharingScope-narrowed").hasAttr("checked")).isTrue();
		assertThat(page.select("#s3Scope-documented").hasAttr("checked")).isTrue();
		assertThat(rows(page, "corsBuckets")).containsExactly("eval-prompts", "eval-results");
		// An empty list starts with one empty row to type in.
		assertThat(rows(page, "corsAllowedOrigins")).containsExactly("");
		assertThat(page.select("#origin-warning .alert").text()).contains("every origin");
		assertThat(page.select("#cors-rules .bucket-cors code")).extracting((e) -> e.text())
			.containsExactly("eval-prompts", "eval-results");
		assertThat(page.select("#cors-rules pre").get(0).text()).contains("\"AllowedOrigins\": [\n      \"*\"\n    ]",
				"\"AllowedMethods\": [", "\"DELETE\"", "\"ExposeHeaders\": [", "\"Access-Control-Allow-Origin\"");
	}

	@Test
	void thePreviewShowsTheCorsRuleOfTheValuesAndNoWarningForTheConsoleOrigin() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "/preview")
			.param("automatic", "true")
			.param("corsBuckets[0]", "eval-prompts")
			.param("corsAllowedOrigins[0]", CONSOLE)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document answer = page(result);
		assertThat(answer.select("aside#preview")).hasSize(1);
		assertThat(answer.select("#preview .preview-policy").text()).contains("bedrock:CreateEvaluationJob");
		assertThat(answer.select("#cors-rules[hx-swap-oob=true] pre").text())
			.contains("\"AllowedOrigins\": [\n      \"" + CONSOLE + "\"\n    ]");
		assertThat(answer.select("#origin-warning[hx-swap-oob=true]")).hasSize(1);
		assertThat(answer.select("#origin-warning .alert")).isEmpty();
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

}
