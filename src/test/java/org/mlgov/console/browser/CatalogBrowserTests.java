package org.mlgov.console.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and reading the catalogue in a real browser. */
class CatalogBrowserTests extends BrowserTestSupport {

	@Test
	void helpDeskSignsInAndReadsTheCatalogue() {
		this.page.navigate(url("/login"));
		screenshot("01-sign-in");
		signIn("helpdesk", "helpdesk-pass");
		assertThat(this.page.textContent("#signed-in-user")).contains("Lee Novak");
		screenshot("02-home-helpdesk");
		this.page.click("text=Catalogue");
		this.page.waitForURL(url("/catalog"));
		assertThat(this.page.locator("#role-manager-activities tbody tr").count()).isEqualTo(16);
		screenshot("03-catalogue");
		this.page.click("text=Manage ML Jobs");
		this.page.click("#variants >> text=VPC + KMS");
		assertThat(this.page.textContent(".generated-json")).contains("sagemaker:VolumeKmsKeyArn");
		screenshot("04-activity-manage-jobs-vpc-kms");
		this.page.navigate(url("/catalog/models?q=claude"));
		assertThat(this.page.locator(".bedrock-models tbody tr").count()).isGreaterThan(5);
		screenshot("05-models-search");
	}

}
