package org.mlgov.console.review;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.Tag;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.aws.AwsProblem.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The review page's diffs: against what a (fake) AWS holds, against the last approved revision of the same role and
 * against the draft's previous revision.
 */
@ConsoleTest
@Import({ FakeLiveStateReader.Installed.class, PolicyReadsFromFake.Installed.class })
@WithMockUser(username = "admin", roles = "ADMIN")
class LiveDiffWebTests {

	static final RequestPostProcessor AUTHOR = user("admin").roles("ADMIN");

	static final RequestPostProcessor REVIEWER = user("reviewer").roles("REVIEWER");

	static final String DOMAIN = "d-abc123def456";

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	DraftRepository repository;

	@Autowired
	PolicyGenerator generator;

	@Autowired
	FakeLiveStateReader aws;

	@BeforeEach
	void forgetAws() {
		this.aws.reset();
	}

	/** The data scientist of {@link TestSpecs#dataScientistEverything()} with another name, tags, session, models. */
	static RoleSpec spec(String roleName, List<Tag> tags, int maxSession, List<String> bedrockAllowed) {
		return TestSpecs.dataScientistEverything()
			.toBuilder()
			.roleName(roleName)
			.tags(tags)
			.maxSessionDurationSeconds(maxSession)
			.bedrock(new RoleSpec.ModelAccess(RoleSpec.AccessMode.ALLOW_LISTED, bedrockAllowed, List.of(), null))
			.build();
	}

