package org.mlgov.console.draft.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.GeneratedPolicy;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Step 6 of the wizard, the review, and the download of the generated documents, through the web layer. */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class SummaryStepTests {

	private static final String TRUST_POLICY = """
			{
			  "Version": "2012-10-17",
			  "Statement": [
			    {
			      "Sid": "SageMakerAssumeRole",
			      "Effect": "Allow",
			      "Principal": {
			        "Service": "sagemaker.amazonaws.com"
			      },
			      "Action": "sts:AssumeRole",
			      "Condition": {
			        "ArnLike": {
			          "aws:SourceArn": "arn:aws:sagemaker:us-east-1:111122223333:*"
			        }
			      }
			    },
			    {
			      "Sid": "BedrockAssumeRole",
			      "Effect": "Allow",
			      "Principal": {
			        "Service": "bedrock.amazonaws.com"
			      },
			      "Action": "sts:AssumeRole",
			      "Condition": {
			        "StringEquals": {
			          "aws:SourceAccount": "111122223333"
			        }
			      }
			    },
			    {
			      "Sid": "ForecastAssumeRole",
			      "Effect": "Allow",
			      "Principal": {
			        "Service": "forecast.amazonaws.com"
			      },
			      "Action": "sts:AssumeRole",
			      "Condition": {
			        "StringEquals": {
			          "aws:SourceAccount": "111122223333"
			        }
			      }
			    }
			  ]
			}
			""";

	private static final CanvasTargets TARGETS = new CanvasTargets("d-abc123", true, List.of("alice"));

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	PolicyGenerator generator;

	@Autowired
	Catalog catalog;

	/** A draft of admin's that went through steps 1 to 5, each adding its part of {@code full}. */
	private Draft reviewed(RoleSpec full, RoleMode mode, CanvasTargets targets) {
		Draft draft = this.drafts.start("Review test", "admin");
		RoleSpec basics = full.toBuilder()
			.activities(List.of())
			.vpc(null)
			.kms(null)
			.bedrock(null)
			.jumpStart(null)
			.canvas(null)
			.collaboration(null)
			.evaluation(null)
			.build();
		draft = save(draft, WizardStep.BASICS, basics, mode, CanvasTargets.none());
		RoleSpec activities = basics.toBuilder().activities(full.activities()).vpc(full.vpc()).kms(full.kms()).build();
		draft = save(draft, WizardStep.ACTIVITIES, activities, mode, CanvasTargets.none());
		RoleSpec models = activities.withBedrock(full.bedrock()).withJumpStart(full.jumpStart());
		draft = save(draft, WizardStep.MODELS, models, mode, CanvasTargets.none());
		RoleSpec canvas = models.withCanvas(full.canvas());
		draft = save(draft, WizardStep.CANVAS, canvas, mode, targets);
		draft = save(draft, WizardStep.COLLABORATION, full, mode, targets);
		assertThat(draft.stepReached()).isEqualTo(WizardStep.SUMMARY);
		return draft;
	}

	private Draft save(Draft draft, WizardStep step, RoleSpec spec, RoleMode mode, CanvasTargets targets) {
		return this.drafts.saveStep(draft.id(), step, new DraftContent(spec, mode, targets), draft.version(), "admin");
	}

	private Document page(long id) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/drafts/{id}/steps/review", id))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private MockHttpServletResponse download(long id, String name) throws Exception {
		return this.mvc.perform(get("/drafts/{id}/documents/{name}", id, name)).andReturn().getResponse();
	}

	@Test
	void theReviewShowsTheSummaryAndEveryDocumentWithItsSize() throws Exception {
		Draft draft = reviewed(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE, TARGETS);
		Document page = page(draft.id());
		assertThat(page.select("#step-title").text()).isEqualTo("Review");
		assertThat(page.select("#json-trust-policy").first().wholeText()).isEqualTo(TRUST_POLICY);
		assertThat(page.select("#summary-role").text())
			.isEqualTo("Creates role SageMaker-DataScientist in account 111122223333 (path /service-role/).");
		assertThat(page.select("#summary-trust").text())
			.isEqualTo("Trusted by sagemaker.amazonaws.com, bedrock.amazonaws.com, forecast.amazonaws.com.");
		assertThat(page.select("#summary-bedrock").text()).isEqualTo("Can invoke 3 Bedrock models: "
				+ "amazon.titan-text-express-v1, anthropic.claude-3-5-sonnet-20240620-v1:0, meta.llama3-70b-instruct-v1:0.");
		assertThat(page.select("#summary-canvas-targets").text()).isEqualTo(
				"The Canvas settings apply to the default user settings of domain d-abc123 and to the user profile alice.");
		assertThat(page.select("#canvas-targets").text()).isEqualTo(page.select("#summary-canvas-targets").text());
		assertThat(page.select("#catalog-version code").text()).isEqualTo(this.catalog.version());
		assertThat(page.select("#blocked")).isEmpty();
		assertThat(page.select("#incomplete")).isEmpty();

		assertSizeBar(page, "ModelAccessGuardrails", "", "10%", "1,102 of 10,240 characters (10 %)");
		assertSizeBar(page, "SageMaker-DataScientist-permissions-1", "bg-warning", "99%",
				"6,139 of 6,144 characters (99 %)");
		assertSizeBar(page, "SageMaker-DataScientist-permissions-2", "", "55%", "3,392 of 6,144 characters (55 %)");
		assertThat(page.select("#doc-SageMaker-DataScientist-permissions-1 .document-kind").text())
			.isEqualTo("Customer managed policy");
		assertThat(page.select("#doc-ModelAccessGuardrails .document-kind").text()).isEqualTo("Inline policy");
		// A long policy's statements start folded with their count; the trust policy's two stay open.
		org.jsoup.nodes.Element permissions = page.selectFirst("#doc-SageMaker-DataScientist-permissions-1 details.statements");
		int statements = permissions.select(".statement").size();
		assertThat(statements).isGreaterThan(3);
		assertThat(permissions.hasAttr("open")).isFalse();
		assertThat(permissions.selectFirst("summary").text()).startsWith(statements + " statements");
		assertThat(page.selectFirst("#doc-trust-policy details.statements").hasAttr("open")).isTrue();
		assertThat(page.select("#aws-managed-policies li")).hasSize(5)
			.first()
			.extracting(Element::text)
			.isEqualTo("arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess");
		assertThat(page.select("#bedrock-role").text())
			.contains("arn:aws:iam::111122223333:role/service-role/AmazonSagemakerCanvasBedrockRole-SageMaker-DataScientist");
		assertThat(page.select("#doc-bedrock-role-trust-policy pre").first().text()).contains("bedrock.amazonaws.com");
		assertThat(page.select("#json-canvas-app-settings").text()).contains("\"DirectDeploySettings\"");
		assertThat(page.select("#cors .document")).extracting((e) -> e.id())
			.containsExactly("doc-cors-sagemaker-us-east-1-111122223333", "doc-cors-ml-eval-bucket");
		assertThat(page.select("#doc-cors-ml-eval-bucket .document-findings").text()).contains("CORS_WILDCARD_ORIGIN");

		assertThat(page.select("button.copy[data-copy-target=json-trust-policy]")).singleElement()
			.satisfies((button) -> assertThat(button.hasAttr("hidden")).isTrue());
		assertThat(page.select("#doc-trust-policy a.download").attr("href"))
			.isEqualTo("/drafts/" + draft.id() + "/documents/trust-policy");
		assertThat(page.select("#back").attr("href")).isEqualTo("/drafts/" + draft.id() + "/steps/collaboration");
		assertThat(page.select("#my-drafts").attr("href")).isEqualTo("/drafts");
		// The only form of the page is the submission (the documents are read, never edited here).
		assertThat(page.select("#review form")).extracting((form) -> form.id()).containsExactly("submit-form");
		assertThat(page.select("#read-only")).isEmpty();
	}

	@Test
	void aLongDocumentIsWrittenOnceAndFetchedWholeWhenOpened() throws Exception {
		Draft draft = reviewed(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE, TARGETS);
		GenerationResult result = this.generator.generate(draft.content().spec());
		GeneratedPolicy longest = result.policies()
			.stream()
			.filter((p) -> p.name().equals("SageMaker-DataScientist-permissions-1"))
			.findFirst()
			.orElseThrow();
		assertThat(longest.json().length()).isGreaterThan(SummaryDocuments.DocumentView.INLINE_WHOLE_LIMIT);
		Document page = page(draft.id());

		// Its statements are in the page; its whole text is not, but its URL is, and that URL answers exactly it.
		Element card = page.getElementById("doc-" + longest.name());
		assertThat(card.select(".statement pre")).isNotEmpty();
		Element whole = card.selectFirst("details.whole-document pre");
		assertThat(whole.id()).isEqualTo("json-" + longest.name());
		assertThat(whole.wholeText()).isEmpty();
		String url = "/drafts/" + draft.id() + "/documents/" + longest.name();
		assertThat(whole.attr("data-src")).isEqualTo(url);
		assertThat(card.select("details.whole-document .fetched-fallback a").attr("href")).isEqualTo(url);
		assertThat(download(draft.id(), longest.name()).getContentAsString()).isEqualTo(longest.json());
		// A short document (the trust policy) is still written whole, and the page no longer carries the long one
		// twice.
		assertThat(page.selectFirst("#json-trust-policy").hasAttr("data-src")).isFalse();
		assertThat(page.html()).doesNotContain(longest.json().substring(0, 200));
	}

	private static void assertSizeBar(Document page, String policy, String colour, String width, String text) {
		Element card = page.getElementById("doc-" + policy);
		assertThat(card).as(policy).isNotNull();
		Element bar = card.selectFirst(".progress-bar");
		assertThat(bar).as(policy).isNotNull();
		List<String> colours = List.of("bg-warning", "bg-danger");
		assertThat(bar.classNames()).as(policy)
			.filteredOn(colours::contains)
			.containsExactlyElementsOf(colour.isEmpty() ? List.of() : List.of(colour));
		assertThat(bar.attr("style")).as(policy).isEqualTo("width: " + width);
		assertThat(card.select(".size-text").text()).as(policy).isEqualTo(text);
	}

	@Test
	void findingsAreGroupedBySeverityAndShownUnderTheirStatements() throws Exception {
		Draft draft = reviewed(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE, TARGETS);
		Document page = page(draft.id());
		String anchor = "stmt-SageMaker-DataScientist-permissions-1-SMCommonJobManagement2";
		Element statement = page.getElementById(anchor);
		assertThat(statement).isNotNull();
		assertThat(statement.selectFirst("pre").wholeText()).startsWith("{\n  \"Sid\": \"SMCommonJobManagement2\",\n");
		assertThat(statement.select(".statement-findings li")).singleElement()
			.satisfies((li) -> assertThat(li.text()).startsWith("WARNING VPC_NOT_BINDABLE Manage ML Jobs: IAM cannot "
					+ "bind sagemaker:CreateTransformJob"));
		assertThat(page.select("#stmt-SageMaker-DataScientist-permissions-1-SMCommonJobManagement1 .statement-findings"))
			.isEmpty();
		assertThat(page.select("#findings > details")).extracting(Element::id)
			.containsExactly("findings-warning", "findings-info");
		Element link = page.selectFirst("#findings-warning a[href=#" + anchor + "]");
		assertThat(link).isNotNull();
		assertThat(link.closest("li").text()).contains("VPC_NOT_BINDABLE");
		assertThat(link.text()).isEqualTo("(SageMaker-DataScientist-permissions-1, statement SMCommonJobManagement2)");
		assertThat(page.select("#findings-warning .badge.text-bg-warning")).isNotEmpty();
		assertThat(page.select("#findings-info li").text()).contains("BEDROCK_ALLOW_LIST_SCOPE");
	}

	@Test
	void aRoleAwsWouldRejectIsBlocked() throws Exception {
		List<String> models = IntStream.range(0, 250)
			.mapToObj((i) -> String.format("acme.an-extremely-long-model-identifier-that-is-unusual-%03d-v1:0", i))
			.toList();
		RoleSpec spec = TestSpecs.custom("SageMaker-Quota")
			.activities(List.of())
			.bedrock(new ModelAccess(AccessMode.ALLOW_LISTED, models, null, false))
			.build();
		Draft draft = reviewed(spec, RoleMode.UPDATE_EXISTING, CanvasTargets.none());
		Document page = page(draft.id());
		assertThat(page.select("#blocked").text()).isEqualTo(
				"Blocked. AWS would reject this role: fix the findings marked ERROR before it can be submitted.");
		assertThat(page.select("#findings > details")).extracting(Element::id)
			.containsExactly("findings-error", "findings-warning", "findings-info");
		assertThat(page.select("#findings-error li")).singleElement()
			.satisfies((li) -> assertThat(li.text()).contains("QUOTA_EXCEEDED"));
		assertThat(page.select("#findings-error .badge.text-bg-danger")).isNotEmpty();
		assertThat(page.select("#findings-error a").attr("href")).isEqualTo("#doc-SageMaker-Quota-permissions-1");
		assertSizeBar(page, "SageMaker-Quota-permissions-1", "bg-danger", "100%", "26,052 of 6,144 characters (425 %)");
		assertThat(page.select("#doc-SageMaker-Quota-permissions-1 .document-findings").text())
			.contains("QUOTA_EXCEEDED");
		assertThat(page.select("#summary-role").text())
			.isEqualTo("Updates the existing role SageMaker-Quota in account 111122223333 (path /service-role/).");
		assertThat(page.select("#summary-bedrock").text())
			.isEqualTo("Can invoke no catalogued Bedrock model: the allow list matches none of them.");
	}

	@Test
	void anIncompleteSpecificationListsTheFieldsToFixWithTheirSteps() throws Exception {
		RoleSpec full = TestSpecs.dataScientistEverything();
		RoleSpec incomplete = full.toBuilder()
			.accountId(null)
			.rolePath(null)
			.description(null)
			.tags(null)
			.maxSessionDurationSeconds(null)
			.permissionsBoundaryArn(null)
			.evaluation(new RoleSpec.EvaluationSettings(true, false, List.of("Not_A_Bucket"), null, null))
			.build();
		Draft draft = reviewed(incomplete, RoleMode.NEW_ROLE, TARGETS);
		Document page = page(draft.id());
		assertThat(page.select("#incomplete h2").text()).isEqualTo("The specification is not complete yet");
		assertThat(page.select("#missing-fields li")).extracting((li) -> li.selectFirst(".missing-field").text())
			.containsExactly("AWS account id", "S3 buckets that get the CORS rule, row 1");
		assertThat(page.select("#missing-fields a.step-link")).extracting((a) -> a.attr("href"))
			.containsExactly("/drafts/" + draft.id() + "/steps/basics",
					"/drafts/" + draft.id() + "/steps/collaboration");
		assertThat(page.select("#missing-fields a.step-link").first().text()).isEqualTo("Step 1: Role and persona");
		assertThat(page.select("#summary, #documents, #findings, #blocked")).isEmpty();
		assertThat(download(draft.id(), "trust-policy").getStatus()).isEqualTo(404);
	}

	@Test
	void eachDocumentDownloadsAsItsExactJson() throws Exception {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		Draft draft = reviewed(spec, RoleMode.NEW_ROLE, TARGETS);
		GenerationResult result = this.generator.generate(spec);
		MockHttpServletResponse trust = download(draft.id(), "trust-policy");
		assertThat(trust.getStatus()).isEqualTo(200);
		assertThat(trust.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"SageMaker-DataScientist-trust-policy.json\"");
		assertThat(trust.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(trust.getContentAsString()).isEqualTo(TRUST_POLICY);
		for (GeneratedPolicy policy : result.policies()) {
			MockHttpServletResponse response = download(draft.id(), policy.name());
			assertThat(response.getHeader("Content-Disposition"))
				.isEqualTo("attachment; filename=\"SageMaker-DataScientist-" + policy.name() + ".json\"");
			assertThat(response.getContentAsString()).isEqualTo(policy.json());
		}
		assertThat(download(draft.id(), "canvas-app-settings").getContentAsString())
			.isEqualTo(result.canvasAppSettingsJson());
		assertThat(download(draft.id(), "bedrock-role-trust-policy").getContentAsString())
			.isEqualTo(result.bedrockRole().trustPolicyJson());
		MockHttpServletResponse cors = download(draft.id(), "cors-ml-eval-bucket");
		assertThat(cors.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"SageMaker-DataScientist-cors-ml-eval-bucket.json\"");
		assertThat(cors.getContentAsString()).isEqualTo(result.cors().get(1).json()).contains("\"GET\"");
		assertThat(download(draft.id(), "no-such-document").getStatus()).isEqualTo(404);
		assertThat(download(draft.id(), "cors:ml-eval-bucket").getStatus()).isEqualTo(404);

		// Download all: a zip of every document under the same names, and a README that says what each is.
		MockHttpServletResponse zip = this.mvc.perform(get("/drafts/{id}/documents.zip", draft.id())).andReturn()
			.getResponse();
		assertThat(zip.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"SageMaker-DataScientist-documents.zip\"");
		assertThat(zip.getContentType()).isEqualTo("application/zip");
		java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip.getContentAsByteArray()))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		assertThat(entries.keySet()).startsWith("README.txt", "SageMaker-DataScientist-trust-policy.json")
			.contains("SageMaker-DataScientist-canvas-app-settings.json",
					"SageMaker-DataScientist-cors-ml-eval-bucket.json");
		assertThat(entries.get("SageMaker-DataScientist-trust-policy.json")).isEqualTo(TRUST_POLICY);
		assertThat(entries.get("README.txt")).contains("The generated documents of role SageMaker-DataScientist",
				"SageMaker-DataScientist-trust-policy.json\n    Trust policy: Trust policy of SageMaker-DataScientist");
		assertThat(entries).hasSize(4 + result.policies().size() + result.cors().size());
	}

	@Test
	void theAuthorIsSentToTheStepReachedBeforeTheReview() throws Exception {
		Draft draft = this.drafts.start("Not finished", "admin");
		MockHttpServletResponse response = this.mvc.perform(get("/drafts/{id}/steps/review", draft.id()))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/drafts/" + draft.id() + "/steps/basics");
	}

	@Test
	@WithMockUser(username = "admin2", roles = "ADMIN")
	void anotherAdministratorReadsTheReviewAndDownloads() throws Exception {
		Draft draft = reviewed(TestSpecs.dataScientistEverything(), RoleMode.NEW_ROLE, TARGETS);
		Draft started = this.drafts.start("Just started", "admin");
		Document page = page(draft.id());
		assertThat(page.select("#read-only").text()).contains("admin's draft read-only");
		assertThat(page.select("#back").attr("href")).isEqualTo("/drafts/" + draft.id() + "/steps/collaboration");
		assertThat(page.select("#submission, #submit-form")).isEmpty();
		assertThat(page.select("#my-drafts")).hasSize(1);
		assertThat(page.select("#json-trust-policy").first().wholeText()).isEqualTo(TRUST_POLICY);
		MockHttpServletResponse trust = download(draft.id(), "trust-policy");
		assertThat(trust.getStatus()).isEqualTo(200);
		assertThat(trust.getContentAsString()).isEqualTo(TRUST_POLICY);

		// A draft its author has not finished: the read-only review says what is missing, with links to the step
		// where each is entered (step 1, the step reached, which readers can read).
		Document unfinished = page(started.id());
		assertThat(unfinished.select("#missing-fields li")).isNotEmpty();
		assertThat(unfinished.select("#missing-fields a.step-link")).hasSameSizeAs(unfinished.select("#missing-fields li"))
			.extracting((a) -> a.attr("href"))
			.containsOnly("/drafts/" + started.id() + "/steps/basics");
		assertThat(unfinished.select("#missing-fields a.step-link").first().text()).isEqualTo("Step 1: Role and persona");
		assertThat(unfinished.select("#back")).isEmpty();
	}

	@Test
	@WithMockUser(username = "helpdesk", roles = "HELPDESK")
	void helpDeskIsRefusedTheReviewAndTheDownloads() throws Exception {
		Draft draft = this.repository.save(Draft.start("Someone's draft", "admin", Instant.now()));
		assertThat(this.mvc.perform(get("/drafts/{id}/steps/review", draft.id())).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(download(draft.id(), "trust-policy").getStatus()).isEqualTo(403);
	}

}
