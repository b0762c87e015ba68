package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.PolicyTemplate;
import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.catalog.TemplateStatement;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Role Manager activity, with its parameters substituted, grants exactly what its reference template grants:
 * the same (effect, action, resource) triples, each under the template's conditions, except for the documented
 * repairs: deprecated condition keys renamed to their successors, keys an action does not support dropped (with a
 * finding), actions without resource-level permissions moved to {@code *}. The expectation is computed here from the
 * catalogue template with a separate, literal substitution, not by calling the generator's code.
 */
class ActivityTemplateTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final ServiceAuthorization SAR = CATALOG.serviceAuthorization();

	static Stream<Arguments> activitiesAndVariants() {
		List<Arguments> out = new ArrayList<>();
		for (ActivityDefinition activity : CATALOG.activities()) {
			if (activity.kind() != ActivityKind.ROLE_MANAGER) {
				continue;
			}
			out.add(Arguments.of(activity.id(), false, false));
			if (activity.supportsVpc()) {
				out.add(Arguments.of(activity.id(), true, false));
			}
			if (activity.supportsKms()) {
				out.add(Arguments.of(activity.id(), false, true));
			}
			if (activity.supportsVpc() && activity.supportsKms()) {
				out.add(Arguments.of(activity.id(), true, true));
			}
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0} vpc={1} kms={2}")
	@MethodSource("activitiesAndVariants")
	void grantsWhatTheTemplateGrants(String activityId, boolean vpc, boolean kms) {
		ActivityDefinition activity = CATALOG.activity(activityId).orElseThrow();
		RoleSpec spec = TestSpecs.bare("custom")
			.toBuilder()
			.roleName("SageMaker-Activity")
			.activities(TestSpecs.activities(activityId))
			.vpc(vpc ? TestSpecs.vpc() : null)
			.kms(kms ? TestSpecs.kms() : null)
			.build();
		GenerationResult result = new PolicyGenerator(CATALOG).generate(spec);
		assertThat(result.blocked()).as("blocking findings: %s", result.findings()).isFalse();

		Set<String> expected = expectedGrants(activity.template(vpc, kms), TestSpecs.parametersFor(activityId), vpc,
				kms);
		Set<String> actual = new TreeSet<>();
		for (GeneratedPolicy policy : result.policies()) {
			actual.addAll(grants(SemanticPolicy.parse(policy.json())));
		}
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(expected).isNotEmpty();
	}

	private Set<String> expectedGrants(PolicyTemplate template, Map<String, List<String>> params, boolean vpc,
			boolean kms) {
		Map<String, List<String>> values = new TreeMap<>(params);
		values.put("VpcSubnets", vpc ? TestSpecs.vpc().subnetIds() : List.of());
		values.put("VpcSecurityGroups", vpc ? TestSpecs.vpc().securityGroupIds() : List.of());
		values.put("DataKmsKeys", kms ? TestSpecs.kms().dataKeyArns() : List.of());
		values.put("VolumeKmsKeys", kms ? TestSpecs.kms().volumeKeyArns() : List.of());
		Set<String> grants = new TreeSet<>();
		for (TemplateStatement ts : template.statements()) {
			List<String> resources = new ArrayList<>();
			ts.resources().forEach((r) -> resources.addAll(literal(r, values)));
			for (String action : ts.actions()) {
				// A wildcard action (sagemaker-mlflow:*) stays as written, with its resources and conditions.
				ServiceAuthorization.Action info = action.contains("*") ? null : SAR.action(action).orElseThrow();
				Map<String, Map<String, Set<String>>> conditions = new TreeMap<>();
				ts.conditions().forEach((operator, keys) -> keys.forEach((key, vals) -> {
					String effectiveKey = SAR.replacementFor(key).orElse(key);
					if (info == null || SAR.supportsConditionKey(info, effectiveKey)) {
						Set<String> expanded = new TreeSet<>();
						vals.forEach((v) -> expanded.addAll(literal(v, values)));
						conditions.computeIfAbsent(operator, (o) -> new TreeMap<>()).put(effectiveKey, expanded);
					}
				}));
				List<String> effectiveResources = (info != null && info.resourceTypes().isEmpty()) ? List.of("*") : resources;
				for (String resource : effectiveResources) {
					grants.add(ts.effect() + " " + action.toLowerCase() + " " + resource + " " + conditions);
				}
			}
		}
		return grants;
	}

	/** Literal placeholder substitution, independent of the generator's. */
	private static List<String> literal(String raw, Map<String, List<String>> values) {
		List<String> out = new ArrayList<>(List.of(
				raw.replace("${Region}", TestSpecs.REGION).replace("${AccountId}", TestSpecs.ACCOUNT)));
		for (Map.Entry<String, List<String>> entry : values.entrySet()) {
			String placeholder = "${" + entry.getKey() + "}";
			List<String> next = new ArrayList<>();
			for (String s : out) {
				if (s.contains(placeholder)) {
					entry.getValue().forEach((v) -> next.add(s.replace(placeholder, v)));
				}
				else {
					next.add(s);
				}
			}
			out = next;
		}
		return out;
	}

	private static Set<String> grants(JsonNode document) {
		Set<String> grants = new LinkedHashSet<>();
		for (JsonNode statement : document.get("Statement")) {
			Map<String, Map<String, Set<String>>> conditions = new TreeMap<>();
			if (statement.has("Condition")) {
				statement.get("Condition").properties().forEach((op) -> op.getValue().properties()
					.forEach((k) -> conditions.computeIfAbsent(op.getKey(), (o) -> new TreeMap<>())
						.put(k.getKey(), SemanticPolicy.values(k.getValue(), (s) -> s))));
			}
			for (String action : SemanticPolicy.values(statement.get("Action"), String::toLowerCase)) {
				for (String resource : SemanticPolicy.values(statement.get("Resource"), (s) -> s)) {
					grants.add(statement.get("Effect").asString() + " " + action + " " + resource + " " + conditions);
				}
			}
		}
		return grants;
	}

}
