package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.policy.FieldError;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words a person reads for a field of the specification, instead of its path: {@code accountId} is "AWS account
 * id", {@code activities[0].parameters.PassRoles} is "Roles it may pass to SageMaker (activity “Manage training
 * jobs”)", named by the activity, whatever its index. Used in templates as {@code @fieldLabels}.
 */
@Component("fieldLabels")
public class FieldLabels {

	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("accountId", "AWS account id"),
			Map.entry("region", "Region"), Map.entry("partition", "Partition"), Map.entry("roleName", "Role name"),
			Map.entry("rolePath", "Role path"), Map.entry("description", "Description"), Map.entry("tags", "Tags"),
			Map.entry("maxSessionDurationSeconds", "Maximum session"),
			Map.entry("permissionsBoundaryArn", "Permissions boundary"), Map.entry("persona", "Persona"),
			Map.entry("activities", "ML activities"), Map.entry("vpc.subnetIds", "Subnet ids"),
			Map.entry("vpc.securityGroupIds", "Security group ids"), Map.entry("kms.dataKeyArns", "Data key ARNs"),
			Map.entry("kms.volumeKeyArns", "Volume key ARNs"), Map.entry("bedrock", "Bedrock models"),
			Map.entry("jumpStart", "JumpStart models"), Map.entry("canvas.domainId", "SageMaker domain id"),
			Map.entry("canvas.userProfiles", "User profiles"), Map.entry("canvas.bedrockRoleArn", "ARN of the existing Bedrock role"),
			Map.entry("canvas.bedrockRoleName", "Name of the new Bedrock role"),
			Map.entry("canvas.canvasBucket", "Canvas bucket"), Map.entry("canvas.forecastRoleArn", "Forecast role ARN"),
			Map.entry("canvas.crossAccountModelRegisterRoleArn", "Cross-account registration role ARN"),
			Map.entry("evaluation.corsBuckets", "S3 buckets that get the CORS rule"),
			Map.entry("evaluation.corsAllowedOrigins", "Allowed origins"));

	private static final Pattern ACTIVITY = Pattern.compile("activities\\[(\\d+)\\](?:\\.parameters\\.(\\w+))?(?:\\[(\\d+)\\])?");

	private static final Pattern ROW = Pattern.compile("(.*)\\[(\\d+)\\](.*)");

	private final Catalog catalog;

	private final MessageSource messages;

	public FieldLabels(Catalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	/** The label of an error's field in the words of the wizard; "The specification" for an error about the whole. */
	public String of(FieldError error, RoleSpec spec) {
		return of(error.field(), spec);
	}

	public String of(String field, RoleSpec spec) {
		if (field == null || field.isEmpty()) {
			return "The specification";
		}
		Matcher activity = ACTIVITY.matcher(field);
		if (activity.matches()) {
			String name = activityName(spec, Integer.parseInt(activity.group(1)));
			if (activity.group(2) == null) {
				return (name != null) ? "Activity “" + name + "”" : "ML activities";
			}
			String parameter = parameterLabel(activity.group(2));
			String row = (activity.group(3) != null) ? ", row " + (Integer.parseInt(activity.group(3)) + 1) : "";
			return parameter + row + ((name != null) ? " (activity “" + name + "”)" : "");
		}
		String known = NAMES.get(field);
		if (known != null) {
			return known;
		}
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			String base = of(row.group(1), spec);
			String rest = row.group(3).isEmpty() ? "" : " " + words(row.group(3).substring(1));
			return base + ", row " + (Integer.parseInt(row.group(2)) + 1) + rest;
		}
		for (Map.Entry<String, String> entry : NAMES.entrySet()) {
			if (field.startsWith(entry.getKey() + ".")) {
				return entry.getValue() + ": " + words(field.substring(entry.getKey().length() + 1));
			}
		}
		return capitalize(words(field));
	}

	/**
	 * An error's message in the wizard's words: the validator (shared with the JSON API) names personas by id; the
	 * wizard names them as its radio buttons do ("Data Scientist", not {@code data-scientist}).
	 */
	public String message(FieldError error) {
		return message(error.field(), error.message());
	}

	public String message(String field, String message) {
		if (message == null || !"persona".equals(field)) {
			return message;
		}
		String out = message;
		for (org.mlgov.console.catalog.Persona persona : this.catalog.personas()) {
			out = out.replaceAll("(?<![\\w-])" + Pattern.quote(persona.id()) + "(?![\\w-])", persona.name());
		}
		return out;
	}

	private String activityName(RoleSpec spec, int index) {
		List<RoleSpec.ActivitySelection> activities = (spec != null) ? spec.activities() : null;
		if (activities == null || index >= activities.size()) {
			return null;
		}
		return this.catalog.activity(activities.get(index).id()).map(ActivityDefinition::name)
			.orElse(activities.get(index).id());
	}

	private String parameterLabel(String placeholder) {
		for (ActivityParameter parameter : ActivityParameter.values()) {
			if (parameter.placeholder().equals(placeholder)) {
				return this.messages.getMessage("activity.parameter." + parameter.name() + ".label", null,
						parameter.placeholder(), Locale.ROOT);
			}
		}
		return words(placeholder);
	}

	/** camelCase and dots to lower-case words: {@code canvas.bedrockRoleArn} → "canvas bedrock role ARN". */
	static String words(String path) {
		String spaced = path.replace('.', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.replaceAll("\\barn\\b", "ARN").replaceAll("\\bkms\\b", "KMS").replaceAll("\\bvpc\\b", "VPC")
			.replaceAll("\\bcors\\b", "CORS");
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
