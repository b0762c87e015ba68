package org.mlgov.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role wizard and the security review in a real browser, through the UI only: an administrator builds a data
 * scientist role over the six steps, leaves after step 3 and resumes where they stopped, reads the generated JSON on
 * the review step; then submits it, cannot approve it themself, a reviewer approves it, and a clone of it is rejected
 * with a reason the author sees in "My drafts" before reworking it. Screenshots: {@code wizard-1-basics} to
 * {@code wizard-6-review}, {@code review-queue}, {@code review-page}, {@code review-rejected},
 * {@code my-drafts-decisions}.
 */
class RoleWizardBrowserTests extends BrowserTestSupport {

	static final String ACCOUNT = "111122223333";

	static final String REGION = "us-east-1";

	static final String ROLE_NAME = "SageMaker-FraudDataScientists";

	static final String PASS_ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-FraudJobs";

	static final String BUCKET = "fraud-training-data";

	static final String SUBNET = "subnet-0a1b2c3d4e5f60718";

	static final String SECURITY_GROUP = "sg-0f1e2d3c4b5a69788";

	static final String DATA_KEY = "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee";

	static final String VOLUME_KEY = "arn:aws:kms:us-east-1:111122223333:key/6666ffff-77aa-88bb-99cc-000000dddddd";

	static final String CLAUDE_SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	static final String CLAUDE_HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	static final List<String> JUMPSTART_IDS = List.of("huggingface-llm-falcon-180b-bf16",
			"huggingface-llm-falcon-180b-chat-bf16");

	static final String JUMPSTART_PATTERN = "huggingface-textgeneration-dolly-v2-*";

	static final String DOMAIN = "d-abc123def456";

	static final String EVALUATION_BUCKET = "fraud-evaluation";

	/** Screenshots larger than this are retaken as the viewport only. */
	static final int MAX_SCREENSHOT_BYTES = 400_000;

	static final Pattern DRAFT_URL = Pattern.compile("/drafts/(\\d+)/steps/");

