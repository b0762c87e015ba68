package org.mlgov.console.preview;

import java.util.List;

import org.mlgov.console.policy.BucketCors;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GeneratedPolicy;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.RoleSpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON answer of {@code POST /api/role-preview}: every generated document as a JSON object (ready to paste into
 * the AWS CLI), sizes against quotas, findings, and the catalogue version the documents were generated from.
 */
record RolePreviewResponse(String catalogVersion, boolean blocked, Role role, List<Policy> policies,
		List<String> awsManagedPolicyArns, BedrockRole bedrockRole, JsonNode canvasAppSettings, List<Cors> cors,
		List<Finding> findings) {

	record Role(String name, String path, String arn, String description, int maxSessionDurationSeconds,
			String permissionsBoundaryArn, List<RoleSpec.Tag> tags, JsonNode trustPolicy, int trustPolicySize,
			int trustPolicyQuota) {
	}

	record Policy(String name, String kind, String path, int size, int quota, JsonNode document) {
	}

	record BedrockRole(boolean create, String name, String path, String arn, JsonNode trustPolicy,
			List<String> managedPolicyArns) {
	}

	record Cors(String bucket, String purpose, JsonNode corsRules) {
	}

	static RolePreviewResponse of(GenerationResult result, ObjectMapper mapper) {
		var role = result.role();
		Role roleView = new Role(role.name(), role.path(), role.arn(), role.description(),
				role.maxSessionDurationSeconds(), role.permissionsBoundaryArn(), role.tags(),
				mapper.readTree(role.trustPolicyJson()), role.trustPolicySize(), role.trustPolicyQuota());
		List<Policy> policies = result.policies()
			.stream()
			.map((GeneratedPolicy p) -> new Policy(p.name(), p.kind().name(), p.path(), p.size(), p.quota(),
					mapper.readTree(p.json())))
			.toList();
		BedrockRole bedrockRole = (result.bedrockRole() == null) ? null
				: new BedrockRole(result.bedrockRole().create(), result.bedrockRole().name(),
						result.bedrockRole().path(), result.bedrockRole().arn(),
						(result.bedrockRole().trustPolicyJson() == null) ? null
								: mapper.readTree(result.bedrockRole().trustPolicyJson()),
						result.bedrockRole().managedPolicyArns());
		List<Cors> cors = result.cors()
			.stream()
			.map((BucketCors c) -> new Cors(c.bucket(), c.purpose(), mapper.readTree(c.json())))
			.toList();
		JsonNode canvas = (result.canvasAppSettingsJson() == null) ? null
				: mapper.readTree(result.canvasAppSettingsJson());
		return new RolePreviewResponse(result.catalogVersion(), result.blocked(), roleView, policies,
				result.awsManagedPolicyArns(), bedrockRole, canvas, cors, result.findings());
	}

}
