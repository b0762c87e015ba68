package org.mlgov.console.access.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.access.Drift;
import org.mlgov.console.access.ProfileAudit;
import org.mlgov.console.access.ResolvedRole;
import org.mlgov.console.access.RoleEvaluation;
import org.mlgov.console.aws.AwsProblem;

import org.springframework.http.HttpStatus;

/** The JSON shapes of the help-desk API and of the pages' JSON links. */
final class AccessJson {

	private AccessJson() {
	}

	static Map<String, Object> role(ResolvedRole role) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("accountId", role.role().accountId());
		json.put("roleName", role.role().roleName());
		json.put("arn", role.role().arn());
		json.put("path", role.role().path());
		json.put("permissionsBoundaryArn", role.role().permissionsBoundaryArn());
		json.put("trustPolicy", role.role().trustPolicyJson());
		List<Map<String, Object>> policies = new ArrayList<>();
		for (ResolvedRole.Policy policy : role.allPolicies()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("name", policy.name());
			p.put("kind", policy.kind().name());
			p.put("arn", policy.arn());
			p.put("versionId", policy.versionId());
			p.put("document", policy.json());
			p.put("problem", policy.problem());
			policies.add(p);
		}
		json.put("policies", policies);
		json.put("tags", role.role().tags());
		return json;
	}

	static Map<String, Object> verdict(RoleEvaluation.Verdict verdict) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("decision", verdict.outcome().name());
		json.put("policy", verdict.policy());
		json.put("sid", verdict.sid());
		json.put("reason", verdict.reason());
		json.put("action", verdict.action());
		json.put("resource", verdict.resource());
		return json;
	}

	static Map<String, Object> capabilities(RoleEvaluation.Capabilities capabilities) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("region", capabilities.region());
		Map<String, Object> bedrock = new LinkedHashMap<>();
		capabilities.bedrock().forEach((provider, cells) -> bedrock.put(provider, cells.stream().map(AccessJson::cell).toList()));
		json.put("bedrockModels", bedrock);
		json.put("jumpStartModels", capabilities.jumpStart().stream().map(AccessJson::cell).toList());
		json.put("canvasFeatures", capabilities.features().stream().map((f) -> {
			Map<String, Object> feature = new LinkedHashMap<>();
			feature.put("feature", f.feature());
			feature.put("on", f.on());
			feature.put("decidedBy", f.decidedBy());
			feature.put("reason", f.reason());
			return feature;
		}).toList());
		return json;
	}

	private static Map<String, Object> cell(RoleEvaluation.ModelCell cell) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("modelId", cell.modelId());
		json.put("name", cell.name());
		json.put("inCatalogue", cell.inCatalogue());
		json.put("active", cell.active());
		json.putAll(verdict(cell.decisive()));
		json.put("verdicts", cell.verdicts().stream().map(AccessJson::verdict).toList());
		return json;
	}

	static Map<String, Object> profile(ProfileAudit.ProfileRow row) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("domainId", row.domainId());
		json.put("userProfileName", row.userProfileName());
		json.put("profileStatus", row.profileStatus());
		json.put("executionRoleArn", row.executionRoleArn());
		json.put("roleName", row.roleName());
		json.put("roleSource", row.roleSource());
		json.put("status", row.status().name());
		json.put("releasedRevision", (row.released() != null)
				? Map.of("draftId", row.released().draftId(), "number", row.released().number(), "draftStatus",
						row.released().draftStatus())
				: null);
		json.put("drift", row.drift().stream().map(AccessJson::drift).toList());
		json.put("canvasAppSettings", (row.canvas() != null) ? row.canvas().members() : null);
		json.put("problem", row.problem());
		return json;
	}

	static Map<String, Object> drift(Drift.Item item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("kind", item.kind().name());
		json.put("subject", item.subject());
		json.put("description", item.description());
		return json;
	}

	/** The HTTP status of a read problem: 404 for what does not exist, 504 for time-outs, 502 for other AWS errors. */
	static HttpStatus status(AwsProblem problem) {
		return switch (problem.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case TIMED_OUT -> HttpStatus.GATEWAY_TIMEOUT;
			default -> HttpStatus.BAD_GATEWAY;
		};
	}

}
