package org.mlgov.console.review;

import java.util.List;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.BucketCors;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.RoleSpec;

/**
 * The generated documents of a submitted revision, exactly as generated: every JSON document is kept as the string
 * the generator wrote, so what the reviewer approves is what the push sends, byte for byte.
 */
public record FrozenDocuments(String catalogVersion, RoleMode roleMode, Role role, List<Policy> policies,
		List<String> awsManagedPolicyArns, BedrockRole bedrockRole, String canvasAppSettingsJson,
		CanvasTargets canvasTargets, List<Cors> cors, List<Finding> findings) {

	public record Role(String name, String path, String arn, String description, int maxSessionDurationSeconds,
			String permissionsBoundaryArn, List<RoleSpec.Tag> tags, String trustPolicyJson, int trustPolicySize,
			int trustPolicyQuota) {
	}

	public record Policy(String name, String kind, String path, String json, int size, int quota) {
	}

	public record BedrockRole(boolean create, String name, String path, String arn, String trustPolicyJson,
			List<String> managedPolicyArns) {
	}

	public record Cors(String bucket, String purpose, String json) {
	}

	public static FrozenDocuments of(GenerationResult result, RoleMode roleMode, CanvasTargets targets) {
		var r = result.role();
		Role role = new Role(r.name(), r.path(), r.arn(), r.description(), r.maxSessionDurationSeconds(),
				r.permissionsBoundaryArn(), r.tags(), r.trustPolicyJson(), r.trustPolicySize(), r.trustPolicyQuota());
		List<Policy> policies = result.policies()
			.stream()
			.map((p) -> new Policy(p.name(), p.kind().name(), p.path(), p.json(), p.size(), p.quota()))
			.toList();
		var b = result.bedrockRole();
		BedrockRole bedrock = (b == null) ? null
				: new BedrockRole(b.create(), b.name(), b.path(), b.arn(), b.trustPolicyJson(), b.managedPolicyArns());
		List<Cors> cors = result.cors()
			.stream()
			.map((BucketCors c) -> new Cors(c.bucket(), c.purpose(), c.json()))
			.toList();
		return new FrozenDocuments(result.catalogVersion(), roleMode, role, policies, result.awsManagedPolicyArns(),
				bedrock, result.canvasAppSettingsJson(), targets, cors, result.findings());
	}

	public boolean blocked() {
		return this.findings.stream().anyMatch(Finding::blocking);
	}

}
