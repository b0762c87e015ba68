package org.mlgov.console.policy.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ManagedPolicy;
import org.mlgov.console.policy.GeneratedPolicy;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyKind;

/**
 * The identity policies of a generated role as evaluator inputs: the generated inline and customer managed policies,
 * then the AWS managed policies it attaches, with the documents the catalogue copies. An AWS managed policy whose
 * document the catalogue does not copy (for example {@code AmazonSageMakerCanvasFullAccess}) becomes an
 * {@linkplain PolicyInput#unavailable unavailable} input, so that no decision pretends to know it.
 * <p>
 * The role's permissions boundary ({@code RoleDefinition.permissionsBoundaryArn}) is not included: the console does
 * not hold its document, so the caller passes it to {@link PolicyEvaluator#evaluate(List, PolicyInput,
 * EvaluationRequest)} when it has it.
 */
public final class GeneratedRolePolicies {

	private GeneratedRolePolicies() {
	}

	/**
	 * @param result what the generator produced for the role
	 * @param catalog the catalogue it was generated from (for the AWS managed policy documents)
	 * @return the role's identity policies, generated ones first
	 */
	public static List<PolicyInput> identityPolicies(GenerationResult result, Catalog catalog) {
		List<PolicyInput> inputs = new ArrayList<>();
		for (GeneratedPolicy policy : result.policies()) {
			PolicyInput.Kind kind = (policy.kind() == PolicyKind.INLINE) ? PolicyInput.Kind.INLINE
					: PolicyInput.Kind.CUSTOMER_MANAGED;
			inputs.add(PolicyInput.of(policy.name(), kind, policy.json()));
		}
		for (String arn : result.awsManagedPolicyArns()) {
			String name = arn.substring(arn.lastIndexOf('/') + 1);
			ManagedPolicy managed = catalog.managedPolicies()
				.stream()
				.filter((p) -> p.name().equals(name))
				.findFirst()
				.orElse(null);
			if (managed != null && managed.document() != null) {
				inputs.add(PolicyInput.of(name, PolicyInput.Kind.AWS_MANAGED, managed.document()));
			}
			else {
				String note = (managed != null && managed.documentNote() != null) ? managed.documentNote()
						: "the catalogue has no copy of its document";
				inputs.add(PolicyInput.unavailable(name, PolicyInput.Kind.AWS_MANAGED, note));
			}
		}
		return inputs;
	}

}