	static RoleSpec spec(String roleName) {
		return spec(roleName, List.of(new Tag("team", "a"), new Tag("cost-center", "1234")), 7200,
				List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.titan-text-express-v1",
						"meta.llama3-70b-instruct-v1:0"));
	}

	/** Puts a draft of "admin" through every step and submits it; returns it as submitted. */
	Draft submitted(String name, RoleSpec spec, RoleMode mode, CanvasTargets targets) throws Exception {
		asAdmin();
		Draft draft = this.drafts.start(name, "admin");
		DraftContent content = new DraftContent(spec, mode, targets);
		for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS, WizardStep.CANVAS,
				WizardStep.COLLABORATION)) {
			draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), "admin");
		}
		return submit(draft, "needed");
	}

	Draft submit(Draft draft, String justification) throws Exception {
		MvcResult result = this.mvc.perform(post("/drafts/{id}/submit", draft.id()).with(csrf()).with(AUTHOR)
			.param("justification", justification)
			.param("version", String.valueOf(draft.version()))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reviews/" + draft.id());
		return this.repository.findById(draft.id()).orElseThrow();
	}

	/** MockMvc requests with their own user clear the test's security context; the services need one. */
	static void asAdmin() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
	}

	Document reviewPage(long draftId) throws Exception {
		MvcResult result = this.mvc.perform(get("/reviews/{id}", draftId).with(REVIEWER)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The role a specification generates, as AWS would return it after a push. */
	LiveRole pushed(RoleSpec spec) {
		return FakeLiveStateReader.pushed(spec, this.generator.generate(spec));
	}

	@Test
	void anUpdateShowsWhatWouldChangeInTheRoleTheCanvasTargetsAndTheBuckets() throws Exception {
		String name = "SageMaker-Update";
		RoleSpec live = spec(name, List.of(new Tag("team", "b"), new Tag("cost-center", "1234")), 3600,
				List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "meta.llama3-70b-instruct-v1:0"));
		LiveRole role = pushed(live);
		this.aws.role(TestSpecs.ACCOUNT, name, LiveRead.found(role));
		this.aws.domain(TestSpecs.ACCOUNT, DOMAIN, LiveRead.found(new LiveDomain(TestSpecs.ACCOUNT, "us-east-1", DOMAIN,
				"arn:aws:sagemaker:us-east-1:111122223333:domain/" + DOMAIN, "ml", "InService", role.arn(),
				"{\"TimeSeriesForecastingSettings\":{\"Status\":\"DISABLED\"}}")));
		this.aws.userProfile(TestSpecs.ACCOUNT, DOMAIN, "alice", FakeLiveStateReader.problem(Kind.ACCESS_DENIED,
				"SageMaker", "DescribeUserProfile",
				"SageMaker DescribeUserProfile was refused (AccessDeniedException): the console's role lacks sagemaker:DescribeUserProfile."));
		this.aws.bucketCors(TestSpecs.ACCOUNT, "ml-eval-bucket",
				LiveRead.found(new LiveBucketCors(TestSpecs.ACCOUNT, "us-east-1", "ml-eval-bucket", "[]", 0)));

		Draft draft = submitted("Update", spec(name), RoleMode.UPDATE_EXISTING,
				new CanvasTargets(DOMAIN, true, List.of("alice", "bob")));
		Document page = reviewPage(draft.id());

		assertThat(page.select("#live-role").attr("data-outcome")).isEqualTo("UPDATES");
		assertThat(page.select("#live-role").text()).contains("Role SageMaker-Update exists in account 111122223333");
		// The role's part is the push plan: session and tag are updates, the trust policy needs no change.
		assertThat(page.select("#live .plan-step[data-operation=UpdateRole]").attr("data-verb")).isEqualTo("UPDATE");
		assertThat(page.select("#live .plan-step[data-operation=UpdateRole] .step-note").text())
			.isEqualTo("set the description and maximum session");
		assertThat(page.select("#live .plan-step[data-operation=TagRole] .step-note").text()).isEqualTo("set 1 tag");
		assertThat(page.select("#live #no-change-steps .no-change-step").eachText())
			.anySatisfy((step) -> assertThat(step).startsWith("trust policy already as approved"));
		Element guardrails = page.selectFirst("#live #change-policy-ModelAccessGuardrails");
		assertThat(guardrails.attr("data-status")).isEqualTo("CHANGED");
		assertThat(guardrails.parents().select(".plan-step").first().attr("data-verb")).isEqualTo("PUT");
		assertThat(guardrails.select(".statement-changed").text()).contains("DenyBedrockExceptAllowedModels",
				"+ arn:aws:bedrock:*::foundation-model/amazon.titan-text-express-v1");
		assertThat(guardrails.select(".side-before").text()).doesNotContain("titan-text-express");
		assertThat(guardrails.select(".side-after").text()).contains("titan-text-express");
		assertThat(page.select("#live #no-change-steps .no-change-step")).hasSizeGreaterThan(1);

		List<Element> targets = page.select("#live .canvas-target");
		assertThat(targets).hasSize(3);
		assertThat(targets.get(0).text()).contains("Default user settings of domain d-abc123def456", "(this role)");
		assertThat(targets.get(0).select(".json-changes tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).contains("/TimeSeriesForecastingSettings/Status", "\"DISABLED\"",
					"\"ENABLED\""));
		assertThat(targets.get(1).select(".read-problem").text())
			.isEqualTo("SageMaker DescribeUserProfile was refused (AccessDeniedException): the console's role lacks sagemaker:DescribeUserProfile.");
		assertThat(targets.get(2).select(".read-problem").text()).isEqualTo("User profile bob does not exist.");

		Element cors = page.selectFirst("#live #bucket-ml-eval-bucket");
		assertThat(cors.select(".plan-step").attr("data-verb")).isEqualTo("ADD_CORS_RULE");
		assertThat(cors.select(".step-verb").text()).isEqualTo("add CORS rule");
		assertThat(cors.select(".cors-kept")).isEmpty();
		assertThat(cors.select(".cors-kept-rules").text()).contains("The bucket has no CORS rule now.");
		assertThat(cors.select(".cors-added")).hasSize(1);
	}

	@Test
	void aNewRoleWhoseNameIsTakenIsFlaggedAndANewRoleThatIsAbsentSaysItWillBeCreated() throws Exception {
		this.aws.role(TestSpecs.ACCOUNT, "SageMaker-Taken", LiveRead.found(pushed(spec("SageMaker-Taken"))));
		Document taken = reviewPage(submitted("Taken", spec("SageMaker-Taken"), RoleMode.NEW_ROLE,
				new CanvasTargets(DOMAIN, true, List.of())).id());
		assertThat(taken.select("#live-role").attr("data-outcome")).isEqualTo("ALREADY_EXISTS");
		assertThat(taken.select("#live-role").hasClass("alert-danger")).isTrue();
		assertThat(taken.select("#live-role").text())
			.contains("already has a role of that name: a push would not create a new role but change that one");
		assertThat(taken.select("#live .plan-step[data-operation=CreateRole][data-subject=ROLE]")).isEmpty();
		assertThat(taken.select("#live .plan-step[data-subject=INLINE_POLICY]")).isEmpty();
		assertThat(taken.select("#live #no-change-steps .no-change-step").eachText())
			.anySatisfy((step) -> assertThat(step).startsWith("inline policy ").contains("already as approved"));

		Document fresh = reviewPage(submitted("Fresh", spec("SageMaker-Fresh"), RoleMode.NEW_ROLE,
				new CanvasTargets(DOMAIN, true, List.of())).id());
		assertThat(fresh.select("#live-role").attr("data-outcome")).isEqualTo("CREATES_NEW");
		assertThat(fresh.select("#live-role").text())
			.contains("Role SageMaker-Fresh does not exist yet in account 111122223333");
		assertThat(fresh.select("#live .plan-step").first().attr("data-operation")).isEqualTo("CreateRole");
		assertThat(fresh.select("#live .plan-step").first().attr("data-verb")).isEqualTo("CREATE");
		assertThat(fresh.select("#live .plan-step[data-operation=PutRolePolicy]")).isNotEmpty()
			.allSatisfy((step) -> {
				assertThat(step.attr("data-verb")).isEqualTo("PUT");
				assertThat(step.select(".step-meaning").text()).isEqualTo("The role gains what this new policy grants:");
				assertThat(step.select(".step-document").attr("data-status")).isEqualTo("ADDED");
			});
		// The domain was not found by the fake: said where the Canvas settings would go.
		assertThat(fresh.select("#live .canvas-target .read-problem").text())
			.isEqualTo("Domain d-abc123def456 does not exist.");
	}

	@Test
	void anUpdateOfAMissingRoleAndAnUnreadableRoleAreSaidPlainly() throws Exception {
		Document missing = reviewPage(submitted("Missing", spec("SageMaker-Missing"), RoleMode.UPDATE_EXISTING,
				new CanvasTargets(DOMAIN, true, List.of())).id());
		assertThat(missing.select("#live-role").attr("data-outcome")).isEqualTo("MISSING");
		assertThat(missing.select("#live-role").text()).contains("there is nothing to update");

		this.aws.role(TestSpecs.ACCOUNT, "SageMaker-Throttled", FakeLiveStateReader.problem(Kind.THROTTLED, "IAM",
				"GetRole", "IAM GetRole was throttled (Throttling) after 3 attempts; reload the page in a minute."));
		Document throttled = reviewPage(submitted("Throttled", spec("SageMaker-Throttled"), RoleMode.UPDATE_EXISTING,
				new CanvasTargets(DOMAIN, true, List.of())).id());
		assertThat(throttled.select("#live-role").attr("data-outcome")).isEqualTo("UNREADABLE");
		assertThat(throttled.select("#live-role").text()).isEqualTo(
				"The role could not be read. IAM GetRole was throttled (Throttling) after 3 attempts; reload the page in a minute.");
		assertThat(throttled.select("#approve")).hasSize(1);
	}

	/**
	 * The parts that show the frozen revision alone (summary, findings, documents) are rendered once per revision and
	 * kept (ReviewPageModel.FrozenPart): pages of two drafts asked in turn each show their own, the same each time.
	 */
	@Test
	void eachReviewPageShowsItsOwnFrozenRevisionThoughItsPartsAreKept() throws Exception {
		Draft one = submitted("Frozen one", spec("SageMaker-Frozen-One"), RoleMode.NEW_ROLE,
				new CanvasTargets(DOMAIN, true, List.of()));
		Draft two = submitted("Frozen two", spec("SageMaker-Frozen-Two", List.of(new Tag("team", "b")), 3600,
				List.of("amazon.titan-text-express-v1")), RoleMode.NEW_ROLE, new CanvasTargets(DOMAIN, true, List.of()));
		Document first = reviewPage(one.id());
		Document other = reviewPage(two.id());
		Document again = reviewPage(one.id());
		assertThat(first.select("#documents #role code").first().text()).endsWith(":role/service-role/SageMaker-Frozen-One");
		assertThat(other.select("#documents #role code").first().text()).endsWith(":role/service-role/SageMaker-Frozen-Two");
		assertThat(other.select("#summary-lines").text()).isNotEqualTo(first.select("#summary-lines").text());
		assertThat(other.select("#download-all").attr("href"))
			.isEqualTo("/reviews/" + two.id() + "/revisions/1/documents.zip");
		for (String part : List.of("#summary", "#findings-list", "#documents")) {
			assertThat(again.select(part).outerHtml()).as(part).isEqualTo(first.select(part).outerHtml()).isNotEmpty();
		}
	}

	@Test
	void aSubmissionIsComparedWithTheLastApprovedRevisionOfTheRoleAndWithItsPreviousRevision() throws Exception {
		String name = "SageMaker-Baseline";
		Draft first = submitted("Baseline 1", spec(name), RoleMode.NEW_ROLE, new CanvasTargets(DOMAIN, true, List.of()));
		assertThat(reviewPage(first.id()).select("#no-baseline").text()).contains("No other draft of role SageMaker-Baseline");
		this.mvc.perform(post("/reviews/{id}/approve", first.id()).param("revision", "1").with(csrf()).with(REVIEWER));

		RoleSpec changed = spec(name, List.of(new Tag("team", "a"), new Tag("cost-center", "9999")), 7200,
				List.of("anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.titan-text-express-v1",
						"meta.llama3-70b-instruct-v1:0"));
		Draft second = submitted("Baseline 2", changed, RoleMode.UPDATE_EXISTING,
				new CanvasTargets(DOMAIN, true, List.of()));
		Document page = reviewPage(second.id());
		assertThat(page.select("#baseline-link").attr("href")).isEqualTo("/reviews/" + first.id() + "?revision=1");
		assertThat(page.select("#since-approved .setting-changes tbody tr").eachText())
			.containsExactly("tag cost-center 1234 9999");
		assertThat(page.select("#since-approved .document-change")).isEmpty();
		assertThat(page.select("#since-previous")).isEmpty();

		this.mvc.perform(post("/reviews/{id}/reject", second.id()).param("revision", "1").with(csrf()).with(REVIEWER)
			.param("reason", "Which cost center?"));
		this.mvc.perform(post("/drafts/{id}/rework", second.id()).with(csrf()).with(AUTHOR));
		Draft resubmitted = submit(this.repository.findById(second.id()).orElseThrow(), "same again");
		Document again = reviewPage(resubmitted.id());
		assertThat(again.select("#revision-number").text()).isEqualTo("2");
		assertThat(again.select("#since-previous h2").text()).isEqualTo("Since revision 1 of this draft");
		assertThat(again.select("#since-previous .no-difference").text()).startsWith("No difference");
	}

}