	@Test
	void anAdministratorBuildsADataScientistRoleLeavesAfterStepThreeResumesAndReadsTheGeneratedPolicies() {
		signIn("admin", "admin-pass");
		long id = startDraft("Fraud team data scientists");
		basics(id, true);
		activities(id, true);
		models(id, true);
		// Step 3 is saved and the wizard shows step 4: the administrator leaves here.
		assertThat(this.page.textContent("#step-title")).isEqualTo("Canvas settings");
		signOut();

		signIn("admin", "admin-pass");
		openMyDrafts();
		Locator row = this.page.locator("#drafts tr[data-draft-id='" + id + "']");
		assertThat(row.locator(".draft-name").textContent()).isEqualTo("Fraud team data scientists");
		assertThat(row.textContent()).contains("Data Scientist", "DRAFT", "4. Canvas settings");
		row.locator("text=Resume").click();
		this.page.waitForURL(url("/drafts/" + id + "/steps/canvas"));
		assertThat(this.page.textContent("#step-title")).isEqualTo("Canvas settings");
		canvas(id, true);
		collaboration(id, true);

		assertThat(this.page.textContent("#step-title")).isEqualTo("Review");
		assertThat(this.page.locator("#incomplete").count()).isZero();
		assertThat(this.page.locator("#blocked").count()).isZero();
		assertThat(this.page.textContent("#role")).contains(ROLE_NAME,
				"arn:aws:iam::" + ACCOUNT + ":role/service-role/" + ROLE_NAME);

		String trust = this.page.textContent("#json-trust-policy");
		assertThat(trust).contains("\"Service\": \"sagemaker.amazonaws.com\"", "\"Action\": \"sts:AssumeRole\"",
				"\"aws:SourceArn\": \"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":*\"");

		// The VPC and KMS customization: job creation is conditioned on the subnet, security group and keys typed.
		String jobs = statementWith("\"sagemaker:VpcSubnets\"");
		assertThat(jobs).contains("\"sagemaker:CreateTrainingJob\"",
				"\"sagemaker:VpcSubnets\": \"" + SUBNET + "\"",
				"\"sagemaker:VpcSecurityGroupIds\": \"" + SECURITY_GROUP + "\"",
				"\"sagemaker:VolumeKmsKeyArn\": \"" + VOLUME_KEY + "\"",
				"\"sagemaker:OutputKmsKeyArn\": \"" + DATA_KEY + "\"");
		assertThat(statementWith("\"iam:PassRole\"")).contains("\"" + PASS_ROLE + "\"");
		assertThat(statementWith("\"Resource\": \"arn:aws:s3:::" + BUCKET + "/*\"")).contains("\"s3:GetObject\"");

		// The guardrails: only the two Claude models picked, and a JumpStart deny list of the ids and the pattern.
		String bedrock = this.page.textContent("#stmt-ModelAccessGuardrails-DenyBedrockExceptAllowedModels pre");
		assertThat(bedrock).contains("\"Effect\": \"Deny\"", "\"NotResource\"", "\"bedrock:InvokeModel\"",
				"\"arn:aws:bedrock:*::foundation-model/" + CLAUDE_SONNET + "\"",
				"\"arn:aws:bedrock:*::foundation-model/" + CLAUDE_HAIKU + "\"",
				"\"arn:aws:bedrock:*:" + ACCOUNT + ":inference-profile/*." + CLAUDE_SONNET + "\"");
		assertThat(bedrock).doesNotContain("foundation-model/anthropic.claude-3");
		String jumpStart = this.page.textContent("#stmt-ModelAccessGuardrails-DenyJumpStartListedModels pre");
		assertThat(jumpStart).contains("\"Effect\": \"Deny\"", "\"sagemaker:CreateEndpoint\"", "\"StringLike\"",
				"\"aws:RequestTag/sagemaker-sdk:jumpstart-model-id\"", "\"" + JUMPSTART_IDS.get(0) + "\"",
				"\"" + JUMPSTART_IDS.get(1) + "\"", "\"" + JUMPSTART_PATTERN + "\"");
		assertThat(this.page.textContent("#summary-lines")).contains(
				"Can invoke 2 Bedrock models: " + CLAUDE_SONNET + ", " + CLAUDE_HAIKU + ".",
				"Cannot deploy these JumpStart models: " + String.join(", ", JUMPSTART_IDS) + ", " + JUMPSTART_PATTERN);
		assertThat(this.page.textContent("#canvas")).contains(DOMAIN);
		assertThat(this.page.textContent("#cors")).contains(EVALUATION_BUCKET);
		assertThat(this.page.locator("#submit-form").count()).isEqualTo(1);
		screenshot("wizard-6-review", "#doc-ModelAccessGuardrails");
	}

