package org.mlgov.console.draft.web;

import java.util.List;

import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.InvalidSpecException;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.stereotype.Component;

/**
 * The generated documents of a draft's content, or why they cannot be generated yet (the fields still to fill in).
 * Nothing is generated in the browser: the preview beside each step and the review step both come from here.
 */
@Component
public class DraftPreview {

	/**
	 * Either the result or the errors that prevent it, with the number of managed policies IAM lets a role have
	 * attached (the configured quota).
	 */
	public record Preview(GenerationResult result, List<FieldError> missing, int attachedPolicyQuota, RoleSpec spec) {

		public Preview(GenerationResult result, List<FieldError> missing, int attachedPolicyQuota) {
			this(result, missing, attachedPolicyQuota, null);
		}

		public boolean ready() {
			return this.result != null;
		}

		/** The generator's findings with this code (empty while nothing is generated), to show beside their choice. */
		public List<Finding> findings(String code) {
			return (this.result == null) ? List.of()
					: this.result.findings().stream().filter((f) -> f.code().equals(code)).toList();
		}

	}

	private final PolicyGenerator generator;

	public DraftPreview(PolicyGenerator generator) {
		this.generator = generator;
	}

	private int attachedPolicyQuota() {
		return this.generator.quotas().attachedPolicies();
	}

	public Preview of(DraftContent content) {
		try {
			return new Preview(this.generator.generate(content.spec()), List.of(), attachedPolicyQuota(), content.spec());
		}
		catch (InvalidSpecException ex) {
			return new Preview(null, ex.errors(), attachedPolicyQuota(), content.spec());
		}
	}

}
