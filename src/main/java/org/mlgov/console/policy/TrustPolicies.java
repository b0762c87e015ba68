package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.TrustService;

/**
 * Builds trust policies from every service the selected activities and settings need (not only the persona's, unlike
 * the CDK library, which takes the trust policy of the first activity). Each service gets its confused-deputy
 * condition from the catalogue: {@code aws:SourceArn} for SageMaker (the form Role Manager emits),
 * {@code aws:SourceAccount} for Bedrock and Forecast.
 */
final class TrustPolicies {

	/** The order services appear in, whatever order the specification named them in. */
	private static final List<String> ORDER = List.of("sagemaker", "bedrock", "forecast");

	private TrustPolicies() {
	}

	static PolicyDocument of(GenerationContext context, Collection<String> serviceIds) {
		List<Statement> statements = new ArrayList<>();
		for (String id : ORDER) {
			if (serviceIds.contains(id)) {
				statements.add(statement(context, context.catalog().trustService(id)));
			}
		}
		for (String id : serviceIds) {
			if (!ORDER.contains(id)) {
				statements.add(statement(context, context.catalog().trustService(id)));
			}
		}
		return new PolicyDocument(statements);
	}

	static Statement statement(GenerationContext context, TrustService service) {
		Map<String, Map<String, List<String>>> condition = new LinkedHashMap<>();
		service.condition().forEach((operator, keys) -> {
			Map<String, List<String>> resolved = new LinkedHashMap<>();
			keys.forEach((key, values) -> resolved.put(key, values.stream()
				.map((v) -> v.replace("${Partition}", context.partition())
					.replace("${Region}", context.spec().region())
					.replace("${AccountId}", context.spec().accountId()))
				.toList()));
			condition.put(operator, resolved);
		});
		return Statement.trust(service.sid(), service.principal(), condition);
	}

}
