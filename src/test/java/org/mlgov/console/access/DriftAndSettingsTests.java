package org.mlgov.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.review.FrozenDocuments;

/** Effective Canvas settings, role ARNs, and each kind of drift against a released revision. */
class DriftAndSettingsTests {

	@Test
	void aProfileSettingOverridesTheDomainDefaultMemberByMember() {
		EffectiveCanvas canvas = EffectiveCanvas.of(
				"{\"DirectDeploySettings\":{\"Status\":\"ENABLED\"},\"KendraSettings\":{\"Status\":\"ENABLED\"}}",
				"{\"KendraSettings\":{\"Status\":\"DISABLED\"}}");
		assertThat(canvas.status("KendraSettings")).isEqualTo("DISABLED");
		assertThat(canvas.source("KendraSettings")).isEqualTo("user profile");
		assertThat(canvas.status("DirectDeploySettings")).isEqualTo("ENABLED");
		assertThat(canvas.source("DirectDeploySettings")).isEqualTo("domain default");
		assertThat(canvas.status("ModelRegisterSettings")).isNull();
		assertThat(EffectiveCanvas.of(null, null).json().strip()).isEqualTo("{}");
	}

	@Test
	void roleArnsWithPathsAreRead() {
		assertThat(RoleRef.of("arn:aws:iam::111122223333:role/service-role/Canvas"))
			.isEqualTo(new RoleRef("arn:aws:iam::111122223333:role/service-role/Canvas", "111122223333", "Canvas"));
		assertThat(RoleRef.of("arn:aws-cn:iam::111122223333:role/X").roleName()).isEqualTo("X");
		assertThat(RoleRef.of("arn:aws:iam::111122223333:policy/X")).isNull();
		assertThat(RoleRef.of("arn:aws:iam::12:role/X")).isNull();
		assertThat(RoleRef.of(null)).isNull();
	}

	private static ResolvedRole resolved(LiveRole role) {
		List<LiveRead<LivePolicy>> attached = role.attachedPolicies()
			.stream()
			.map((p) -> LiveRead.found(new LivePolicy(p.arn(), p.name(), "v1",
					(p.documentJson() != null) ? p.documentJson() : "{\"Version\":\"2012-10-17\",\"Statement\":[]}")))
			.toList();
		return ResolvedRole.of(role, attached, null);
	}

	@Test
	void everyKindOfRoleDriftIsNamed() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		PolicyGenerator generator = new PolicyGenerator(CatalogLoader.loadDefault());
		GenerationResult result = generator.generate(spec);
		FrozenDocuments released = FrozenDocuments.of(result, RoleMode.NEW_ROLE,
				new CanvasTargets("d-abc123def456", false, List.of("alice")));
		LiveRole pushed = FakeLiveStateReader.pushed(spec, result);
		assertThat(Drift.ofRole(resolved(pushed), released)).isEmpty();

		Map<String, String> inline = new LinkedHashMap<>(pushed.inlinePolicies());
		String removed = inline.keySet().iterator().next();
		inline.remove(removed);
		inline.put("HandMade", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
				+ "\"Resource\":\"*\"}]}");
		List<LiveRole.AttachedPolicy> attached = pushed.attachedPolicies()
			.stream()
			.filter((p) -> !p.awsManaged())
			.toList();
		LiveRole changed = new LiveRole(pushed.accountId(), pushed.roleName(), pushed.arn(), pushed.path(),
				pushed.description(), pushed.maxSessionDurationSeconds(), null,
				pushed.trustPolicyJson().replace("sagemaker.amazonaws.com", "ec2.amazonaws.com"), inline, attached,
				Map.of("team", "b"));
		List<Drift.Item> drift = Drift.ofRole(resolved(changed), released);
		assertThat(drift).extracting(Drift.Item::kind)
			.contains(Drift.Kind.TRUST_CHANGED, Drift.Kind.POLICY_ADDED, Drift.Kind.POLICY_REMOVED,
					Drift.Kind.ROLE_SETTING_CHANGED);
		assertThat(drift).filteredOn((i) -> i.kind() == Drift.Kind.POLICY_REMOVED)
			.extracting(Drift.Item::subject)
			.anyMatch((subject) -> subject.endsWith(removed));
		assertThat(drift).filteredOn((i) -> i.kind() == Drift.Kind.ROLE_SETTING_CHANGED)
			.extracting(Drift.Item::subject)
			.anyMatch((subject) -> subject.startsWith("AWS managed policy"))
			.contains("tag team");

		// Canvas settings of the profile the revision targets, and CORS rules removed by hand.
		LiveDomain domain = new LiveDomain("111122223333", "us-east-1", "d-abc123def456", "arn", "d", "InService",
				null, null);
		LiveUserProfile alice = new LiveUserProfile("111122223333", "us-east-1", "d-abc123def456", "alice", "arn",
				"InService", null, "{\"KendraSettings\":{\"Status\":\"ENABLED\"}}");
		assertThat(ProfileAudit.canvasDrift(domain, alice, released).kind()).isEqualTo(Drift.Kind.CANVAS_CHANGED);
		LiveUserProfile matching = new LiveUserProfile("111122223333", "us-east-1", "d-abc123def456", "alice",
				"arn", "InService", null, released.canvasAppSettingsJson());
		assertThat(ProfileAudit.canvasDrift(domain, matching, released)).isNull();
		LiveUserProfile bob = new LiveUserProfile("111122223333", "us-east-1", "d-abc123def456", "bob", "arn",
				"InService", null, null);
		assertThat(ProfileAudit.canvasDrift(domain, bob, released)).isNull();
		if (!released.cors().isEmpty()) {
			String bucket = released.cors().get(0).bucket();
			assertThat(Drift.ofCors(released.cors(), Map.of(bucket, new LiveBucketCors("111122223333", "us-east-1",
					bucket, "[]", 0))))
				.extracting(Drift.Item::description)
				.anyMatch((d) -> d.contains("were removed"));
		}
	}

}
