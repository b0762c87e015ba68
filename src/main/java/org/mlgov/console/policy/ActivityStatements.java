package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.PolicyTemplate;
import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.catalog.TemplateStatement;

/**
 * Expands a Role Manager activity into statements: picks the VPC/KMS variant as Role Manager does, substitutes the
 * placeholders, and then repairs what no longer works today.
 * <ul>
 * <li>Condition keys the Service Authorization Reference marks deprecated are replaced by their successors: the KMS
 * customization's {@code sagemaker:VolumeKmsKey} / {@code sagemaker:OutputKmsKey} are attached to no action any more,
 * so a {@code StringEquals} on them is never true and the templates, taken literally, never allow a single job. Their
 * successors {@code sagemaker:VolumeKmsKeyArn} / {@code sagemaker:OutputKmsKeyArn} compare key ARNs, which is what the
 * console asks for.</li>
 * <li>A condition key is never put on an action that does not support it: the statement is split per group of actions
 * with the same supported keys. An action that loses a key is allowed without that condition (denying it outright
 * would break the activity) and a finding says so, e.g. {@code sagemaker:CreateTransformJob}, whose network comes
 * from its model rather than from subnets in the request.</li>
 * </ul>
 */
final class ActivityStatements {

	private final GenerationContext context;

	ActivityStatements(GenerationContext context) {
		this.context = context;
	}

	List<Statement> expand(ActivityDefinition activity, RoleSpec.ActivitySelection selection) {
		RoleSpec spec = this.context.spec();
		boolean vpc = spec.vpc().enabled();
		boolean kms = spec.kms().enabled();
		if (vpc && !activity.supportsVpc()) {
			this.context.findings()
				.info("VPC_NOT_APPLICABLE", activity.name()
						+ " has no VPC variant in Role Manager: its statements are not bound to the chosen subnets and security groups.");
		}
		if (kms && !activity.supportsKms()) {
			this.context.findings()
				.info("KMS_NOT_APPLICABLE", activity.name()
						+ " has no KMS variant in Role Manager: its statements are not bound to the chosen KMS keys.");
		}
		PolicyTemplate template = activity.template(vpc, kms);
		// The values of each placeholder, by the placeholder as written ("${S3Buckets}").
		Map<String, List<String>> values = new LinkedHashMap<>();
		selection.parameters()
			.forEach((name, list) -> values.put(placeholder(name), (list == null) ? List.of() : list));
		values.put(placeholder("VpcSubnets"), spec.vpc().subnetIds());
		values.put(placeholder("VpcSecurityGroups"), spec.vpc().securityGroupIds());
		values.put(placeholder("DataKmsKeys"), spec.kms().dataKeyArns());
		values.put(placeholder("VolumeKmsKeys"), spec.kms().volumeKeyArns());

		String prefix = alphanumeric(activity.base().templateName());
		List<Statement> statements = new ArrayList<>();
		for (TemplateStatement ts : template.statements()) {
			Statement statement = substitute(activity.id(), ts, values);
			if (statement.resources().isEmpty()) {
				continue; // an optional list parameter left empty: nothing to grant
			}
			for (Statement part : fitResources(activity, replaceDeprecatedKeys(activity, statement))) {
				for (Statement fitted : fitConditionKeys(activity, part, prefix, statements.size() + 1)) {
					statements.add(fitted.withSid(prefix + (statements.size() + 1)));
				}
			}
		}
		return statements;
	}

	/**
	 * Actions that support no resource-level permissions only match {@code "Resource": "*"} (the Service
	 * Authorization Reference lists no resource type for them). A template that scopes them to ARNs grants nothing
	 * for them; they are moved to a statement on {@code *} with the same conditions.
	 */
	private List<Statement> fitResources(ActivityDefinition activity, Statement statement) {
		if (statement.effect() != Effect.Allow || statement.resources().contains("*")) {
			return List.of(statement);
		}
		List<String> scoped = new ArrayList<>();
		List<String> unscoped = new ArrayList<>();
		for (String action : statement.actions()) {
			boolean noResourceTypes = this.context.sar()
				.action(action)
				.map((a) -> a.resourceTypes().isEmpty())
				.orElse(false);
			(noResourceTypes ? unscoped : scoped).add(action);
		}
		if (unscoped.isEmpty()) {
			return List.of(statement);
		}
		this.context.findings()
			.info("RESOURCE_LEVEL_NOT_SUPPORTED", activity.name() + ": " + String.join(", ", unscoped)
					+ ((unscoped.size() == 1) ? " supports" : " support")
					+ " no resource-level permissions, so the template's ARN never matched; granted on "
					+ "\"Resource\": \"*\" instead.");
		List<Statement> out = new ArrayList<>();
		if (!scoped.isEmpty()) {
			out.add(statement.withActions(scoped));
		}
		out.add(statement.withActions(unscoped).withResources(List.of("*")));
		return out;
	}

	private Statement substitute(String origin, TemplateStatement ts, Map<String, List<String>> values) {
		List<String> resources = new ArrayList<>();
		for (String resource : ts.resources()) {
			resources.addAll(expandString(resource, values));
		}
		Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
		ts.conditions().forEach((operator, keys) -> {
			Map<String, List<String>> expandedKeys = new LinkedHashMap<>();
			keys.forEach((key, vals) -> {
				List<String> expanded = new ArrayList<>();
				vals.forEach((v) -> expanded.addAll(expandString(v, values)));
				expandedKeys.put(key, expanded);
			});
			conditions.put(operator, expandedKeys);
		});
		Effect effect = "Deny".equalsIgnoreCase(ts.effect()) ? Effect.Deny : Effect.Allow;
		return new Statement(null, effect, null, ts.actions(), resources, List.of(), conditions, origin, false);
	}