	@Test
	void aSubmittedRoleIsApprovedByAReviewerNotItsAuthorAndARejectedCloneComesBackWithTheReason() {
		signIn("admin", "admin-pass");
		long id = startDraft("Fraud team, reviewed");
		basics(id, false);
		activities(id, false);
		models(id, false);
		canvas(id, false);
		collaboration(id, false);

		// An empty justification is refused next to the field; nothing is submitted.
		this.page.fill("#justification", "   ");
		this.page.click("#submit");
		reloaded("#submit-errors");
		this.page.waitForURL(url("/drafts/" + id + "/steps/review"));
		assertThat(this.page.textContent("#submit-errors")).contains("Give a justification of 1 to 2,000 characters.");
		assertThat(this.page.getAttribute("#justification", "class")).contains("is-invalid");
		submit(id, "Fraud detection models, ticket ML-1234");

		// The author sees their submitted draft but cannot decide on it.
		assertThat(this.page.textContent("#message")).contains("Submitted as revision 1");
		assertThat(this.page.textContent("#status")).isEqualTo("SUBMITTED");
		assertThat(this.page.locator("#approve").count()).isZero();
		assertThat(this.page.locator("#reject").count()).isZero();
		assertThat(this.page.textContent("#own-draft")).contains("Nobody approves their own draft.");
		signOut();

		signIn("reviewer", "reviewer-pass");
		openQueueAndReview(id, "Fraud team, reviewed", "Fraud detection models, ticket ML-1234", true);
		assertThat(this.page.textContent("#documents #json-trust-policy")).contains("sagemaker.amazonaws.com");
		assertThat(this.page.textContent("#doc-ModelAccessGuardrails")).contains(CLAUDE_SONNET, JUMPSTART_PATTERN);
		// The reviewer reads the same summary as the author and downloads the documents under names that say what
		// they are, one by one or all in a zip.
		assertThat(this.page.textContent("#summary-lines")).contains(
				"Can invoke 2 Bedrock models: " + CLAUDE_SONNET + ", " + CLAUDE_HAIKU + ".");
		com.microsoft.playwright.Download trust = this.page
			.waitForDownload(() -> this.page.click("#doc-trust-policy a.download"));
		assertThat(trust.suggestedFilename()).isEqualTo(ROLE_NAME + "-trust-policy.json");
		assertThat(readDownload(trust)).isEqualTo(this.page.textContent("#json-trust-policy"));
		com.microsoft.playwright.Download all = this.page.waitForDownload(() -> this.page.click("#download-all"));
		assertThat(all.suggestedFilename()).isEqualTo(ROLE_NAME + "-documents.zip");
		assertThat(zipEntries(all)).startsWith("README.txt", ROLE_NAME + "-trust-policy.json")
			.contains(ROLE_NAME + "-ModelAccessGuardrails.json");
		// A long policy is not in the page twice: its whole text is fetched when "The whole document" is opened.
		Locator fetched = this.page.locator("#documents details.whole-document pre[data-src]");
		assertThat(fetched.count()).isPositive();
		Locator whole = fetched.first();
		String source = whole.getAttribute("data-src");
		assertThat(whole.textContent()).isEmpty();
		whole.locator("xpath=..").locator("summary").click();
		this.page.waitForFunction("(pre) => pre.dataset.fetched === 'true'", whole.elementHandle());
		assertThat(whole.textContent()).isEqualTo(this.page.request().get(url(source)).text())
			.startsWith("{")
			.contains("\"Statement\"");
		assertThat(whole.locator("xpath=..").locator(".fetched-fallback").count()).isZero();
		assertThat(this.page.textContent("#intact")).contains("unchanged");
		screenshot("review-page");
		this.page.fill("#approve-comment", "Least privilege, guardrails in place.");
		this.page.click("#approve");
		reloaded("#message");
		assertThat(this.page.textContent("#message")).isEqualTo("Approved: an ML administrator can now plan and push the revision to AWS.");
		assertThat(this.page.textContent("#status")).isEqualTo("APPROVED");
		assertThat(this.page.textContent("#decisions")).contains("APPROVED", "reviewer",
				"Least privilege, guardrails in place.");
		signOut();

		// A second draft: the author clones the approved one and submits the copy.
		signIn("admin", "admin-pass");
		openMyDrafts();
		this.page.locator("#drafts tr[data-draft-id='" + id + "'] button:has-text('Clone')").click();
		reloaded("#message");
		assertThat(this.page.textContent("#message")).isEqualTo("Cloned as \u201cCopy of Fraud team, reviewed\u201d.");
		Locator copyRow = this.page.locator("#drafts tbody tr",
				new Page.LocatorOptions().setHasText("Copy of Fraud team, reviewed"));
		long copy = Long.parseLong(copyRow.getAttribute("data-draft-id"));
		assertThat(copyRow.textContent()).contains("DRAFT", "6. Review");
		copyRow.locator("text=Resume").click();
		this.page.waitForURL(url("/drafts/" + copy + "/steps/review"));
		submit(copy, "Same role for the second fraud team");
		signOut();

		// The reviewer rejects it: first without a reason (refused), then with one.
		signIn("reviewer", "reviewer-pass");
		openQueueAndReview(copy, "Copy of Fraud team, reviewed", "Same role for the second fraud team", false);
		this.page.click("#reject");
		reloaded("#reason-error");
		assertThat(this.page.textContent("#reason-error")).isEqualTo("Give the author a reason for the rejection.");
		assertThat(this.page.textContent("#status")).isEqualTo("SUBMITTED");
		this.page.fill("#reason", "The second team must not deploy Falcon 180B either: use the first role.");
		this.page.click("#reject");
		reloaded("#message");
		assertThat(this.page.textContent("#message")).isEqualTo("Rejected; the author sees your reason.");
		assertThat(this.page.textContent("#status")).isEqualTo("REJECTED");
		signOut();

		// The author reads the decisions in "My drafts" and can rework the rejected draft.
		signIn("admin", "admin-pass");
		openMyDrafts();
		assertThat(this.page.textContent("#drafts tr[data-draft-id='" + id + "'] .draft-status")).contains("APPROVED",
				"Approved by reviewer");
		assertThat(this.page.textContent("#drafts tr[data-draft-id='" + copy + "'] .draft-status")).contains("REJECTED",
				"Rejected by reviewer: The second team must not deploy Falcon 180B either: use the first role.");
		screenshot("my-drafts-decisions");
		this.page.locator("#drafts tr[data-draft-id='" + copy + "'] >> text=Open review").click();
		this.page.waitForURL(url("/reviews/" + copy));
		assertThat(this.page.textContent("#status")).isEqualTo("REJECTED");
		assertThat(this.page.textContent("#decisions")).contains("REJECTED", "reviewer",
				"The second team must not deploy Falcon 180B either");
		assertThat(this.page.textContent("#rework button")).isEqualTo("Rework the draft");
		screenshot("review-rejected");
		this.page.click("#rework button");
		this.page.waitForURL(url("/drafts/" + copy + "/steps/basics"));
		assertThat(this.page.textContent("#saved")).contains("editable again");
		openMyDrafts();
		assertThat(this.page.textContent("#drafts tr[data-draft-id='" + copy + "'] .draft-status")).contains("DRAFT",
				"Reworking after a rejection by reviewer");
	}

