package org.mlgov.console.push;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.FrozenDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner, plain Java: what it plans for a role that does not exist, one that matches, and one that drifted. */
class PushPlannerTests {

	static final FrozenDocuments DOCS = FrozenDocuments.of(
			new PolicyGenerator(CatalogLoader.loadDefault()).generate(TestSpecs.dataScientistEverything()),
			RoleMode.NEW_ROLE, new CanvasTargets("d-1", true, List.of()));

	static final PushPlanner.Target TARGET = new PushPlanner.Target("111122223333", "us-east-1", "aws", DOCS);

	static final String CUSTOM = "arn:aws:iam::111122223333:policy/Custom";

	/** The role as the revision makes it, attached policies included. */
	static LiveRole live(List<String> extraAttached) {
		var role = DOCS.role();
		Map<String, String> inline = new java.util.LinkedHashMap<>();
		List<LiveRole.AttachedPolicy> attached = new java.util.ArrayList<>();
		for (var p : DOCS.policies()) {
			if (p.kind().equals("INLINE")) {
				inline.put(p.name(), p.json());
			}
			else {
				attached.add(new LiveRole.AttachedPolicy(TARGET.policyArn(p), p.name(), "v1", p.json()));
			}
		}
		DOCS.awsManagedPolicyArns().forEach((arn) -> attached.add(new LiveRole.AttachedPolicy(arn, "n", null, null)));
		extraAttached.forEach((arn) -> attached.add(new LiveRole.AttachedPolicy(arn, "x", "v1", "{}")));
		Map<String, String> tags = new java.util.LinkedHashMap<>();
		role.tags().forEach((t) -> tags.put(t.key(), t.value()));
		return new LiveRole("111122223333", role.name(), role.arn(), role.path(), role.description(),
				role.maxSessionDurationSeconds(), null, role.trustPolicyJson(), inline, attached, tags);
	}

	static Map<String, AwsWriter.ManagedPolicy> policies(int versions) {
		Map<String, AwsWriter.ManagedPolicy> policies = new java.util.LinkedHashMap<>();
		for (var p : TARGET.customerManaged()) {
			List<AwsWriter.Version> list = new java.util.ArrayList<>();
			for (int i = 1; i <= versions; i++) {
				list.add(new AwsWriter.Version("v" + i, i == versions, Instant.EPOCH.plusSeconds(i)));
			}
			policies.put(TARGET.policyArn(p), new AwsWriter.ManagedPolicy(TARGET.policyArn(p), "v" + versions,
					p.json(), list));
		}
		return policies;
	}

	static Map<String, LiveBucketCors> buckets(String rules) {
		Map<String, LiveBucketCors> buckets = new java.util.LinkedHashMap<>();
		DOCS.cors().forEach((c) -> buckets.put(c.bucket(), new LiveBucketCors("111122223333", "us-east-1", c.bucket(),
				(rules != null) ? rules : c.json(), 1)));
		return buckets;
	}

	static LiveDomain domain(String role) {
		return new LiveDomain("111122223333", "us-east-1", "d-1", "arn:domain/d-1", "a", "InService", role,
				DOCS.canvasAppSettingsJson());
	}

	@Test
	void aRoleThatDoesNotExistIsCreatedWithEveryPolicyAndSetting() {
		List<PlannedStep> steps = PushPlanner.plan(TARGET, new LiveState(null, null, Map.of(), domain(null), Map.of(),
				buckets("[]"), Set.of()));
		assertThat(steps).allMatch(PlannedStep::changes);
		assertThat(steps.get(0).operation()).isEqualTo("CreateRole");
		assertThat(steps).extracting(PlannedStep::operation).contains("PutRolePolicy", "CreatePolicy",
				"AttachRolePolicy", "UpdateDomain", "PutBucketCors");
	}

	@Test
	void aRoleThatMatchesPlansNoWrite() {
		LiveRole bedrock = new LiveRole("111122223333", DOCS.bedrockRole().name(), DOCS.bedrockRole().arn(), "/", null,
				3600, null, DOCS.bedrockRole().trustPolicyJson(), Map.of(), DOCS.bedrockRole().managedPolicyArns()
					.stream()
					.map((arn) -> new LiveRole.AttachedPolicy(arn, "n", null, null))
					.toList(), Map.of());
		List<PlannedStep> steps = PushPlanner.plan(TARGET, new LiveState(live(List.of()), bedrock, policies(1),
				domain(DOCS.role().arn()), Map.of(), buckets(null), Set.of()));
		assertThat(steps).noneMatch(PlannedStep::changes);
	}

