package org.mlgov.console.draft.web;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec.BedrockRoleChoice;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Step 4, Canvas settings and their targets, through the web layer. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class CanvasStepTests extends WizardStepTest {

	static final String FORECAST_ROLE = "arn:aws:iam::111122223333:role/service-role/Canvas-Forecast";

	@Override
	WizardStep step() {
		return WizardStep.CANVAS;
	}

	@Test
	void validSettingsAndTargetsAreSavedExactlyAndLeadToCollaboration() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("readyToUseModels", "true")
			.param("generativeAi", "true")
			.param("bedrockRole", "CREATE")
			.param("bedrockRoleName", "Canvas-Bedrock")
			.param("timeSeriesForecasting", "true")
			.param("forecastRoleArn", FORECAST_ROLE)
			.param("localFileUpload", "true")
			.param("canvasBucket", "")
			.param("domainId", "d-abc123def456")
			.param("domainDefault", "true")
			.param("userProfiles[0]", "data-scientist-1")
			.param("userProfiles[1]", " ")
			.param("userProfiles[2]", "analyst")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl())
			.isEqualTo("/drafts/" + draft.id() + "/steps/collaboration");
		Draft saved = saved(draft);
		assertThat(saved.content().spec().canvas()).isEqualTo(new CanvasSettings(true, true, BedrockRoleChoice.CREATE,
				null, "Canvas-Bedrock", false, true, FORECAST_ROLE, false, null, true, null));
		assertThat(saved.content().canvasTargets())
			.isEqualTo(new CanvasTargets("d-abc123def456", true, List.of("data-scientist-1", "analyst")));
		assertThat(saved.content().spec().activities()).isEqualTo(validContent().spec().activities());
		assertThat(saved.stepReached()).isEqualTo(WizardStep.COLLABORATION);
	}

	@Test
	void invalidSettingsAndTargetsShowTheirErrorsNextToTheirFieldsAndSaveNothing() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "")
			.param("generativeAi", "true")
			.param("bedrockRole", "EXISTING")
			.param("localFileUpload", "true")
			.param("canvasBucket", "Not_A_Bucket")
			.param("domainId", "domain-1")
			.param("userProfiles[0]", "analyst")
			.param("userProfiles[1]", "-bad-")
			.param("userProfiles[2]", "analyst")
			.param("_action", "next")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = page(result);
		assertThat(page.select("#bedrockRoleArn-errors").text())
			.isEqualTo("Bedrock role EXISTING needs the ARN of the role Bedrock assumes.");
		assertThat(page.select("#canvasBucket-errors").text()).isNotBlank();
		assertThat(page.select("#domainId-errors").text()).contains("Domain id 'domain-1' must look like d-");
		assertThat(rowError(page, "userProfiles", 1))
			.contains("User profile name '-bad-'");
		assertThat(rowError(page, "userProfiles", 2))
			.isEqualTo("User profile 'analyst' is listed twice (also in row 1).");
		assertThat(page.select("#domainId").attr("value")).isEqualTo("domain-1");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void targetsNeedADomainIdAndCanvasSettingsNeedATarget() throws Exception {
		Draft draft = draft();
		MvcResult noDomain = this.mvc.perform(postTo(draft, "")
			.param("domainDefault", "true")
			.param("_action", "save")).andReturn();
		assertThat(noDomain.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(noDomain).select("#domainId-errors").text()).startsWith("Domain id is required");

		MvcResult noTarget = this.mvc.perform(postTo(draft, "")
			.param("readyToUseModels", "true")
			.param("domainId", "d-abc123def456")
			.param("_action", "save")).andReturn();
		assertThat(noTarget.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(noTarget).select("#targets .form-check .invalid-feedback").text())
			.startsWith("Choose where these Canvas settings apply");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void tooManyUserProfilesAreRefused() throws Exception {
		Draft draft = draft();
		MockHttpServletRequestBuilder request = postTo(draft, "").param("domainId", "d-abc123def456")
			.param("_action", "save");
		for (int i = 0; i <= CanvasFormData.MAX_USER_PROFILES; i++) {
			request.param("userProfiles[" + i + "]", "profile-" + i);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page(result).select("#rows-userProfiles > .text-danger").text())
			.startsWith("At most 50 user profiles (got 51)");
	}

	@Test
	void addingAndRemovingUserProfileRowsKeepsWhatWasTypedAndSavesNothing() throws Exception {
		Draft draft = draft();
		MvcResult added = this.mvc.perform(postTo(draft, "")
			.param("generativeAi", "true")
			.param("domainId", "d-typed")
			.param("userProfiles[0]", "analyst")
			.param("_action", "add:userProfiles")).andReturn();
		assertThat(added.getResponse().getStatus()).isEqualTo(200);
		Document page = page(added);
		assertThat(rows(page, "userProfiles")).containsExactly("analyst", "");
		assertThat(page.select("#domainId").attr("value")).isEqualTo("d-typed");
		assertThat(page.select("input[type=checkbox][name=generativeAi]").hasAttr("checked")).isTrue();

		MvcResult removed = this.mvc.perform(postTo(draft, "")
			.param("userProfiles[0]", "analyst")
			.param("userProfiles[1]", "engineer")
			.param("_action", "remove:userProfiles:0")).andReturn();
		assertThat(rows(page(removed), "userProfiles")).containsExactly("engineer");
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void theStepShowsTheSavedSettingsTheBedrockTrustAndTheUploadCorsRule() throws Exception {
		Draft draft = draft();
		DraftContent content = validContent();
		DraftContent canvas = new DraftContent(content.spec()
			.withCanvas(new CanvasSettings(true, true, null, null, null, true, false, null, false, null, true, null)),
				content.roleMode(), new CanvasTargets("d-abc123def456", false, List.of("analyst", "engineer")));
		saveStep(draft, canvas);
		MvcResult result = getStep(draft);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = page(result);
		assertThat(page.select("#step-title").text()).isEqualTo("Canvas settings");
		assertThat(page.select("input[type=checkbox][checked]")).extracting((e) -> e.attr("name"))
			.containsExactly("readyToUseModels", "generativeAi", "directDeployment", "localFileUpload");
		assertThat(page.select("#bedrockRole-execution").hasAttr("checked")).isTrue();
		assertThat(page.select("#domainId").attr("value")).isEqualTo("d-abc123def456");
		assertThat(rows(page, "userProfiles")).containsExactly("analyst", "engineer");
		assertThat(page.select("#rows-userProfiles legend + .form-text").text())
			.startsWith("Type the user profile names");
		String trust = page.select("#bedrock-trust pre").text();
		assertThat(trust).contains("\"Service\": \"bedrock.amazonaws.com\"")
			.contains("\"aws:SourceAccount\": \"111122223333\"")
			.contains("sagemaker.amazonaws.com");
		assertThat(page.select("#upload-cors").text()).isEqualTo("Adds a CORS rule allowing https://*.sagemaker.aws "
				+ "on bucket sagemaker-us-east-1-111122223333, so that browsers can upload to it.");
	}

	@Test
	void thePreviewShowsTheTrustOfANewBedrockRoleAndTheUploadBucket() throws Exception {
		Draft draft = draft();
		MvcResult result = this.mvc.perform(postTo(draft, "/preview")
			.param("readyToUseModels", "true")
			.param("generativeAi", "true")
			.param("bedrockRole", "CREATE")
			.param("localFileUpload", "true")
			.param("canvasBucket", "canvas-uploads")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document answer = page(result);
		assertThat(answer.select("aside#preview")).hasSize(1);
		assertThat(answer.select("#preview").text()).contains("CanvasAppSettings", "GenerativeAiSettings");
		String trust = answer.select("#bedrock-trust[hx-swap-oob=true] pre").text();
		assertThat(trust).contains("bedrock.amazonaws.com").doesNotContain("sagemaker.amazonaws.com");
		assertThat(answer.select("#upload-cors[hx-swap-oob=true]").text()).contains("on bucket canvas-uploads");
		// Ready-to-use models are on: no finding beside generative AI.
		assertThat(answer.select("#finding-bedrock-ready[hx-swap-oob=true]")).hasSize(1);
		assertThat(answer.select("#finding-bedrock-ready .alert")).isEmpty();

		// Off: the finding is beside generative AI, in the generator's words.
		Document without = page(this.mvc.perform(postTo(draft, "/preview")
			.param("generativeAi", "true")).andReturn());
		assertThat(without.select("#finding-bedrock-ready[hx-swap-oob=true] .alert").text())
			.contains("Generative AI is on but ready-to-use models are off");
		assertThat(without.select("#finding-core-access .alert")).isEmpty();
		assertThat(saved(draft).version()).isEqualTo(draft.version());
	}

	@Test
	void withAwsSwitchedOffTheStepSaysWhyThereIsNoLivePicker() throws Exception {
		Document page = page(getStep(draft()));
		assertThat(page.select("#domains-live").text()).isEqualTo("The domains of account 111122223333 in us-east-1 "
				+ "cannot be listed: SageMaker ListDomains was not sent: AWS access is switched off "
				+ "for this console (whoever runs the console can turn it on). Type the domain id.");
		assertThat(page.select("datalist")).isEmpty();
	}

}
