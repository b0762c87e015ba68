package org.mlgov.console.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.PlanAction;
import org.mlgov.console.review.PlanAction.Subject;
import org.mlgov.console.review.PlanAction.Verb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review page's view of the push plan is the planner's own steps, one for one and in order, each given the verb,
 * subject and documents the page explains.
 */
class PushPlanPreviewTests {

	static final PolicyGenerator GENERATOR = new PolicyGenerator(CatalogLoader.loadDefault());

	static final String BY_HAND = "arn:aws:iam::aws:policy/ReadOnlyAccess";

	static final String BY_CONSOLE = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

	static final String HAND_WRITTEN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
			+ "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}";

	static final String TEAM_RULE = "[{\"ID\":\"team-upload\",\"AllowedMethods\":[\"PUT\"],"
			+ "\"AllowedOrigins\":[\"https://team.example.com\"]}]";

	@Test
	void everyStepOfThePlanIsOneActionWithItsVerbSubjectAndDocuments() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		GenerationResult result = GENERATOR.generate(spec);
		FrozenDocuments docs = FrozenDocuments.of(result, RoleMode.UPDATE_EXISTING, CanvasTargets.none());
		LiveRole pushed = FakeLiveStateReader.pushed(spec, result);
		Map<String, String> inline = new LinkedHashMap<>(pushed.inlinePolicies());
		inline.put("HandWritten", HAND_WRITTEN);
		List<LiveRole.AttachedPolicy> attached = new ArrayList<>(pushed.attachedPolicies());
		attached.add(new LiveRole.AttachedPolicy(BY_HAND, "ReadOnlyAccess", null, null));
		attached.add(new LiveRole.AttachedPolicy(BY_CONSOLE, "AmazonS3ReadOnlyAccess", null, null));
		LiveRole live = new LiveRole(pushed.accountId(), pushed.roleName(), pushed.arn(), pushed.path(),
				pushed.description(), pushed.maxSessionDurationSeconds(), null, pushed.trustPolicyJson(), inline,
				attached, pushed.tags());
		Map<String, AwsWriter.ManagedPolicy> policies = new LinkedHashMap<>();
		for (LiveRole.AttachedPolicy policy : pushed.attachedPolicies()) {
			if (!policy.awsManaged()) {
				policies.put(policy.arn(), new AwsWriter.ManagedPolicy(policy.arn(), "v1", policy.documentJson(),
						List.of(new AwsWriter.Version("v1", true, Instant.parse("2026-01-01T00:00:00Z")))));
			}
		}
		LiveState state = new LiveState(live, null, policies, null, Map.of(),
				Map.of("ml-eval-bucket", new LiveBucketCors(TestSpecs.ACCOUNT, "us-east-1", "ml-eval-bucket",
						TEAM_RULE, 1)),
				Set.of(BY_CONSOLE));
		PushPlanner.Target target = new PushPlanner.Target(TestSpecs.ACCOUNT, "us-east-1", "aws", docs);

		List<PlannedStep> steps = PushPlanner.plan(target, state);
		List<PlanAction> actions = PushPlanPreview.actions(target, state);

		assertThat(actions).extracting(PlanAction::operation).containsExactlyElementsOf(
				steps.stream().map(PlannedStep::operation).toList());
		assertThat(actions).extracting(PlanAction::note).containsExactlyElementsOf(
				steps.stream().map(PlannedStep::note).toList());
		assertThat(actions).allSatisfy((action) -> assertThat(action.subject()).isNotEqualTo(Subject.OTHER));
		for (int i = 0; i < steps.size(); i++) {
			assertThat(actions.get(i).verb().writes()).as(steps.get(i).note()).isEqualTo(steps.get(i).changes());
		}

		assertThat(actions).filteredOn((a) -> a.operation().equals("DeleteRolePolicy")).singleElement()
			.satisfies((a) -> {
				assertThat(a.verb()).isEqualTo(Verb.DELETE);
				assertThat(a.subject()).isEqualTo(Subject.INLINE_POLICY);
				assertThat(a.name()).isEqualTo("HandWritten");
				assertThat(a.liveDocument()).isEqualTo(HAND_WRITTEN);
				assertThat(a.revisionDocument()).isNull();
			});
		assertThat(actions).filteredOn((a) -> a.operation().equals("DetachRolePolicy"))
			.extracting(PlanAction::name, PlanAction::verb)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(BY_HAND, Verb.KEEP),
					org.assertj.core.groups.Tuple.tuple(BY_CONSOLE, Verb.DETACH));
		assertThat(actions).filteredOn((a) -> a.operation().equals("PutRolePolicy"))
			.allSatisfy((a) -> {
				assertThat(a.verb()).isEqualTo(Verb.NO_CHANGE);
				assertThat(a.liveDocument()).isNotNull().isEqualTo(a.revisionDocument());
			});
		assertThat(actions).filteredOn((a) -> a.subject() == Subject.BUCKET_CORS && a.name().equals("ml-eval-bucket"))
			.singleElement()
			.satisfies((a) -> {
				assertThat(a.verb()).isEqualTo(Verb.ADD_CORS_RULE);
				assertThat(a.liveDocument()).isEqualTo(TEAM_RULE);
				assertThat(a.revisionDocument()).contains("\"AllowedMethods\":[\"GET\",\"PUT\",\"POST\",\"DELETE\"]")
					.doesNotContain("team-upload");
			});
	}

}
