package org.mlgov.console.browse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The read-only catalogue pages, for every signed-in role. */
@ConsoleTest
class CatalogPagesTests {

	@Autowired
	MockMvc mvc;

	private Document page(String url, int status) throws Exception {
		MvcResult result = this.mvc.perform(get(url)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	@WithMockUser(roles = "HELPDESK")
	void overviewListsPersonasActivitiesAndTheVersion() throws Exception {
		Document doc = page("/catalog", 200);
		assertThat(doc.select("#personas .card-title").eachText()).containsExactly("Data Scientist", "MLOps",
				"SageMaker Compute Role", "Custom Role Settings");
		assertThat(doc.select("#role-manager-activities tbody tr")).hasSize(16);
		assertThat(doc.select("#canvas-activities tbody tr")).hasSize(7);
		assertThat(doc.select("#catalog-version").text()).startsWith("2026.11.23-1+");
		assertThat(doc.select("#corrections li")).hasSize(2);
	}

	@Test
	@WithMockUser(roles = "REVIEWER")
	void activityPageShowsTheTemplateAndTheGeneratedPolicy() throws Exception {
		Document doc = page("/catalog/activities/manage-jobs?vpc=true&kms=true", 200);
		assertThat(doc.select("h1").text()).isEqualTo("Manage ML Jobs");
		assertThat(doc.select("#template-json").text()).contains("sagemaker:VolumeKmsKey").contains("${PassRoles}");
		String generated = doc.select(".generated-json").text();
		assertThat(generated).contains("sagemaker:VolumeKmsKeyArn")
			.contains("arn:aws:iam::123456789012:role/service-role/SageMaker-ExampleCompute")
			.doesNotContain("\"sagemaker:VolumeKmsKey\"");
		assertThat(doc.select("#findings").text()).contains("VPC_NOT_BINDABLE", "DEPRECATED_CONDITION_KEY_REPLACED");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void canvasActivityPageShowsTheManagedPolicies() throws Exception {
		Document doc = page("/catalog/activities/canvas-direct-deploy", 200);
		assertThat(doc.text()).contains("arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasDirectDeployAccess")
			.contains("SageMakerEndpointPerms");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void unknownActivityIs404() throws Exception {
		page("/catalog/activities/no-such-activity", 404);
	}

	@Test
	@WithMockUser(roles = "HELPDESK")
	void modelsCanBeSearched() throws Exception {
		Document all = page("/catalog/models", 200);
		assertThat(all.select("#bedrock-count").text()).isEqualTo("115");
		assertThat(all.select("#jumpstart-count").text()).isEqualTo("41");
		Document claude = page("/catalog/models?q=claude-3-5", 200);
		assertThat(claude.select(".bedrock-models code").eachText()).containsExactlyInAnyOrder(
				"anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0",
				"anthropic.claude-3-5-haiku-20241022-v1:0");
		assertThat(claude.select("#jumpstart-count").text()).isEqualTo("0");
		assertThat(claude.select("#jumpstart-empty").text()).startsWith("No JumpStart model matches “claude-3-5”.");
		assertThat(claude.select("#jumpstart-models")).isEmpty();
		assertThat(claude.select("#bedrock-empty")).isEmpty();
		Document nothing = page("/catalog/models?q=no-such-model", 200);
		assertThat(nothing.select("#bedrock-empty").text()).isEqualTo("No Bedrock model matches “no-such-model”.");
		Document falcon = page("/catalog/models?q=falcon", 200);
		assertThat(falcon.select("#jumpstart-models tbody tr").size()).isGreaterThanOrEqualTo(6);
		assertThat(falcon.select("#jumpstart-empty")).isEmpty();
	}

	@Test
	@WithMockUser(roles = "REVIEWER")
	void aPageShownAgainIsTheKeptOneAndOtherParametersShowTheirOwn() throws Exception {
		for (String url : new String[] { "/catalog", "/catalog/activities/manage-jobs?vpc=true&kms=true",
				"/catalog/models?q=claude" }) {
			MvcResult first = this.mvc.perform(get(url)).andReturn();
			MvcResult again = this.mvc.perform(get(url)).andReturn();
			assertThat(first.getModelAndView().getModel()).as(url).containsKey("catalogPage");
			// Kept: nothing of the page is prepared again (no generated example, no lists), the markup is the same.
			assertThat(again.getModelAndView().getModel()).as(url).containsKey("keptPage")
				.doesNotContainKeys("example", "roleManagerActivities", "bedrockByProvider");
			assertThat(main(again)).as(url).isEqualTo(main(first));
		}
		Document withoutVpc = page("/catalog/activities/manage-jobs?kms=true", 200);
		assertThat(withoutVpc.select("#template-json").text()).contains("sagemaker:VolumeKmsKey")
			.doesNotContain("sagemaker:VpcSubnets");
		Document withVpc = page("/catalog/activities/manage-jobs?vpc=true&kms=true", 200);
		assertThat(withVpc.select("#template-json").text()).contains("sagemaker:VpcSubnets");
		Document haiku = page("/catalog/models?q=claude-3-5-haiku", 200);
		assertThat(haiku.select(".bedrock-models code").eachText())
			.containsExactly("anthropic.claude-3-5-haiku-20241022-v1:0");
		assertThat(haiku.select("#q").val()).isEqualTo("claude-3-5-haiku");
	}

	private String main(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString()).select("main").outerHtml();
	}

	@Test
	void anonymousUsersAreSentToSignIn() throws Exception {
		MvcResult result = this.mvc.perform(get("/catalog")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