	@Test
	void onlyPoliciesThisConsoleAttachedAreDetached() {
		String byHand = "arn:aws:iam::aws:policy/ReadOnlyAccess";
		List<PlannedStep> steps = PushPlanner.plan(TARGET, new LiveState(live(List.of(byHand, CUSTOM)), null,
				policies(1), domain(DOCS.role().arn()), Map.of(), buckets(null), Set.of(CUSTOM)));
		assertThat(steps).filteredOn((s) -> s.operation().equals("DetachRolePolicy"))
			.extracting(PlannedStep::arguments, PlannedStep::changes, PlannedStep::detaches)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("RoleName=SageMaker-DataScientist, PolicyArn=" + byHand,
					false, null),
					org.assertj.core.groups.Tuple.tuple("RoleName=SageMaker-DataScientist, PolicyArn=" + CUSTOM, true,
							CUSTOM));
	}

	@Test
	void aChangedManagedPolicyGetsANewDefaultVersionAfterTheOldestNonDefaultOneIsDeletedAtFive() {
		Map<String, AwsWriter.ManagedPolicy> drifted = new java.util.LinkedHashMap<>();
		policies(5).forEach((arn, p) -> drifted.put(arn, new AwsWriter.ManagedPolicy(arn, p.defaultVersionId(),
				"{\"Version\":\"2012-10-17\",\"Statement\":[]}", p.versions())));
		List<PlannedStep> steps = PushPlanner.plan(TARGET, new LiveState(live(List.of()), null, drifted,
				domain(DOCS.role().arn()), Map.of(), buckets(null), Set.of()));
		List<PlannedStep> versions = steps.stream()
			.filter((s) -> s.operation().endsWith("PolicyVersion") && s.changes())
			.toList();
		assertThat(versions).extracting(PlannedStep::operation)
			.startsWith("DeletePolicyVersion", "CreatePolicyVersion");
		assertThat(versions.get(0).arguments()).endsWith("VersionId=v1");
	}

	@Test
	void corsIsAddedOnlyWhereNoEquivalentRuleExistsAndOtherRulesAreKept() {
		String needed = DOCS.cors().get(0).json();
		assertThat(JsonDocs.missingCorsRules(needed, needed)).isEmpty();
		String wider = needed.replaceFirst("\"AllowedMethods\": \\[", "\"AllowedMethods\": [\"PATCH\", ")
			.replaceFirst("\"ExposeHeaders\": \\[", "\"ExposeHeaders\": [\"X-Extra\", ");
		assertThat(wider).isNotEqualTo(needed);
		assertThat(JsonDocs.missingCorsRules(wider, needed)).as(wider).isEmpty();
		String other = "[{\"ID\":\"other\",\"AllowedMethods\":[\"GET\"],\"AllowedOrigins\":[\"https://x\"]}]";
		var missing = JsonDocs.missingCorsRules(other, DOCS.cors().get(0).json());
		assertThat(missing).isNotEmpty();
		assertThat(JsonDocs.corsWithAdded(other, missing)).contains("\"other\"").contains("DELETE");
	}

	@Test
	void canvasSettingsAreSetOverTheLiveOnesKeepingTheOthers() {
		String merged = JsonDocs.mergeCanvas("{\"KendraSettings\":{\"Status\":\"ENABLED\"}}", DOCS.canvasAppSettingsJson());
		assertThat(JsonDocs.canvasCovered(merged, DOCS.canvasAppSettingsJson())).isTrue();
		assertThat(merged).contains("KendraSettings");
		assertThat(JsonDocs.canvasCovered("{\"KendraSettings\":{\"Status\":\"ENABLED\"}}", DOCS.canvasAppSettingsJson()))
			.isFalse();
	}

	@Test
	void policiesAreComparedAsIamReadsThem() {
		String a = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}";
		String b = "{\n  \"Statement\": {\"Resource\": [\"*\"], \"Action\": \"S3:getobject\", \"Effect\": \"Allow\"},\n  \"Version\": \"2012-10-17\"}";
		assertThat(JsonDocs.samePolicy(a, b)).isTrue();
		assertThat(JsonDocs.samePolicy(a, a.replace("GetObject", "PutObject"))).isFalse();
		assertThat(JsonDocs.samePolicy(null, a)).isFalse();
	}

}
