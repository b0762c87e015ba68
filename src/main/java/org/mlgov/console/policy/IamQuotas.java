package org.mlgov.console.policy;

/**
 * The IAM quotas the generator keeps to (non-white-space characters, as IAM counts). The defaults are AWS's defaults;
 * an account whose trust-policy or attached-policy quota was raised can pass its own values.
 */
public record IamQuotas(int trustPolicy, int inlineAggregate, int managedPolicy, int attachedPolicies) {

	public static final IamQuotas DEFAULTS = new IamQuotas(2048, 10240, 6144, 10);

	/** A document at or above this share of its quota gets a warning. */
	public static final double NEAR_QUOTA = 0.9;

}
