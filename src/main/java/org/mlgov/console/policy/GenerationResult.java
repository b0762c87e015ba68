package org.mlgov.console.policy;

import java.util.List;

/**
 * Everything the generator produces for one specification. The JSON strings are final: the same specification and
 * catalogue version give byte-identical JSON.
 *
 * @param awsManagedPolicyArns AWS managed policies to attach, in a stable order
 * @param canvasAppSettingsJson the SageMaker {@code CanvasAppSettings} object (API field names), or null when no
 * Canvas setting is chosen
 */
public record GenerationResult(String catalogVersion, RoleDefinition role, List<GeneratedPolicy> policies,
		List<String> awsManagedPolicyArns, BedrockRoleDefinition bedrockRole, String canvasAppSettingsJson,
		List<BucketCors> cors, List<Finding> findings) {

	public GenerationResult {
		policies = List.copyOf(policies);
		awsManagedPolicyArns = List.copyOf(awsManagedPolicyArns);
		cors = List.copyOf(cors);
		findings = List.copyOf(findings);
	}

	public List<GeneratedPolicy> inlinePolicies() {
		return this.policies.stream().filter((p) -> p.kind() == PolicyKind.INLINE).toList();
	}

	public List<GeneratedPolicy> customerManagedPolicies() {
		return this.policies.stream().filter((p) -> p.kind() == PolicyKind.CUSTOMER_MANAGED).toList();
	}

	/** Managed policies attached to the role: customer managed plus AWS managed. */
	public int attachedPolicyCount() {
		return customerManagedPolicies().size() + this.awsManagedPolicyArns.size();
	}

	public boolean blocked() {
		return this.findings.stream().anyMatch(Finding::blocking);
	}

}
