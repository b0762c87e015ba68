package org.mlgov.console.policy;

import java.util.List;

/**
 * The separate role Bedrock assumes for Canvas fine-tuning ({@code GenerativeAiSettings.AmazonBedrockRoleArn}).
 * {@code create} is false when an existing role is used: then only its ARN matters and nothing is pushed for it.
 */
public record BedrockRoleDefinition(boolean create, String name, String path, String arn, PolicyDocument trustPolicy,
		String trustPolicyJson, List<String> managedPolicyArns) {

	public BedrockRoleDefinition {
		managedPolicyArns = List.copyOf(managedPolicyArns);
	}

}
