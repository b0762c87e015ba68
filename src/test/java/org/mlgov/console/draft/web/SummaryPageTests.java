package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.GeneratedPolicy;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.IamQuotas;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;

/** The review step's parts that need no application: which step owns a field, and the colour of a size bar. */
class SummaryPageTests {

	private static WizardStep step(String field) {
		return SummaryPage.stepOf(new FieldError(field, "message"));
	}

	@Test
	void eachFieldIsFixedOnTheStepThatEntersIt() {
		assertThat(List.of("accountId", "region", "partition", "roleName", "rolePath", "description", "tags[1].key",
				"maxSessionDurationSeconds", "permissionsBoundaryArn", "persona", ""))
			.allSatisfy((field) -> assertThat(step(field)).as(field).isEqualTo(WizardStep.BASICS));
		assertThat(step("activities[2].parameters.S3Buckets[0]")).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(step("vpc.subnetIds[0]")).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(step("kms.dataKeyArns")).isEqualTo(WizardStep.ACTIVITIES);
		assertThat(step("bedrock.allowed[3]")).isEqualTo(WizardStep.MODELS);
		assertThat(step("jumpStart.mode")).isEqualTo(WizardStep.MODELS);
		assertThat(step("canvas.bedrockRoleArn")).isEqualTo(WizardStep.CANVAS);
		assertThat(step("collaboration.scope")).isEqualTo(WizardStep.COLLABORATION);
		assertThat(step("evaluation.corsBuckets[0]")).isEqualTo(WizardStep.COLLABORATION);
	}

	private static SummaryDocuments.DocumentView sized(int size, int quota) {
		return new SummaryDocuments.DocumentView("p", "p", "p", "Inline policy", "{}", size, quota, List.of(),
				List.of());
	}

	@Test
	void theSizeBarWarnsFromNinetyPercentAndIsDangerAboveTheQuota() {
		assertThat(sized(9215, 10240).barClass()).isEmpty();
		assertThat(sized(9216, 10240).barClass()).isEqualTo("bg-warning");
		assertThat(sized(10240, 10240).barClass()).isEqualTo("bg-warning");
		assertThat(sized(10241, 10240).barClass()).isEqualTo("bg-danger");
		assertThat(sized(10241, 10240).barWidth()).isEqualTo(100);
		assertThat(sized(10239, 10240).sizeText()).isEqualTo("10,239 of 10,240 characters (99 %)");
		assertThat(sized(10240, 10240).sizeText()).isEqualTo("10,240 of 10,240 characters (100 %)");
		assertThat(sized(10241, 10240).sizeText()).isEqualTo("10,241 of 10,240 characters (101 %)");
		assertThat(sized(20480, 10240).sizeText()).isEqualTo("20,480 of 10,240 characters (200 %)");
		assertThat(sized(0, 0).sized()).isFalse();
	}

	@Test
	void anInlinePolicyOfSeveralIsMeasuredWithTheOthersAgainstTheInlineAggregate() {
		SummaryDocuments.DocumentView part = new SummaryDocuments.DocumentView("p", "p", "p", "Inline policy", "{}", 1301,
				10240, 9500, List.of(), List.of());
		assertThat(part.percent()).isEqualTo(92);
		assertThat(part.barClass()).isEqualTo("bg-warning");
		assertThat(part.sizeText()).isEqualTo(
				"1,301 characters; with the role's other inline policies 9,500 of the 10,240-character inline aggregate "
						+ "(92 %)");
	}

	@Test
	void theReviewMeasuresEachOfTwoInlinePoliciesByTheirSum() {
		// Every activity with 100 buckets needs 11 attachments; with 10 allowed, one managed policy moves inline.
		GenerationResult result = new PolicyGenerator(CatalogLoader.loadDefault(), IamQuotas.DEFAULTS)
			.generate(TestSpecs.everyActivity("SageMaker-Everything", 100,
					new ModelAccess(AccessMode.ALLOW_LISTED, List.of("amazon.nova-pro-v1:0"), List.of(), false), null));
		List<GeneratedPolicy> inline = result.inlinePolicies();
		assertThat(inline).hasSize(2);
		int sum = inline.get(0).size() + inline.get(1).size();

		SummaryDocuments documents = SummaryDocuments.of(result);
		for (GeneratedPolicy policy : inline) {
			SummaryDocuments.DocumentView view = documents.find(policy.name()).orElseThrow();
			assertThat(view.size()).isEqualTo(policy.size());
			assertThat(view.measured()).isEqualTo(sum);
			assertThat(view.sizeText()).startsWith(String.format(Locale.ROOT, "%,d characters; ", policy.size()))
				.contains(String.format(Locale.ROOT, "%,d of the 10,240-character inline aggregate", sum));
		}
		GeneratedPolicy managed = result.customerManagedPolicies().get(0);
		assertThat(documents.find(managed.name()).orElseThrow().measured()).isEqualTo(managed.size());
	}

}
