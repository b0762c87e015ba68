package org.mlgov.console.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTests {

	private final Catalog catalog = CatalogLoader.loadDefault();

	@Test
	void recordedHashMatchesTheContentSoEveryDataChangeBumpsTheVersion() throws IOException {
		Properties release = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/catalog/catalog.properties")) {
			release.load(in);
		}
		String hash = new CatalogLoader().contentHash();
		assertThat(release.getProperty("sha256"))
			.as("catalogue data changed: bump 'release' and record sha256=%s in catalog.properties", hash)
			.isEqualTo(hash);
		assertThat(this.catalog.version()).isEqualTo(release.getProperty("release") + "+" + hash.substring(0, 12));
	}

	@Test
	void holdsEveryPersonaActivityAndModel() {
		assertThat(this.catalog.personas()).extracting(Persona::id)
			.containsExactly("data-scientist", "mlops", "sagemaker-compute-role", "custom");
		assertThat(this.catalog.activities()).filteredOn((a) -> a.kind() == ActivityKind.ROLE_MANAGER).hasSize(16);
		assertThat(this.catalog.activities()).filteredOn((a) -> a.kind() == ActivityKind.CANVAS)
			.extracting(ActivityDefinition::id)
			.containsExactly("canvas-core-access", "canvas-data-prep", "canvas-ai-services", "canvas-bedrock",
					"canvas-forecasting", "canvas-direct-deploy", "canvas-mlops");
		assertThat(this.catalog.bedrockModels()).hasSize(115);
		assertThat(this.catalog.jumpStartModels()).hasSize(41);
		assertThat(this.catalog.persona("data-scientist").orElseThrow().activities()).containsExactly(
				"run-studio-apps", "manage-jobs", "manage-models", "manage-experiments", "visualize-experiments",
				"s3-bucket-access");
	}

	@Test
	void variantsAreChosenAsRoleManagerChoosesThem() {
		ActivityDefinition jobs = this.catalog.activity("manage-jobs").orElseThrow();
		assertThat(jobs.template(false, false).templateName()).isEqualTo("SM_CommonJobManagement");
		assertThat(jobs.template(true, false).templateName()).isEqualTo("SM_CommonJobManagement_VPC");
		assertThat(jobs.template(false, true).templateName()).isEqualTo("SM_CommonJobManagement_KMS");
		assertThat(jobs.template(true, true).templateName()).isEqualTo("SM_CommonJobManagement_VPC_KMS");
		ActivityDefinition models = this.catalog.activity("manage-models").orElseThrow();
		assertThat(models.template(true, true).templateName()).isEqualTo("SM_ModelManagement_VPC");
		ActivityDefinition endpoints = this.catalog.activity("manage-endpoints").orElseThrow();
		assertThat(endpoints.template(true, true).templateName()).isEqualTo("SM_EndpointDeployment_KMS");
	}

	@Test
	void managedPolicyArnsKeepTheirPath() {
		assertThat(this.catalog.managedPolicy("AmazonSageMakerCanvasDirectDeployAccess").arn("aws"))
			.isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonSageMakerCanvasDirectDeployAccess");
		assertThat(this.catalog.managedPolicy("AmazonSageMakerCanvasForecastAccess").arn("aws-cn"))
			.isEqualTo("arn:aws-cn:iam::aws:policy/service-role/AmazonSageMakerCanvasForecastAccess");
		assertThat(this.catalog.managedPolicy("AmazonSageMakerCanvasBedrockAccess").arn("aws"))
			.isEqualTo("arn:aws:iam::aws:policy/AmazonSageMakerCanvasBedrockAccess");
	}

	@Test
	void correctionsOfThePublishedTemplatesAreApplied() {
		assertThat(this.catalog.corrections()).hasSize(2);
		ActivityDefinition glue = this.catalog.activity("manage-glue-tables").orElseThrow();
		assertThat(glue.base().statements())
			.filteredOn((s) -> s.actions().contains("s3:GetBucketAcl"))
			.singleElement()
			.satisfies((s) -> assertThat(s.resources()).containsExactly("arn:aws:s3:::${S3Buckets}"));
		ActivityDefinition monitor = this.catalog.activity("monitor-models").orElseThrow();
		assertThat(monitor.vpc().statements()).anySatisfy((s) -> assertThat(s.actions())
			.contains("sagemaker:DescribeMonitoringSchedule")
			.doesNotContain("sagemaker:CreateMonitoringSchedule"));
	}

	@Test
	void legacyModelsAreKeptButMarked() {
		assertThat(this.catalog.bedrockModel("ai21.j2-mid-v1").orElseThrow().active()).isFalse();
		assertThat(this.catalog.bedrockModels()).anyMatch(BedrockModel::active);
	}

}
