package org.mlgov.console.review.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditEventRepository;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftRepository;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.DraftRevisionRepository;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The review through the JSON API only, as a script does it with HTTP Basic: create a draft from a specification,
 * submit it, approve or reject the revision read; with the exact answers, the rows they leave in the database and
 * the audit trail, and the refusals (four-eyes, a stale revision, bad input, no credentials) that change nothing.
 */
@ConsoleTest
class ReviewApiTests {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** A specification without blocking findings (the body of {@code POST /api/role-preview}). */
	static final String SPEC = """
			{"accountId":"111122223333","region":"us-east-1","roleName":"SageMaker-Scripted","persona":"data-scientist",
			 "activities":[{"id":"s3-bucket-access","parameters":{"S3Buckets":["ml-data"]}},
			               {"id":"manage-jobs","parameters":{"PassRoles":["arn:aws:iam::111122223333:role/Compute"]}}],
			 "vpc":{"subnetIds":["subnet-0123456789abcdef0"],"securityGroupIds":["sg-0123456789abcdef0"]},
			 "bedrock":{"mode":"DENY_LISTED","denied":["ai21.j2-mid-v1"],"denyFineTuning":false},
			 "jumpStart":{"mode":"DENY_ALL"}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DraftRepository repository;

	@Autowired
	DraftRevisionRepository revisions;

	@Autowired
	AuditEventRepository audit;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	@Autowired
	PasswordEncoder passwords;

	/** An administrator who is also a reviewer ("lead"), to show that four eyes hold whatever the roles. */
	@BeforeEach
	void lead() {
		if (this.jdbc.queryForObject("select count(*) from app_user where username = 'lead'", Long.class) == 0) {
			this.jdbc.update("insert into app_user (username, display_name, password_hash) values ('lead', 'Lead', ?)",
					this.passwords.encode("lead-pass"));
			this.jdbc.update("insert into app_user_role (user_id, role) select id, 'ADMIN' from app_user "
					+ "where username = 'lead'");
			this.jdbc.update("insert into app_user_role (user_id, role) select id, 'REVIEWER' from app_user "
					+ "where username = 'lead'");
		}
	}

	@Test
	void aScriptCreatesSubmitsAndAReviewerApprovesThroughTheApiOnly() throws Exception {
		MvcResult created = call("/api/drafts", "admin", "{\"name\":\"Scripted\",\"specification\":" + SPEC + "}");

		JsonNode draftJson = json(created, 201);
		long id = draftJson.get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/drafts/" + id);
		Draft stored = this.repository.findById(id).orElseThrow();
		assertThat(fields(draftJson)).containsExactly("id", "version", "status", "name", "author", "stepReached",
				"complete", "roleMode", "canvasTargets", "roleName", "accountId", "currentRevision", "createdAt",
				"updatedAt", "updatedBy", "links");
		assertThat(draftJson.get("canvasTargets").toString())
			.isEqualTo("{\"domainId\":null,\"domainDefault\":false,\"userProfiles\":[]}");
		assertThat(draftJson.get("version").asLong()).isEqualTo(stored.version());
		assertThat(draftJson.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draftJson.get("name").asString()).isEqualTo("Scripted");
		assertThat(draftJson.get("author").asString()).isEqualTo("admin");
		assertThat(draftJson.get("stepReached").asString()).isEqualTo("SUMMARY");
		assertThat(draftJson.get("complete").asBoolean()).isTrue();
		assertThat(draftJson.get("roleMode").asString()).isEqualTo("NEW_ROLE");
		assertThat(draftJson.get("roleName").asString()).isEqualTo("SageMaker-Scripted");
		assertThat(draftJson.get("accountId").asString()).isEqualTo("111122223333");
		assertThat(draftJson.get("currentRevision").isNull()).isTrue();
		assertThat(draftJson.get("links").get("wizard").asString()).isEqualTo("/drafts/" + id + "/steps/review");
		assertThat(stored.stepReached()).isEqualTo(WizardStep.SUMMARY);
		assertThat(stored.status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(stored.content().spec().roleName()).isEqualTo("SageMaker-Scripted");
		assertThat(this.jdbc.queryForObject("select step_reached from draft where id = ?", String.class, id))
			.isEqualTo("SUMMARY");
		// The draft reads back the same, and is as complete as a draft saved step by step: the wizard shows its
		// summary with the submission form.
		assertThat(json(this.mvc.perform(get("/api/drafts/{id}", id).with(httpBasic("reviewer", "reviewer-pass")))
			.andReturn(), 200)).isEqualTo(draftJson);

		JsonNode submission = json(call("/api/drafts/" + id + "/submit", "admin",
				"{\"justification\":\"Fraud team needs S3 and jobs\"}"), 200);
		DraftRevision revision = this.revisions.find(id, 1).orElseThrow();
		assertThat(fields(submission)).containsExactly("id", "revision", "status", "version", "documentsSha256",
				"catalogVersion", "justification", "submittedBy", "submittedAt", "requiredApprovals", "links");
		assertThat(submission.get("id").asLong()).isEqualTo(id);
		assertThat(submission.get("revision").asInt()).isEqualTo(1);
		assertThat(submission.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submission.get("version").asLong()).isEqualTo(this.repository.findById(id).orElseThrow().version());
		assertThat(submission.get("documentsSha256").asString()).isEqualTo(revision.documentsSha256()).hasSize(64);
		assertThat(submission.get("catalogVersion").asString()).isEqualTo(revision.catalogVersion());
		assertThat(submission.get("justification").asString()).isEqualTo("Fraud team needs S3 and jobs");
		assertThat(submission.get("submittedBy").asString()).isEqualTo("admin");
		assertThat(submission.get("requiredApprovals").asInt()).isEqualTo(1);
		assertThat(submission.get("links").get("review").asString()).isEqualTo("/reviews/" + id);

		JsonNode approval = json(call("/api/reviews/" + id + "/approve", "reviewer",
				"{\"revision\":1,\"comment\":\"Read revision 1; fine.\"}"), 200);
		assertThat(fields(approval)).containsExactly("id", "revision", "decision", "reviewer", "comment", "status",
				"version", "approvals", "requiredApprovals", "approvedBy", "links");
		assertThat(approval.get("revision").asInt()).isEqualTo(1);
		assertThat(approval.get("decision").asString()).isEqualTo("APPROVED");
		assertThat(approval.get("reviewer").asString()).isEqualTo("reviewer");
		assertThat(approval.get("comment").asString()).isEqualTo("Read revision 1; fine.");
		assertThat(approval.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approval.get("approvals").asInt()).isEqualTo(1);
		assertThat(approval.get("requiredApprovals").asInt()).isEqualTo(1);
		assertThat(approval.get("approvedBy").toString()).isEqualTo("[\"reviewer\"]");

		Draft approved = this.repository.findById(id).orElseThrow();
		assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
		assertThat(approval.get("version").asLong()).isEqualTo(approved.version());
		assertThat(this.jdbc.queryForList("select revision_number, reviewer, decision, comment from draft_decision "
				+ "where draft_id = ?", id)).singleElement()
			.satisfies((row) -> assertThat(row.values()).containsExactly(1, "reviewer", "APPROVED",
					"Read revision 1; fine."));
		assertThat(trail(id)).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::draftRevision,
				AuditEvent::detail)
			.containsExactly(tuple("reviewer", "DRAFT_APPROVED", 1, "revision 1: Read revision 1; fine."),
					tuple("admin", "DRAFT_SUBMITTED", 1, "revision 1: Fraud team needs S3 and jobs"),
					tuple("admin", "DRAFT_CREATED", null,
							"name: Scripted; complete specification, every step reached"));
		assertThat(trail(id).get(2).subject().roleName()).isEqualTo("SageMaker-Scripted");
	}

	@Test
	void aReviewerRejectsWithAReasonAndAMissingReasonIsA400ThatChangesNothing() throws Exception {
		long id = submitted("admin", "Rejected by script");
		Map<String, List<Map<String, Object>>> before = rows();

		JsonNode noReason = json(call("/api/reviews/" + id + "/reject", "reviewer", "{\"revision\":1}"), 400);
		assertThat(noReason.get("title").asString()).isEqualTo("Invalid request");
		assertThat(noReason.get("errors")).hasSize(1);
		assertThat(error(noReason, 0)).containsExactly("reason", "/reason", "Give the author a reason for the rejection.");
		assertThat(rows()).isEqualTo(before);

		JsonNode rejection = json(call("/api/reviews/" + id + "/reject", "reviewer",
				"{\"revision\":1,\"reason\":\"PassRole on * is too wide\"}"), 200);
		assertThat(rejection.get("decision").asString()).isEqualTo("REJECTED");
		assertThat(rejection.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejection.get("comment").asString()).isEqualTo("PassRole on * is too wide");
		assertThat(rejection.get("approvals").asInt()).isZero();
		assertThat(this.repository.findById(id).orElseThrow().status()).isEqualTo(DraftStatus.REJECTED);
		assertThat(this.repository.findById(id).orElseThrow().lastRejection()).get()
			.extracting(Decision::reviewer, Decision::comment)
			.containsExactly("reviewer", "PassRole on * is too wide");
		assertThat(trail(id).get(0)).extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::detail)
			.containsExactly("reviewer", "DRAFT_REJECTED", "revision 1: PassRole on * is too wide");

		// A rejected draft cannot be submitted again without rework: 409.
		JsonNode again = json(call("/api/drafts/" + id + "/submit", "admin", "{\"justification\":\"again\"}"), 409);
		assertThat(again.get("detail").asString()).isEqualTo("Draft " + id + " is REJECTED: only a draft being edited "
				+ "(DRAFT) can be submitted; rework it first (POST /drafts/" + id + "/rework).");
	}

	@Test
	void theAuthorCannotApproveOrRejectTheirOwnDraftEvenAsAReviewer() throws Exception {
		long id = submitted("lead", "Own draft");
		Map<String, List<Map<String, Object>>> before = rows();
		for (String decision : List.of("approve", "reject")) {
			JsonNode refused = json(call("/api/reviews/" + id + "/" + decision, "lead",
					"{\"revision\":1,\"comment\":null,\"reason\":\"mine\"}".replace(
							decision.equals("approve") ? ",\"reason\":\"mine\"" : "\"comment\":null,", "")), 403);
			assertThat(refused.get("title").asString()).isEqualTo("Four-eyes rule");
			assertThat(refused.get("detail").asString()).isEqualTo("You wrote this draft; another reviewer must decide.");
			assertThat(refused.get("type").asString()).isEqualTo("urn:mlgov:problem:four-eyes");
		}
		// An administrator without the reviewer role is refused by role, as everywhere in /api.
		JsonNode byRole = json(call("/api/reviews/" + id + "/approve", "admin", "{\"revision\":1}"), 403);
		assertThat(byRole.get("detail").asString()).startsWith("Access denied.");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aDecisionOnARevisionThatIsNoLongerCurrentIsA409ThatRecordsNothing() throws Exception {
		long id = submitted("admin", "Stale by script");
		// The script read revision 1; the author reworks after a rejection and submits revision 2.
		ReviewFixtures.as("reviewer", () -> this.reviews.reject(id, 1, "Narrow it", "reviewer"), "REVIEWER");
		ReviewFixtures.as("admin", () -> this.reviews.rework(id, "admin"), "ADMIN");
		json(call("/api/drafts/" + id + "/submit", "admin", "{\"justification\":\"Narrowed\"}"), 200);
		DraftRevision second = this.revisions.find(id, 2).orElseThrow();
		Map<String, List<Map<String, Object>>> before = rows();

		JsonNode stale = json(call("/api/reviews/" + id + "/approve", "reviewer",
				"{\"revision\":1,\"comment\":\"I read revision 1\"}"), 409);

		assertThat(stale.get("type").asString()).isEqualTo("urn:mlgov:problem:stale-revision");
		assertThat(stale.get("title").asString()).isEqualTo("Revision no longer current");
		assertThat(stale.get("detail").asString()).isEqualTo("You decided on revision 1, but revision 2 is the current "
				+ "one: admin submitted it at " + second.submittedAt() + ". Nothing was recorded: read revision 2 and "
				+ "decide again.");
		assertThat(stale.get("shownRevision").asInt()).isEqualTo(1);
		assertThat(stale.get("currentRevision").asInt()).isEqualTo(2);
		assertThat(stale.get("submittedBy").asString()).isEqualTo("admin");
		assertThat(stale.get("submittedAt").asString()).isEqualTo(second.submittedAt().toString());
		assertThat(stale.get("review").asString()).isEqualTo("/reviews/" + id);
		assertThat(json(call("/api/reviews/" + id + "/reject", "reviewer", "{\"revision\":1,\"reason\":\"old\"}"), 409)
			.get("currentRevision").asInt()).isEqualTo(2);

		assertThat(rows()).isEqualTo(before);
		Draft stored = this.repository.findById(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(DraftStatus.SUBMITTED);
		assertThat(stored.currentRevision()).isEqualTo(2);
		assertThat(stored.approvals()).isEmpty();
		assertThat(trail(id)).extracting(AuditEvent::action)
			.doesNotContain("DRAFT_APPROVED", "DRAFT_APPROVAL_RECORDED", "APPROVAL_REFUSED");

		JsonNode current = json(call("/api/reviews/" + id + "/approve", "reviewer", "{\"revision\":2}"), 200);
		assertThat(current.get("status").asString()).isEqualTo("APPROVED");
		assertThat(current.get("comment").isNull()).isTrue();
	}

	@Test
	void aBadSpecificationIsA400WithEachFieldAsThePreviewNamesIt() throws Exception {
		String spec = SPEC.replace("\"ai21.j2-mid-v1\"", "\"j2-mid-v1\"")
			.replace("\"111122223333\",\"region\"", "\"12\",\"region\"");
		long draftsBefore = this.repository.count();
		Map<String, List<Map<String, Object>>> before = rows();

		JsonNode preview = json(this.mvc.perform(post("/api/role-preview").with(httpBasic("admin", "admin-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(spec)).andReturn(), 400);
		JsonNode refused = json(call("/api/drafts", "admin", "{\"name\":\"Bad\",\"specification\":" + spec + "}"), 400);

		assertThat(refused.get("title").asString()).isEqualTo("Invalid role specification");
		assertThat(refused.get("type").asString()).isEqualTo("urn:mlgov:problem:invalid-role-specification");
		assertThat(refused.get("detail").asString()).isEqualTo(preview.get("detail").asString());
		assertThat(refused.get("errors")).hasSize(preview.get("errors").size()).hasSizeGreaterThanOrEqualTo(2);
		for (int i = 0; i < preview.get("errors").size(); i++) {
			List<String> fromPreview = error(preview, i);
			assertThat(error(refused, i)).containsExactly("specification." + fromPreview.get(0),
					"/specification" + fromPreview.get(1), fromPreview.get(2));
		}
		assertThat(error(refused, 0).get(0)).isIn("specification.accountId", "specification.bedrock.denied[0]");
		assertThat(errorFields(refused)).contains("specification.bedrock.denied[0]", "specification.accountId");

		// A typo in the specification is an unknown field, as in the preview.
		JsonNode typo = json(call("/api/drafts", "admin", "{\"name\":\"Typo\",\"specification\":"
				+ SPEC.replace("\"bedrock\"", "\"bedrok\"") + "}"), 400);
		assertThat(error(typo, 0)).containsExactly("specification.bedrok", "/specification/bedrok",
				"Unknown field 'bedrok'.");

		// The request's own fields, in the user's terms.
		JsonNode request = json(call("/api/drafts", "admin",
				"{\"nmae\":\"x\",\"specification\":[1],\"roleMode\":\"REPLACE\"}"), 400);
		assertThat(request.get("title").asString()).isEqualTo("Invalid request");
		assertThat(errorFields(request)).containsExactly("nmae", "name", "roleMode", "specification");
		assertThat(errorMessages(request)).containsExactly(
				"Unknown field 'nmae'; this request takes \"name\", \"specification\", \"roleMode\", "
						+ "\"canvasTargets\".",
				"Required: the draft's name, 1 to 200 characters.",
				"'REPLACE' is not one of [NEW_ROLE, UPDATE_EXISTING].",
				"Must be an object (the role specification, as for POST /api/role-preview), not a list.");
		JsonNode longName = json(call("/api/drafts", "admin", "{\"name\":\"" + "n".repeat(201) + "\",\"specification\":"
				+ SPEC + "}"), 400);
		assertThat(error(longName, 0)).containsExactly("name", "/name",
				"A draft name has 1 to 200 characters; this one has 201.");

		assertThat(this.repository.count()).isEqualTo(draftsBefore);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void canvasSettingsApplyWhereTheRequestSaysFollowingTheRulesOfTheWizardsCanvasStep() throws Exception {
		String example = Files.readString(Path.of("docs/examples/data-scientist.json"));
		Map<String, List<Map<String, Object>>> before = rows();

		JsonNode untargeted = json(call("/api/drafts", "admin", "{\"name\":\"Canvas\",\"specification\":" + example
				+ "}"), 400);
		assertThat(error(untargeted, 0)).containsExactly("canvasTargets.domainDefault", "/canvasTargets/domainDefault",
				"Choose where these Canvas settings apply: the domain's default settings, user profiles, or both.");
		JsonNode wrong = json(call("/api/drafts", "admin", "{\"name\":\"Canvas\",\"specification\":" + example
				+ ",\"canvasTargets\":{\"domainId\":\"domain-1\",\"userProfiles\":[\"ok\",7,\"ok\"],"
				+ "\"domainDefualt\":true}}"), 400);
		assertThat(errorFields(wrong)).containsExactly("canvasTargets.domainDefualt", "canvasTargets.userProfiles[1]");
		assertThat(errorMessages(wrong)).containsExactly(
				"Unknown field 'domainDefualt'; 'canvasTargets' takes \"domainId\", \"domainDefault\", \"userProfiles\".",
				"Must be a text in double quotes, not a number (7).");
		JsonNode rules = json(call("/api/drafts", "admin", "{\"name\":\"Canvas\",\"specification\":" + example
				+ ",\"canvasTargets\":{\"domainId\":\"domain-1\",\"userProfiles\":[\"ok\",\"ok\"]}}"), 400);
		assertThat(errorFields(rules)).containsExactly("canvasTargets.domainId", "canvasTargets.userProfiles[1]");
		assertThat(rows()).isEqualTo(before);

		JsonNode created = json(call("/api/drafts", "admin", "{\"name\":\"Canvas\",\"specification\":" + example
				+ ",\"canvasTargets\":{\"domainId\":\"d-abc123def456\",\"domainDefault\":true,"
				+ "\"userProfiles\":[\"fraud-analyst\"]},\"roleMode\":\"UPDATE_EXISTING\"}"), 201);
		assertThat(created.get("canvasTargets").toString()).isEqualTo("{\"domainId\":\"d-abc123def456\","
				+ "\"domainDefault\":true,\"userProfiles\":[\"fraud-analyst\"]}");
		assertThat(created.get("roleMode").asString()).isEqualTo("UPDATE_EXISTING");
		Draft stored = this.repository.findById(created.get("id").asLong()).orElseThrow();
		assertThat(stored.content().canvasTargets()).isEqualTo(new CanvasTargets("d-abc123def456", true,
				List.of("fraud-analyst")));
		assertThat(stored.content().roleMode()).isEqualTo(RoleMode.UPDATE_EXISTING);
		assertThat(stored.content().spec().canvas().generativeAi()).isTrue();
	}

	@Test
	void malformedBodiesAreA400InTheUsersTermsAndNeverA500() throws Exception {
		long id = submitted("admin", "Malformed bodies");
		Map<String, List<Map<String, Object>>> before = rows();
		String approve = "/api/reviews/" + id + "/approve";
		assertRefused(approve, "{\"comment\":\"no revision\"}", "revision",
				"Required: the number of the revision you reviewed.");
		assertRefused(approve, "{\"revision\":\"1\"}", "revision",
				"Must be a whole number (the number of the revision you reviewed), not a text (\"1\").");
		assertRefused(approve, "{\"revision\":1.5}", "revision",
				"Must be a whole number (the number of the revision you reviewed), not a number (1.5).");
		assertRefused(approve, "{\"revision\":99999999999}", "revision",
				"Must be 1 to 2147483647 (the number of the revision you reviewed), not 99999999999.");
		assertRefused(approve, "{\"revision\":0}", "revision",
				"Must be 1 or more (the number of the revision you reviewed), not 0.");
		assertRefused(approve, "{\"revision\":1,\"comment\":42}", "comment",
				"Must be a text in double quotes, not a number (42).");
		assertRefused(approve, "{\"revision\":1,\"coment\":\"typo\"}", "coment",
				"Unknown field 'coment'; this request takes \"revision\", \"comment\".");
		assertRefused(approve, "{\"revision\":1,\"comment\":\"" + "c".repeat(2001) + "\"}", "comment",
				"A comment has at most 2,000 characters; this one has 2,001.");
		assertRefused(approve, "[1]", "", "The request body must be a JSON object, not a list.");
		assertRefused(approve, "", "", "The request body must be a JSON object with \"revision\", \"comment\"; it is "
				+ "empty.");
		assertThat(error(json(call(approve, "reviewer", "{\"revision\":1,"), 400), 0).get(2)).startsWith("Malformed JSON: ");
		assertThat(error(json(call(approve, "reviewer", "{\"revision\":1,\"revision\":2}"), 400), 0).get(2))
			.startsWith("Malformed JSON: ").contains("revision");
		assertThat(error(json(call(approve, "reviewer", "{\"revision\":1} {}"), 400), 0).get(2))
			.startsWith("Malformed JSON: ");
		MvcResult notJson = this.mvc.perform(post(approve).with(httpBasic("reviewer", "reviewer-pass"))
			.contentType(MediaType.TEXT_PLAIN)
			.content("revision=1")).andReturn();
		assertThat(notJson.getResponse().getStatus()).isEqualTo(415);
		assertThat(notJson.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aSubmissionIsTheAuthorsRefusedWithItsReasonsAndConflictsWhenTheDraftChanged() throws Exception {
		long id = created("admin", "Submission rules");
		long version = this.repository.findById(id).orElseThrow().version();
		Map<String, List<Map<String, Object>>> before = rows();

		JsonNode other = json(call("/api/drafts/" + id + "/submit", "admin2", "{\"justification\":\"mine now\"}"), 403);
		assertThat(other.get("detail").asString()).isEqualTo("Only admin, the author, can submit this draft.");
		JsonNode noJustification = json(call("/api/drafts/" + id + "/submit", "admin", "{}"), 400);
		assertThat(noJustification.get("title").asString()).isEqualTo("Submission refused");
		assertThat(noJustification.get("reasons").toString())
			.isEqualTo("[\"Give a justification of 1 to 2,000 characters.\"]");
		JsonNode changed = json(call("/api/drafts/" + id + "/submit", "admin",
				"{\"justification\":\"ok\",\"version\":" + (version + 7) + "}"), 409);
		assertThat(changed.get("type").asString()).isEqualTo("urn:mlgov:problem:draft-changed");
		assertThat(changed.get("changedBy").asString()).isEqualTo("admin");
		assertThat(json(call("/api/drafts/" + id + "/submit", "reviewer", "{\"justification\":\"x\"}"), 403)
			.get("detail").asString()).startsWith("Access denied.");
		assertThat(json(call("/api/drafts/999999/submit", "admin", "{\"justification\":\"x\"}"), 404)).isNotNull();
		assertThat(rows()).isEqualTo(before);

		JsonNode submitted = json(call("/api/drafts/" + id + "/submit", "admin",
				"{\"justification\":\"ok\",\"version\":" + version + "}"), 200);
		assertThat(submitted.get("revision").asInt()).isEqualTo(1);
		JsonNode twice = json(call("/api/drafts/" + id + "/submit", "admin", "{\"justification\":\"again\"}"), 409);
		assertThat(twice.get("detail").asString()).isEqualTo("Draft " + id + " is SUBMITTED: only a draft being "
				+ "edited (DRAFT) can be submitted.");
	}

	@Test
	void aSubmissionWithBlockingFindingsIsA400ListingEachOne() throws Exception {
		StringBuilder models = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			models.append((i == 0) ? "" : ",").append("\"acme.an-extremely-long-model-identifier-that-is-unusual-")
				.append(String.format("%03d", i)).append("-v1:0\"");
		}
		String overQuota = "{\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"roleName\":\"SageMaker-Quota\","
				+ "\"persona\":\"custom\",\"activities\":[],\"bedrock\":{\"mode\":\"ALLOW_LISTED\",\"allowed\":["
				+ models + "]}}";
		long id = json(call("/api/drafts", "admin", "{\"name\":\"Over quota\",\"specification\":" + overQuota + "}"),
				201).get("id").asLong();

		JsonNode refused = json(call("/api/drafts/" + id + "/submit", "admin", "{\"justification\":\"all models\"}"),
				400);

		assertThat(refused.get("reasons")).singleElement()
			.satisfies((reason) -> assertThat(reason.asString()).matches("QUOTA_EXCEEDED in SageMaker-Quota-permissions-1: "
					+ "The managed policy SageMaker-Quota-permissions-1 has \\d+ characters; IAM allows 6144\\. Shorten "
					+ "the model or resource lists\\."));
		assertThat(this.repository.findById(id).orElseThrow().status()).isEqualTo(DraftStatus.DRAFT);
		assertThat(this.revisions.findByDraft(id)).isEmpty();
	}

	@Test
	void withoutCredentialsOrWithWrongOnesEveryCallIsA401Problem() throws Exception {
		long id = submitted("admin", "Anonymous");
		Map<String, List<Map<String, Object>>> before = rows();
		for (String path : List.of("/api/drafts", "/api/drafts/" + id + "/submit", "/api/reviews/" + id + "/approve",
				"/api/reviews/" + id + "/reject")) {
			MvcResult anonymous = this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.content("{\"revision\":1}")).andReturn();
			assertThat(anonymous.getResponse().getStatus()).as(path).isEqualTo(401);
			assertThat(anonymous.getResponse().getContentType()).startsWith("application/problem+json");
			assertThat(anonymous.getResponse().getHeader("WWW-Authenticate")).isNull();
			MvcResult wrong = this.mvc.perform(post(path).with(httpBasic("reviewer", "wrong"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"revision\":1}")).andReturn();
			assertThat(wrong.getResponse().getStatus()).as(path).isEqualTo(401);
		}
		assertThat(rows().get("draft")).isEqualTo(before.get("draft"));
		assertThat(rows().get("draft_decision")).isEqualTo(before.get("draft_decision"));
	}

	private long created(String author, String name) throws Exception {
		return json(call("/api/drafts", author, "{\"name\":\"" + name + "\",\"specification\":" + SPEC + "}"), 201)
			.get("id").asLong();
	}

	private long submitted(String author, String name) throws Exception {
		long id = created(author, name);
		json(call("/api/drafts/" + id + "/submit", author, "{\"justification\":\"Needed by " + name + "\"}"), 200);
		return id;
	}

	private MvcResult call(String path, String user, String body) throws Exception {
		return this.mvc.perform(post(path).with(httpBasic(user, user + "-pass"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private void assertRefused(String path, String body, String field, String message) throws Exception {
		JsonNode problem = json(call(path, "reviewer", body), 400);
		assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(error(problem, 0).get(0)).as(body).isEqualTo(field);
		assertThat(error(problem, 0).get(2)).as(body).isEqualTo(message);
	}

	/**
	 * Every row of every table, but the sign-ins: each HTTP Basic call is a sign-in, which the audit trail records
	 * whatever the call does.
	 */
	private Map<String, List<Map<String, Object>>> rows() {
		Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>(DatabaseRows.of(this.jdbc));
		rows.put("audit_event", rows.get("audit_event")
			.stream()
			.filter((row) -> !String.valueOf(row.get("action")).startsWith("SIGN_IN"))
			.toList());
		return rows;
	}

	private List<AuditEvent> trail(long id) {
		return this.audit.search(new AuditQuery(null, id, null, null, null), 0, 50);
	}

	private static JsonNode json(MvcResult result, int status) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()).removeQualityValue().getSubtype())
			.isIn("json", "problem+json");
		return MAPPER.readTree(result.getResponse().getContentAsString());
	}

	private static List<String> fields(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	/** An entry of a problem's errors: field, pointer, message. */
	private static List<String> error(JsonNode problem, int index) {
		JsonNode error = problem.get("errors").get(index);
		return List.of(error.get("field").asString(), error.get("pointer").asString(), error.get("message").asString());
	}

	private static List<String> errorMessages(JsonNode problem) {
		List<String> messages = new ArrayList<>();
		problem.get("errors").forEach((e) -> messages.add(e.get("message").asString()));
		return messages;
	}

	private static List<String> errorFields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

}
