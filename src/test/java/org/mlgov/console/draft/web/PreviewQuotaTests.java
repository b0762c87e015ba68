package org.mlgov.console.draft.web;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The live preview counts the attachments against the configured quota, not the AWS default of 10. */
@ConsoleTest
@TestPropertySource(properties = "console.iam-quotas.attached-policies=20")
@WithMockUser(username = "admin", roles = "ADMIN")
class PreviewQuotaTests extends WizardStepTest {

	@Override
	WizardStep step() {
		return WizardStep.MODELS;
	}

	@Test
	void thePreviewNamesTheConfiguredAttachmentQuota() throws Exception {
		Draft draft = draft();
		Document page = page(getStep(draft));
		// Canvas core access attaches one AWS managed policy and needs no customer managed one.
		assertThat(page.select("#preview p").first().text())
			.startsWith("0 permission policies, 1 AWS managed, 1 of 20 attachments;");
	}

}
