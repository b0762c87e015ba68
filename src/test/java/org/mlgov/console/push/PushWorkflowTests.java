package org.mlgov.console.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.DraftRevisionRepository;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The push end to end through the JSON API, against an AWS account in memory ({@link FakeAws}): plan, push, the step
 * log, the draft's statuses, a re-push without writes, a policy attached by hand kept, a failure resumed, the audit
 * trail, the refusals.
 */
@ConsoleTest
@Import(FakeAws.Installed.class)
class PushWorkflowTests {

	static final String EARLIER_RULE = """
			[{"ID":"team-upload","AllowedMethods":["PUT"],"AllowedOrigins":["https://team.example.com"]}]""";

	static final String DOMAIN = "d-abc123def456";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeAws aws;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	DraftRevisionRepository revisions;

	@Autowired
	JdbcTemplate jdbc;

	ReviewFixtures fixtures;

	@BeforeEach
	void freshAccount() {
		this.aws.reset();
		this.aws.domain(DOMAIN, "arn:aws:iam::111122223333:role/service-role/Old", null);
		this.aws.bucket("ml-eval-bucket", EARLIER_RULE);
		this.aws.bucket("sagemaker-us-east-1-111122223333", "[]");
		this.fixtures = new ReviewFixtures(this.drafts, this.reviews);
	}

	private Draft approvedDraft(String name) {
		Draft finished = this.fixtures.finished("admin", name, TestSpecs.dataScientistEverything(),
				new CanvasTargets(DOMAIN, true, List.of()));
		return this.fixtures.approved(finished, "reviewer");
	}

	private DraftStatus status(long draftId) {
		return ReviewFixtures.as("admin", () -> this.drafts.getForReading(draftId).status(), "ADMIN");
	}

