package org.mlgov.console.access;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.policy.evaluation.PolicyEvaluator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The help-desk audit's beans: the offline evaluator over the catalogue's service reference, the profile audit. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	RoleEvaluation roleEvaluation(Catalog catalog) {
		return new RoleEvaluation(new PolicyEvaluator(catalog.serviceAuthorization()), catalog);
	}

	@Bean
	ProfileAudit profileAudit(LiveStateReader reader, ReleasedRevisions released, KnownProfiles known) {
		return new ProfileAudit(reader, released, known, ProfileAudit.DEFAULT_PARALLELISM);
	}

}
