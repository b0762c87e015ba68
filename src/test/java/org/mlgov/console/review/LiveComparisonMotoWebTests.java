package org.mlgov.console.review;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.MotoServer;
import org.mlgov.console.diff.JsonFormat;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.push.PushRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 16 on moto: a role holding a hand-written inline policy, an AWS managed policy attached by hand, one that an
 * earlier push attached, a tag, and a bucket with its own CORS rule; then a draft that updates that role. The review
 * page states the comparison as the push plan: the hand-written policy is deleted and the role loses what it grants,
 * the policy attached by hand is kept, the one this console attached is detached (point 1); the bucket's rule is kept
 * beside the rule added (point 2); live documents are pretty-printed like the revision's (point 3).
 */
@ConsoleTest
@Import(MotoServer.StaticCredentials.class)
class LiveComparisonMotoWebTests {

	static final String ACCOUNT = TestSpecs.ACCOUNT;

	static final String ROLE = "SageMaker-Issue16";

	static final String BY_HAND = "arn:aws:iam::aws:policy/ReadOnlyAccess";

	static final String BY_CONSOLE = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

	static final String HAND_WRITTEN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ListBuckets\","
			+ "\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

	static final String LIVE_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
			+ "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

	static final StaticCredentialsProvider CREDENTIALS = MotoServer.CREDENTIALS;

	@RegisterExtension
	static final MotoServer moto = new MotoServer(ACCOUNT);