	/**
	 * Replaces single-value placeholders and duplicates a string once per value of a list placeholder (Role Manager's
	 * multi-value expansion). {@code ${service:key}} IAM policy variables are left alone. Templates are written for
	 * the aws partition; ARNs are moved to the specification's partition.
	 */
	private List<String> expandString(String raw, Map<String, List<String>> values) {
		String s = raw.replace("${Region}", this.context.spec().region())
			.replace("${AccountId}", this.context.spec().accountId());
		if (s.startsWith("arn:aws:") && !this.context.spec().partition().equals("aws")) {
			s = "arn:" + this.context.spec().partition() + ":" + s.substring("arn:aws:".length());
		}
		if (s.indexOf("${") < 0) {
			return List.of(s); // no placeholder left
		}
		for (Map.Entry<String, List<String>> entry : values.entrySet()) {
			String placeholder = entry.getKey();
			if (s.contains(placeholder)) {
				Map<String, List<String>> rest = new LinkedHashMap<>(values);
				rest.remove(entry.getKey());
				List<String> out = new ArrayList<>();
				for (String value : entry.getValue()) {
					out.addAll(expandString(s.replace(placeholder, value), rest));
				}
				return out;
			}
		}
		return List.of(s);
	}

	private Statement replaceDeprecatedKeys(ActivityDefinition activity, Statement statement) {
		if (statement.conditions().isEmpty()) {
			return statement;
		}
		ServiceAuthorization sar = this.context.sar();
		boolean[] replaced = { false };
		Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
		statement.conditions().forEach((operator, keys) -> {
			Map<String, List<String>> renamed = new LinkedHashMap<>();
			keys.forEach((key, vals) -> {
				Optional<String> replacement = sar.replacementFor(key);
				if (replacement.isPresent()) {
					this.context.findings()
						.info("DEPRECATED_CONDITION_KEY_REPLACED", activity.name() + ": condition key " + key
								+ " is deprecated and supported by no action; generated " + replacement.get()
								+ " (compared with key ARNs) instead, so the conditioned actions can run.");
					renamed.put(replacement.get(), vals);
					replaced[0] = true;
				}
				else {
					renamed.put(key, vals);
				}
			});
			conditions.put(operator, renamed);
		});
		return replaced[0] ? statement.withConditions(conditions) : statement;
	}

	private List<Statement> fitConditionKeys(ActivityDefinition activity, Statement statement, String sidPrefix,
			int firstIndex) {
		if (statement.conditions().isEmpty()) {
			return List.of(statement);
		}
		ServiceAuthorization sar = this.context.sar();
		// The condition (operator, key) pairs in order; the pairs an action supports are a set of their positions.
		List<String> operators = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<List<String>> values = new ArrayList<>();
		statement.conditions().forEach((operator, keyValues) -> keyValues.forEach((key, vals) -> {
			operators.add(operator);
			keys.add(key);
			values.add(vals);
		}));
		// Group the actions by the pairs each of them supports, in first-seen order.
		Map<BitSet, List<String>> groups = new LinkedHashMap<>();
		for (String action : statement.actions()) {
			int groupCount = groups.size();
			Optional<ServiceAuthorization.Action> info = sar.action(action);
			BitSet supported = new BitSet(keys.size());
			List<String> dropped = new ArrayList<>();
			for (int pair = 0; pair < keys.size(); pair++) {
				String key = keys.get(pair);
				if (info.isEmpty() || sar.supportsConditionKey(info.get(), key)) {
					supported.set(pair);
				}
				else if (!dropped.contains(key)) {
					dropped.add(key);
				}
			}
			if (!dropped.isEmpty()) {
				int group = groups.containsKey(supported) ? new ArrayList<>(groups.keySet()).indexOf(supported)
						: groupCount;
				String sid = sidPrefix + (firstIndex + group);
				this.context.findings()
					.atStatement(dropped.stream().anyMatch((k) -> k.startsWith("sagemaker:Vpc")) ? "VPC_NOT_BINDABLE"
							: "CONDITION_NOT_SUPPORTED", Severity.WARNING,
							activity.name() + ": IAM cannot bind " + action + " to " + String.join(", ", dropped)
									+ " (the action does not support " + ((dropped.size() == 1) ? "that key" : "those keys")
									+ "), so it is allowed without " + ((dropped.size() == 1) ? "it" : "them") + hint(action, dropped)
									+ ".",
							sid);
			}
			groups.computeIfAbsent(supported, (k) -> new ArrayList<>()).add(action);
		}
		List<Statement> out = new ArrayList<>();
		for (Map.Entry<BitSet, List<String>> group : groups.entrySet()) {
			Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
			group.getKey()
				.stream()
				.forEach((pair) -> conditions.computeIfAbsent(operators.get(pair), (o) -> new LinkedHashMap<>())
					.put(keys.get(pair), values.get(pair)));
			if (groups.size() == 1 && conditions.equals(statement.conditions())) {
				return List.of(statement); // every action supports every key: the statement as it is
			}
			out.add(statement.withActions(group.getValue()).withConditions(conditions));
		}
		return out;
	}

	private static String placeholder(String name) {
		return "${" + name + "}";
	}

	/** The letters and digits of the name (a Sid prefix). */
	private static String alphanumeric(String name) {
		StringBuilder out = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String hint(String action, List<String> droppedKeys) {
		if (action.equals("sagemaker:CreateTransformJob") && droppedKeys.stream().anyMatch((k) -> k.contains("Vpc"))) {
			return "; a transform job runs in the network of its model, and sagemaker:CreateModel is bound to the subnets and security groups";
		}
		return "";
	}

}