	/** "My drafts": starts a draft by name and returns its id, from the URL of step 1. */
	long startDraft(String name) {
		openMyDrafts();
		this.page.fill("#name", name);
		this.page.click("#new-draft button[type=submit]");
		this.page.waitForURL("**/drafts/*/steps/basics");
		Matcher matcher = DRAFT_URL.matcher(this.page.url());
		assertThat(matcher.find()).as(this.page.url()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	void openMyDrafts() {
		this.page.click("#nav-items >> text=My drafts");
		this.page.waitForURL(url("/drafts"));
	}

	/** Step 1: where the role lives, its name, the Data Scientist persona. */
	void basics(long id, boolean screenshot) {
		assertThat(this.page.textContent("#step-title")).isEqualTo("Role and persona");
		this.page.fill("#accountId", ACCOUNT);
		this.page.fill("#region", REGION);
		this.page.fill("#roleName", ROLE_NAME);
		this.page.fill("#description", "Data scientists of the fraud team");
		this.page.check("#persona-data-scientist");
		previewSettled();
		assertThat(this.page.textContent("#preview")).doesNotContain("accountId").doesNotContain("roleName");
		if (screenshot) {
			screenshot("wizard-1-basics");
		}
		next(id, "activities");
	}

	/**
	 * Step 2: the persona's activities are preselected; their roles to pass and bucket, the VPC (subnet, security
	 * group) and KMS (data and volume keys) customization.
	 */
	void activities(long id, boolean screenshot) {
		assertThat(this.page.textContent("#step-title")).isEqualTo("ML activities");
		for (String activity : List.of("run-studio-apps", "manage-jobs", "manage-models", "s3-bucket-access")) {
			assertThat(this.page.isChecked("#activity-" + activity)).as(activity).isTrue();
		}
		for (String activity : List.of("run-studio-apps", "manage-jobs", "manage-models")) {
			this.page.fill("#block-" + activity + " input[name$='.passRoles[0]']", PASS_ROLE);
		}
		this.page.fill("#block-s3-bucket-access input[name$='.s3Buckets[0]']", BUCKET);
		assertThat(this.page.isVisible("#subnetIds0")).isFalse();
		this.page.check("#vpcEnabled");
		this.page.fill("#subnetIds0", SUBNET);
		this.page.fill("#securityGroupIds0", SECURITY_GROUP);
		this.page.check("#kmsEnabled");
		this.page.fill("#dataKeyArns0", DATA_KEY);
		this.page.fill("#volumeKeyArns0", VOLUME_KEY);
		assertThat(this.page.isVisible("#subnetIds0")).isTrue();
		assertThat(this.page.isVisible("#vpcEnabled-applies-to .applies-to-some")).isTrue();
		previewSettled();
		assertThat(this.page.textContent("#preview .card-body")).contains("permission policies");
		if (screenshot) {
			// The whole page: the activities with their values and the VPC and KMS customization below them.
			super.screenshot("wizard-2-activities");
		}
		next(id, "models");
	}

	/**
	 * Step 3: Bedrock allows only two Claude models, found with the picker's search box; JumpStart denies two
	 * catalogued models and a pattern typed in a row added for it.
	 */
	void models(long id, boolean screenshot) {
		assertThat(this.page.textContent("#step-title")).isEqualTo("Generative models");
		this.page.check("#bedrock-mode-ALLOW_LISTED");
		this.page.fill("input[data-filter='bedrock-options']", "claude");
		int shown = this.page.locator("#bedrock-options [data-filter-text]:visible").count();
		assertThat(shown).isEqualTo(this.page.locator("#bedrock-options [data-filter-text*='claude']").count())
			.isLessThan(this.page.locator("#bedrock-options [data-filter-text]").count());
		this.page.check("#bedrock-options input[value='" + CLAUDE_SONNET + "']");
		this.page.check("#bedrock-options input[value='" + CLAUDE_HAIKU + "']");
		// The live summary, recomputed by htmx from the unsaved form, counts what is ticked.
		this.page.waitForFunction("() => document.querySelector('#bedrock-summary .model-counts').textContent"
				+ ".startsWith('Canvas users can invoke 2 of ')");

		this.page.check("#jumpStart-mode-DENY_LISTED");
		// The list of patterns starts with one empty row to type in.
		assertThat(this.page.inputValue("[name='jumpStart.patterns[0]']")).isEmpty();
		assertThat(this.page.isChecked("#bedrock-mode-ALLOW_LISTED")).isTrue();
		assertThat(this.page.isChecked("#bedrock-options input[value='" + CLAUDE_SONNET + "']")).isTrue();
		assertThat(this.page.isChecked("#bedrock-options input[value='" + CLAUDE_HAIKU + "']")).isTrue();
		assertThat(this.page.isChecked("#jumpStart-mode-DENY_LISTED")).isTrue();
		this.page.fill("[name='jumpStart.patterns[0]']", JUMPSTART_PATTERN);
		this.page.fill("input[data-filter='jumpStart-options']", "falcon-180b");
		assertThat(this.page.locator("#jumpStart-options [data-filter-text]:visible").count()).isEqualTo(2);
		for (String model : JUMPSTART_IDS) {
			this.page.check("#jumpStart-options input[value='" + model + "']");
		}
		// Two ticked ids and the three dolly-v2 models of the pattern, as the live summary counts them.
		this.page.waitForFunction("() => document.querySelector('#jumpStart-summary .model-denied').textContent"
				+ " === '5 denied.'");
		// The page as it is saved: the Claude models found again, scrolled into view in their list.
		this.page.fill("input[data-filter='bedrock-options']", "claude");
		this.page.locator("#bedrock-options input[value='" + CLAUDE_SONNET + "']").scrollIntoViewIfNeeded();
		previewSettled();
		if (screenshot) {
			screenshot("wizard-3-models");
		}
		next(id, "canvas");
	}

	/** Step 4: ready-to-use models for the domain's default settings. */
	void canvas(long id, boolean screenshot) {
		assertThat(this.page.textContent("#step-title")).isEqualTo("Canvas settings");
		this.page.check("input[type=checkbox][name='readyToUseModels']");
		this.page.fill("#domainId", DOMAIN);
		this.page.check("input[type=checkbox][name='domainDefault']");
		previewSettled();
		assertThat(this.page.textContent("#preview")).contains("CanvasAppSettings");
		if (screenshot) {
			screenshot("wizard-4-canvas");
		}
		next(id, "collaboration");
	}

	/** Step 5: automatic model evaluation, with the bucket that gets the CORS rule. */
	void collaboration(long id, boolean screenshot) {
		assertThat(this.page.textContent("#step-title")).isEqualTo("Collaboration and evaluation");
		this.page.check("input[type=checkbox][name='automatic']");
		// Both lists start with one empty row (adding rows in place: WizardUsabilityBrowserTests).
		this.page.fill("#corsBuckets0", EVALUATION_BUCKET);
		assertThat(this.page.inputValue("#corsBuckets0")).isEqualTo(EVALUATION_BUCKET);
		this.page.fill("#corsAllowedOrigins0", "https://*.console.aws.amazon.com");
		previewSettled();
		// The CORS rule beside the field is the one of the origin typed, not the guide's "*".
		assertThat(this.page.textContent("#cors-rules")).contains("\"https://*.console.aws.amazon.com\"");
		assertThat(this.page.locator("#origin-warning .alert").count()).isZero();
		if (screenshot) {
			screenshot("wizard-5-collaboration");
		}
		next(id, "review");
	}

	/**
	 * Saves the step with "Next" and waits for the next one. A refused step comes back (400) with its errors: the
	 * failure then says which.
	 */
	void next(long id, String nextStep) {
		this.page.click("#next");
		try {
			this.page.waitForURL(url("/drafts/" + id + "/steps/" + nextStep));
		}
		catch (PlaywrightException ex) {
			throw new AssertionError("Did not reach step " + nextStep + "; the page shows: "
					+ this.page.locator(".invalid-feedback, .alert-danger, .text-danger").allTextContents(), ex);
		}
		assertThat(this.page.textContent("#saved")).startsWith("Saved");
		axe();
	}

	/**
	 * Waits for the page that a form posted to the same URL comes back with (a row added, a refusal, a decision):
	 * until it shows {@code selector}, which the page before did not, and is loaded, scripts included.
	 */
	void reloaded(String selector) {
		this.page.waitForSelector(selector);
		this.page.waitForLoadState();
		axe();
	}

	/** On the review step: submits with a justification and lands on the review page. */
	void submit(long id, String justification) {
		this.page.fill("#justification", justification);
		this.page.click("#submit");
		this.page.waitForURL(url("/reviews/" + id));
	}

	/** The reviewer's queue lists the draft; opens its review page. */
	void openQueueAndReview(long id, String name, String justification, boolean screenshot) {
		this.page.click("#nav-items >> text=Review queue");
		this.page.waitForURL(url("/reviews"));
		Locator row = this.page.locator("#queue tr[data-draft-id='" + id + "']");
		assertThat(row.textContent()).contains(name, "admin", justification, "0 of 1");
		if (screenshot) {
			screenshot("review-queue");
		}
		row.locator(".review-link").click();
		this.page.waitForURL(url("/reviews/" + id));
		assertThat(this.page.textContent("#status")).isEqualTo("SUBMITTED");
		assertThat(this.page.locator("#approve").isEnabled()).isTrue();
	}

	/** The text of the one generated permission statement on the review step that contains {@code text}. */
	String statementWith(String text) {
		List<String> statements = this.page.locator("#documents .statement pre")
			.allTextContents()
			.stream()
			.filter((s) -> s.contains(text))
			.toList();
		assertThat(statements).as("statements containing " + text).isNotEmpty();
		return statements.get(0);
	}

	@Override
	void screenshot(String name) {
		screenshot(name, null);
	}

	/**
	 * A full-page screenshot, or, when that is larger than {@value #MAX_SCREENSHOT_BYTES} bytes, the viewport only,
	 * scrolled to the top of {@code scrollTo} if given.
	 */
	void screenshot(String name, String scrollTo) {
		super.screenshot(name);
		try {
			if (Files.size(SCREENSHOTS.resolve(name + ".png")) > MAX_SCREENSHOT_BYTES) {
				if (scrollTo != null) {
					// Instant: Bootstrap makes scrolling smooth, and the screenshot would catch it half-way.
					this.page.locator(scrollTo)
						.evaluate("(e) => e.scrollIntoView({ block: 'start', behavior: 'instant' })");
				}
				this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String readDownload(com.microsoft.playwright.Download download) {
		try {
			return Files.readString(download.path());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> zipEntries(com.microsoft.playwright.Download download) {
		List<String> names = new java.util.ArrayList<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(download.path()))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

}
