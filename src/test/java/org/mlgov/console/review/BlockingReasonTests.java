package org.mlgov.console.review;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/** How a blocking finding reads as a reason for refusing a submission: what, where (document and Sid), why. */
class BlockingReasonTests {

	@Test
	void namesTheDocumentAndTheStatementWhenTheFindingHasThem() {
		assertThat(ReviewService.blockingReason(new Finding("UNKNOWN_ACTION", Severity.ERROR,
				"IAM has no action sagemaker:FineTune.", "Team-permissions-1", "SMTraining")))
			.isEqualTo("UNKNOWN_ACTION in Team-permissions-1, statement SMTraining: IAM has no action sagemaker:FineTune.");
		assertThat(ReviewService.blockingReason(new Finding("QUOTA_EXCEEDED", Severity.ERROR,
				"11 managed policies would be attached.", "role", null)))
			.isEqualTo("QUOTA_EXCEEDED in role: 11 managed policies would be attached.");
		assertThat(ReviewService.blockingReason(new Finding("QUOTA_EXCEEDED", Severity.ERROR, "Too much.", null, null)))
			.isEqualTo("QUOTA_EXCEEDED: Too much.");
	}

}
