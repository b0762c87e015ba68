package org.mlgov.console.config;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.policy.IamQuotas;
import org.mlgov.console.policy.PolicyGenerator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java catalogue and generator into the application. */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

	/**
	 * IAM quotas of the governed accounts (AWS defaults unless raised through Service Quotas: trust policy up to
	 * 4,096, attached managed policies up to 20).
	 *
	 * @param trustPolicy Size quota of a role's trust policy, in characters without white space. Raise it only when
	 * AWS raised it for the governed accounts.
	 * @param inlineAggregate Size quota of all inline policies of a role together, in characters without white
	 * space.
	 * @param managedPolicy Size quota of one customer managed policy, in characters without white space.
	 * @param attachedPolicies How many managed policies (AWS and customer managed) may be attached to a role. Raise
	 * it only when AWS raised it for the governed accounts.
	 */
	@ConfigurationProperties("console.iam-quotas")
	public record IamQuotaProperties(@DefaultValue("2048") int trustPolicy, @DefaultValue("10240") int inlineAggregate,
			@DefaultValue("6144") int managedPolicy, @DefaultValue("10") int attachedPolicies) {

		IamQuotas toQuotas() {
			return new IamQuotas(this.trustPolicy, this.inlineAggregate, this.managedPolicy, this.attachedPolicies);
		}

	}

	@Bean
	Catalog catalog() {
		return CatalogLoader.loadDefault();
	}

	@Bean
	PolicyGenerator policyGenerator(Catalog catalog, IamQuotaProperties quotas) {
		return new PolicyGenerator(catalog, quotas.toQuotas());
	}

}