	@DynamicPropertySource
	static void aws(DynamicPropertyRegistry registry) {
		moto.registerConsole(registry, TestSpecs.REGION);
		registry.add("console.review.live-read-deadline", () -> "60s");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	PolicyGenerator generator;

	@Autowired
	PushRepository pushes;

	IamClient iam;

	S3Client s3;

	@BeforeEach
	void connect() throws Exception {
		moto.reset();
		this.iam = IamClient.builder()
			.region(Region.AWS_GLOBAL)
			.endpointOverride(moto.endpoint())
			.credentialsProvider(CREDENTIALS)
			.build();
		this.s3 = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(moto.endpoint())
			.forcePathStyle(true)
			.credentialsProvider(CREDENTIALS)
			.build();
	}

	@AfterEach
	void close() {
		this.iam.close();
		this.s3.close();
	}

	Document reviewPage(long draftId) throws Exception {
		MvcResult result = this.mvc.perform(get("/reviews/{id}", draftId).with(user("reviewer").roles("REVIEWER")))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** A draft of "admin" that updates the role, through every step, submitted as revision 1. */
	Draft submittedUpdate(RoleSpec spec) {
		return ReviewFixtures.as("admin", () -> {
			Draft draft = this.drafts.start("Issue 16", "admin");
			DraftContent content = new DraftContent(spec, RoleMode.UPDATE_EXISTING, CanvasTargets.none());
			for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS,
					WizardStep.CANVAS, WizardStep.COLLABORATION)) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
			}
			this.reviews.submit(draft.id(), "Issue 16", draft.version(), "admin");
			return draft;
		}, "ADMIN");
	}

	@Test
	void theComparisonIsThePushPlanWithWhatEachStepMeansKeptCorsRulesAndPrettyDocuments() throws Exception {
		RoleSpec spec = TestSpecs.dataScientistEverything().toBuilder().roleName(ROLE).build();
		String path = this.generator.generate(spec).role().path();
		this.iam.createRole((r) -> r.roleName(ROLE).path(path).assumeRolePolicyDocument(LIVE_TRUST)
			.tags((t) -> t.key("team").value("b")));
		this.iam.putRolePolicy((r) -> r.roleName(ROLE).policyName("HandWritten").policyDocument(HAND_WRITTEN));
		this.iam.attachRolePolicy((r) -> r.roleName(ROLE).policyArn(BY_HAND));
		this.iam.attachRolePolicy((r) -> r.roleName(ROLE).policyArn(BY_CONSOLE));
		this.pushes.attached(ACCOUNT, ROLE, BY_CONSOLE, 1L, Instant.parse("2026-11-01T10:00:00Z"));
		CORSRule teamUpload = CORSRule.builder()
			.id("team-upload")
			.allowedMethods("PUT")
			.allowedOrigins("https://team.example.com")
			.build();
		this.s3.createBucket((r) -> r.bucket("ml-eval-bucket"));
		this.s3.putBucketCors((r) -> r.bucket("ml-eval-bucket").corsConfiguration((c) -> c.corsRules(teamUpload)));
		this.s3.createBucket((r) -> r.bucket("sagemaker-us-east-1-" + ACCOUNT));

		Draft draft = submittedUpdate(spec);
		FrozenDocuments frozen = FrozenDocuments.of(this.generator.generate(spec), RoleMode.UPDATE_EXISTING,
				CanvasTargets.none());
		Document page = reviewPage(draft.id());
		Element live = page.selectFirst("#live");

		assertThat(page.select("#live-role").attr("data-outcome")).isEqualTo("UPDATES");
		assertThat(live.select("#plan-problem")).isEmpty();
		assertThat(live.text()).doesNotContain("only in Live in AWS", "(not set)");

		// Point 1: the hand-written inline policy is deleted, and the reviewer reads what the role loses.
		Element delete = live.selectFirst(".plan-step[data-operation=DeleteRolePolicy]");
		assertThat(delete.attr("data-verb")).isEqualTo("DELETE");
		assertThat(delete.select(".step-verb").text()).isEqualTo("delete");
		assertThat(delete.select(".step-note").text())
			.isEqualTo("delete inline policy HandWritten, which the revision does not name");
		assertThat(delete.select(".step-meaning").text()).contains("it was made by hand",
				"the push deletes it, and the role loses every permission it grants (1 statement)");
		assertThat(delete.select(".statement-removed").text()).contains("s3:ListAllMyBuckets");
		// ... the AWS managed policy attached by hand is kept and reported ...
		Element kept = live.selectFirst(".plan-step[data-operation=DetachRolePolicy][data-name=" + BY_HAND + "]");
		assertThat(kept.attr("data-verb")).isEqualTo("KEEP");
		assertThat(kept.select(".step-verb").text()).isEqualTo("keep");
		assertThat(kept.select(".step-note").text())
			.isEqualTo(BY_HAND + " was attached by hand, not by this console: kept");
		assertThat(kept.select(".step-meaning").text()).startsWith("AWS managed policy ReadOnlyAccess was attached "
				+ "by hand, not by this console, and the revision does not name it: the push keeps it and reports it, "
				+ "so the role keeps what it grants");
		// ... and the one an earlier push attached is detached, with what the role loses.
		Element detach = live.selectFirst(".plan-step[data-operation=DetachRolePolicy][data-name=" + BY_CONSOLE + "]");
		assertThat(detach.attr("data-verb")).isEqualTo("DETACH");
		assertThat(detach.select(".step-verb").text()).isEqualTo("detach");
		assertThat(detach.select(".step-meaning").text()).contains("AmazonS3ReadOnlyAccess",
				"the push detaches it, and the role loses what it grants");
		// The policies the revision names are put, and the tag is set: every step in the push's words.
		assertThat(live.select(".plan-step[data-operation=PutRolePolicy]")).isNotEmpty()
			.allSatisfy((step) -> assertThat(step.select(".step-verb").text()).isEqualTo("put"));
		assertThat(live.select(".plan-step[data-operation=TagRole] .step-note").text()).isEqualTo("set 2 tags");
		assertThat(live.select(".plan-step .step-verb").eachText()).containsAnyOf("create", "attach");

		// Point 2: the bucket's rule is kept, the revision's rule is added beside it, as written in the revision.
		Element bucket = live.selectFirst("#bucket-ml-eval-bucket");
		assertThat(bucket.select(".plan-step").attr("data-verb")).isEqualTo("ADD_CORS_RULE");
		assertThat(bucket.select(".step-note").text()).endsWith("keeping the bucket's 1 rule");
		assertThat(bucket.select(".cors-kept")).singleElement()
			.satisfies((rule) -> assertThat(rule.wholeText()).contains("\"ID\": \"team-upload\"",
					"\"https://team.example.com\""));
		String revisionRules = frozen.cors().stream()
			.filter((cors) -> cors.bucket().equals("ml-eval-bucket"))
			.findFirst()
			.orElseThrow()
			.json();
		String revisionRule = JsonMapper.builder().build().readTree(revisionRules).get(0).toString();
		assertThat(bucket.select(".cors-added")).singleElement()
			.satisfies((rule) -> assertThat(rule.wholeText()).isEqualTo(JsonFormat.pretty(revisionRule)));
		assertThat(bucket.select(".json-changes")).isEmpty();

		// Point 3: both sides of a document are pretty-printed the same way.
		Element trust = live.selectFirst(".plan-step[data-operation=UpdateAssumeRolePolicy]");
		assertThat(trust.attr("data-verb")).isEqualTo("UPDATE");
		assertThat(trust.selectFirst(".side-before").wholeText()).isEqualTo(JsonFormat.pretty(LIVE_TRUST))
			.contains("\n  \"Statement\": [\n    {\n");
		assertThat(trust.selectFirst(".side-after").wholeText()).isEqualTo(frozen.role().trustPolicyJson());
		assertThat(delete.selectFirst(".side-before").wholeText()).isEqualTo(JsonFormat.pretty(HAND_WRITTEN));
	}

}
