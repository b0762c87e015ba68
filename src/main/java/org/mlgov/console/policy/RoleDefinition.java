package org.mlgov.console.policy;

import java.util.List;

/** The IAM role to create or update, with its trust policy. */
public record RoleDefinition(String name, String path, String arn, String description, int maxSessionDurationSeconds,
		String permissionsBoundaryArn, List<RoleSpec.Tag> tags, PolicyDocument trustPolicy, String trustPolicyJson,
		int trustPolicySize, int trustPolicyQuota) {

	public RoleDefinition {
		tags = List.copyOf(tags);
	}

}