	private JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	private JsonNode plan(long draftId) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/drafts/{id}/plan", draftId).with(httpBasic("admin", "admin-pass")))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return json(result);
	}

	/** Pushes through the API and waits for the end; returns the push as GET /api/pushes/{id} shows it. */
	private JsonNode pushAndWait(long draftId, String user, String password) throws Exception {
		MvcResult started = this.mvc.perform(post("/api/drafts/{id}/push", draftId).with(httpBasic(user, password)))
			.andReturn();
		assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
		JsonNode accepted = json(started);
		assertThat(accepted.get("status").asString()).isEqualTo("RUNNING");
		long pushId = accepted.get("pushId").asLong();
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode push = json(this.mvc
				.perform(get("/api/pushes/{id}", pushId).with(httpBasic("helpdesk", "helpdesk-pass")))
				.andReturn());
			if (!push.get("status").asString().equals("RUNNING")) {
				return push;
			}
			assertThat(System.nanoTime()).as("push %s ended within 60 s", pushId).isLessThan(until);
			Thread.sleep(100);
		}
	}

	private List<String> outcomes(JsonNode push) {
		return push.get("steps").valueStream().map((s) -> s.get("outcome").asString()).toList();
	}

	@Test
	void aPushAppliesTheApprovedRevisionAndARepushWritesNothing() throws Exception {
		Draft draft = approvedDraft("Push everything");
		FrozenDocuments docs = ReviewFixtures.as("admin",
				() -> this.reviews.approvedRevision(draft.id()).revision().frozenDocuments(), "ADMIN");

		JsonNode plan = plan(draft.id());
		assertThat(plan.get("steps").valueStream().map((s) -> s.get("call").asString()).toList())
			.startsWith("CreateRole", "PutRolePolicy")
			.contains("CreatePolicy", "AttachRolePolicy", "UpdateDomain", "PutBucketCors");
		assertThat(plan.get("changes").asInt()).isEqualTo(plan.get("steps").size());
		assertThat(this.aws.writeCount()).as("a plan writes nothing").isZero();

		JsonNode push = pushAndWait(draft.id(), "admin2", "admin2-pass");
		assertThat(push.get("status").asString()).as(push.toString()).isEqualTo("SUCCEEDED");
		assertThat(push.get("writeCalls").asInt()).isEqualTo(this.aws.writeCount()).isEqualTo(plan.get("changes").asInt());
		assertThat(outcomes(push)).containsOnly("CHANGED");
		assertThat(push.get("steps").valueStream().map((s) -> s.get("awsRequestId").asString()))
			.allMatch((id) -> id.startsWith("req-"));
		assertThat(status(draft.id())).isEqualTo(DraftStatus.PUSHED);

		FakeAws.Role role = this.aws.roles.get("SageMaker-DataScientist");
		assertThat(role.trust).isEqualTo(docs.role().trustPolicyJson());
		docs.policies()
			.stream()
			.filter((p) -> p.kind().equals("INLINE"))
			.forEach((p) -> assertThat(role.inline.get(p.name())).isEqualTo(p.json()));
		assertThat(role.attached).containsAll(docs.awsManagedPolicyArns());
		assertThat(role.tags).containsEntry("team", "a").containsEntry("cost-center", "1234");
		assertThat(this.aws.domains.get(DOMAIN)[0]).isEqualTo(docs.role().arn());
		assertThat(this.aws.buckets.get("ml-eval-bucket")).contains("team-upload").contains("DELETE");

		int writes = this.aws.writeCount();
		JsonNode again = pushAndWait(draft.id(), "admin", "admin-pass");
		assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(again.get("writeCalls").asInt()).isZero();
		assertThat(outcomes(again)).containsOnly("NO_CHANGE");
		assertThat(this.aws.writeCount()).isEqualTo(writes);

		// audited: plan, start, every step, outcome, with the role and the account
		List<Map<String, Object>> audit = this.jdbc.queryForList("select action, role_name, account_id from audit_event "
				+ "where subject_kind = 'PUSH' and subject_id = ? order by id", push.get("pushId").asString());
		assertThat(audit).first().extracting((row) -> row.get("action")).isEqualTo("PUSH_STARTED");
		assertThat(audit).last().extracting((row) -> row.get("action")).isEqualTo("PUSH_SUCCEEDED");
		assertThat(audit.stream().filter((row) -> row.get("action").equals("PUSH_STEP")).count())
			.isEqualTo(push.get("steps").size());
		assertThat(audit).allSatisfy((row) -> assertThat(row).containsEntry("role_name", "SageMaker-DataScientist")
			.containsEntry("account_id", TestSpecs.ACCOUNT));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'PUSH_PLANNED' and "
				+ "draft_id = ?", Integer.class, draft.id())).isEqualTo(1);

		// a pushed revision is the last approved one of its role
		assertThat(this.revisions.lastApprovedForRole(TestSpecs.ACCOUNT, "SageMaker-DataScientist", -1))
			.hasValueSatisfying((r) -> assertThat(r.draftId()).isEqualTo(draft.id()));
	}

	@Test
	void aPolicyAttachedByHandIsReportedAndKept() throws Exception {
		Draft draft = approvedDraft("Hand attached");
		assertThat(pushAndWait(draft.id(), "admin", "admin-pass").get("status").asString()).isEqualTo("SUCCEEDED");
		String byHand = "arn:aws:iam::aws:policy/ReadOnlyAccess";
		this.aws.roles.get("SageMaker-DataScientist").attached.add(byHand);

		JsonNode plan = plan(draft.id());
		assertThat(plan.get("changes").asInt()).isZero();
		assertThat(plan.get("steps").valueStream()
			.filter((s) -> s.get("arguments").asString().contains(byHand))
			.map((s) -> s.get("note").asString())).containsExactly(byHand + " was attached by hand, not by this console: kept");

		JsonNode push = pushAndWait(draft.id(), "admin", "admin-pass");
		assertThat(push.get("writeCalls").asInt()).isZero();
		assertThat(push.get("steps").valueStream().map((s) -> s.get("message").asString()))
			.contains(byHand + " was attached by hand, not by this console: kept");
		assertThat(this.aws.roles.get("SageMaker-DataScientist").attached).contains(byHand);
	}

	@Test
	void aFailedStepStopsThePushWithTheErrorCodeAndPushingAgainContinuesWithoutRepeatingAWrite() throws Exception {
		Draft draft = approvedDraft("Fails then resumes");
		this.aws.failNext("AttachRolePolicy", "AccessDenied");

		JsonNode failed = pushAndWait(draft.id(), "admin", "admin-pass");
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		JsonNode last = failed.get("steps").get(failed.get("steps").size() - 1);
		assertThat(last.get("outcome").asString()).isEqualTo("FAILED");
		assertThat(last.get("call").asString()).isEqualTo("AttachRolePolicy");
		assertThat(last.get("errorCode").asString()).isEqualTo("AccessDenied");
		assertThat(last.get("awsRequestId").asString()).isEqualTo("req-failed-AttachRolePolicy");
		assertThat(last.get("message").asString()).contains("lack the permission iam:AttachRolePolicy");
		assertThat(failed.get("message").asString()).contains("AttachRolePolicy");
		assertThat(outcomes(failed).subList(0, outcomes(failed).size() - 1)).containsOnly("CHANGED");
		assertThat(status(draft.id())).isEqualTo(DraftStatus.PUSH_FAILED);
		List<String> firstWrites = List.copyOf(this.aws.writes);
		String refused = firstWrites.get(firstWrites.size() - 1);

		JsonNode resumed = pushAndWait(draft.id(), "admin", "admin-pass");
		assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
		List<String> secondWrites = this.aws.writes.subList(firstWrites.size(), this.aws.writes.size());
		assertThat(secondWrites).first().isEqualTo(refused);
		assertThat(secondWrites).doesNotContainAnyElementsOf(firstWrites.subList(0, firstWrites.size() - 1));
		assertThat(resumed.get("writeCalls").asInt()).isEqualTo(secondWrites.size());
		assertThat(status(draft.id())).isEqualTo(DraftStatus.PUSHED);
	}

	@Test
	void onlyAnApprovedRevisionIsPushedAndOnlyByAnAdministrator() throws Exception {
		Draft submitted = this.fixtures.submitted("admin", "Not yet approved");
		MvcResult refused = this.mvc.perform(post("/api/drafts/{id}/push", submitted.id())
			.with(httpBasic("admin", "admin-pass"))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(refused).get("error").asString()).contains("SUBMITTED");
		assertThat(this.jdbc.queryForObject("select count(*) from push where draft_id = ?", Integer.class,
				submitted.id())).isZero();

		Draft approved = approvedDraft("Reviewer may not push");
		for (String path : List.of("/api/drafts/{id}/plan", "/api/drafts/{id}/push")) {
			var request = path.endsWith("plan") ? get(path, approved.id()) : post(path, approved.id());
			assertThat(this.mvc.perform(request.with(httpBasic("reviewer", "reviewer-pass"))).andReturn()
				.getResponse()
				.getStatus()).as(path).isEqualTo(403);
		}
		assertThat(status(approved.id())).isEqualTo(DraftStatus.APPROVED);
		assertThat(this.mvc.perform(get("/api/pushes/{id}", 999999).with(httpBasic("helpdesk", "helpdesk-pass")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aRevisionWhoseStoredDocumentsChangedIsNotPushed() throws Exception {
		Draft draft = approvedDraft("Tampered");
		this.jdbc.update("update draft_revision set documents = replace(documents, 'sagemaker', 'sagemakeR') "
				+ "where draft_id = ?", draft.id());
		MvcResult refused = this.mvc.perform(post("/api/drafts/{id}/push", draft.id())
			.with(httpBasic("admin", "admin-pass"))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(refused).get("error").asString()).contains("SHA-256");
		assertThat(status(draft.id())).isEqualTo(DraftStatus.APPROVED);
		assertThat(this.aws.writeCount()).isZero();
		assertThat(Set.copyOf(this.jdbc.queryForList("select status from push where draft_id = ?", String.class,
				draft.id()))).isEmpty();
	}

}
