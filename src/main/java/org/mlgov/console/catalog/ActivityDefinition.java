package org.mlgov.console.catalog;

import java.util.List;
import java.util.Optional;

/**
 * An ML activity of the catalogue. Role Manager activities carry a base template and optional VPC, KMS and VPC+KMS
 * variants that replace the base statements; Canvas activities carry AWS managed policy names instead. Both name the
 * services that must be able to assume the role ({@code trust}, ids of {@link TrustService}).
 */
public record ActivityDefinition(String id, String name, String description, ActivityKind kind,
		List<ParameterDefinition> parameters, PolicyTemplate base, PolicyTemplate vpc, PolicyTemplate kms,
		PolicyTemplate vpcKms, List<String> managedPolicies, List<String> trust, List<String> notes) {

	public ActivityDefinition {
		parameters = List.copyOf(parameters);
		managedPolicies = List.copyOf(managedPolicies);
		trust = List.copyOf(trust);
		notes = List.copyOf(notes);
	}

	public boolean supportsVpc() {
		return this.vpc != null;
	}

	public boolean supportsKms() {
		return this.kms != null;
	}

	public boolean usesPassRole() {
		return this.parameters.stream().anyMatch((p) -> p.parameter() == ActivityParameter.PASS_ROLES);
	}

	public Optional<ParameterDefinition> parameter(ActivityParameter parameter) {
		return this.parameters.stream().filter((p) -> p.parameter() == parameter).findFirst();
	}

	/**
	 * The template that applies for the given customizations. As in Role Manager, a variant replaces the base
	 * statements entirely, and an activity without the needed variant keeps its base statements (the generator says
	 * so in a finding).
	 */
	public PolicyTemplate template(boolean vpcEnabled, boolean kmsEnabled) {
		if (vpcEnabled && kmsEnabled && this.vpcKms != null) {
			return this.vpcKms;
		}
		if (vpcEnabled && this.vpc != null && (!kmsEnabled || this.kms == null)) {
			return this.vpc;
		}
		if (kmsEnabled && this.kms != null && (!vpcEnabled || this.vpc == null)) {
			return this.kms;
		}
		return this.base;
	}

}
