package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ParameterDefinition;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.BedrockRoleChoice;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.EncryptionSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.NetworkSettings;
import org.mlgov.console.policy.ValueRules.Rule;

/**
 * Checks a {@link RoleSpec} as submitted (before {@link RoleSpec#withDefaults()}) against what IAM, SageMaker, S3,
 * KMS, Bedrock and the catalogue accept, and says for each offending field, in one sentence a person can act on,
 * what is wrong. Null optional sections count as absent.
 * <p>
 * It never throws: nulls anywhere, null list elements and huge strings give field errors. Fields are property paths
 * such as {@code activities[0].parameters.S3Buckets[2]}; each field gets one message, the first problem found.
 * <p>
 * Every string IAM may put into a policy document must stay within the characters IAM accepts there (tab, line
 * breaks, U+0020..U+00FF). Tags are the exception: they never enter a policy document, and IAM accepts any Unicode
 * letter in them, so they are checked against the IAM tag rules only.
 */
public final class SpecValidator {

	static final int MAX_TAGS = 50;

	static final int MAX_ACTIVITIES = 40;

	static final int MAX_PARAMETER_VALUES = 100;

	static final int MAX_NETWORK_IDS = 16;

	static final int MAX_KMS_KEYS = 20;

	static final int MAX_MODEL_ENTRIES = 300;

	static final int MAX_CORS_BUCKETS = 100;

	static final int MAX_CORS_ORIGINS = 100;

	static final int MIN_SESSION_SECONDS = 3600;

	static final int MAX_SESSION_SECONDS = 43200;

	/** Parameter names that can stand in a field path as they are. */
	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final String EMPTY_ENTRY = "This entry is empty: remove it or fill it in.";

	/** Checks one non-null element of a list, given its field path and index. */
	@FunctionalInterface
	private interface ElementCheck<T> {

		void check(String field, T element, int index);

	}

	private final Catalog catalog;

	public SpecValidator(Catalog catalog) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
	}

	/** One error per offending field, in the order of the specification; empty if the specification is valid. */
	public List<FieldError> validate(RoleSpec spec) {
		if (spec == null) {
			return List.of(new FieldError("", "The specification is missing."));
		}
		return new Validation(spec).run();
	}

	/** The checks of one specification, collecting the first message per field. */
	private final class Validation {

		private final RoleSpec spec;

		private final ValueRules rules;

		private final Map<String, String> errors = new LinkedHashMap<>();

		Validation(RoleSpec spec) {
			this.spec = spec;
			this.rules = new ValueRules(SpecValidator.this.catalog, arnPartition(spec));
		}

		List<FieldError> run() {
			account();
			role();
			tags();
			activities();
			network();
			encryption();
			modelAccess("bedrock", this.spec.bedrock(), this.rules::bedrockModel);
			modelAccess("jumpStart", this.spec.jumpStart(), ValueRules::jumpStartModel);
			canvas();
			evaluation();
			return this.errors.entrySet().stream().map((e) -> new FieldError(e.getKey(), e.getValue())).toList();
		}

		// Account, Region and partition

		private void account() {
			required("accountId", this.spec.accountId(), "Account id", ValueRules::accountId);
			required("region", this.spec.region(), "Region", ValueRules::region);
			String partition = this.spec.partition();
			if (partition != null && !ValueRules.isSupportedPartition(partition)) {
				add("partition", "Partition must be aws, aws-cn or aws-us-gov (got " + ValueRules.quote(partition) + ").");
				return;
			}
			String declared = declaredPartition(this.spec);
			ValueRules.partitionOf(this.spec.region())
				.filter((regional) -> ValueRules.isSupportedPartition(regional) && !regional.equals(declared))
				.ifPresent((regional) -> add("partition", "Region " + this.spec.region() + " is in partition "
						+ regional + ", but the partition is " + ((partition != null) ? partition : "not set (aws)")
						+ ": set it to " + regional + "."));
		}

		// The role itself

		private void role() {
			required("roleName", this.spec.roleName(), "Role name", ValueRules::roleName);
			optional("rolePath", this.spec.rolePath(), ValueRules::rolePath);
			if (!isBlank(this.spec.description())) {
				// The description never enters a policy document; its own character set is narrower anyway.
				report("description", ValueRules.description(this.spec.description()));
			}
			Integer session = this.spec.maxSessionDurationSeconds();
			if (session != null && (session < MIN_SESSION_SECONDS || session > MAX_SESSION_SECONDS)) {
				add("maxSessionDurationSeconds", "Maximum session duration must be " + MIN_SESSION_SECONDS + " to "
						+ MAX_SESSION_SECONDS + " seconds, 1 to 12 hours (got " + session + ").");
			}
			optional("permissionsBoundaryArn", this.spec.permissionsBoundaryArn(), this.rules::managedPolicyArn);
		}

		private void tags() {
			Map<String, Integer> keys = new HashMap<>();
			elements("tags", this.spec.tags(), MAX_TAGS, "tags", "This tag is empty: remove it or give it a key.",
					(field, tag, index) -> {
						tagKey(field + ".key", tag.key(), keys, index);
						if (tag.value() == null) {
							add(field + ".value",
									"Tag value is missing: give an empty value '' for a tag without value.");
						}
						else {
							report(field + ".value", ValueRules.tagValue(tag.value()));
						}
					});
		}

		private void tagKey(String field, String key, Map<String, Integer> keys, int index) {
			if (isBlank(key)) {
				add(field, "Tag key is required.");
				return;
			}
			if (!repeated(keys, key.toLowerCase(Locale.ROOT), index, field, (first) -> "Tag key "
					+ ValueRules.quote(key) + " is already used by tags[" + first
					+ "] (IAM compares tag keys case-insensitively).")) {
				report(field, ValueRules.tagKey(key));
			}
		}

		// Persona and activities

		private void activities() {
			Optional<Persona> persona = persona();
			List<ActivitySelection> selections = this.spec.activities();
			if (selections == null) {
				persona.ifPresent(this::defaultActivitiesNeedParameters);
				return;
			}
			Map<String, Integer> seen = new HashMap<>();
			elements("activities", selections, MAX_ACTIVITIES, "activities",
					"This activity is empty: remove it or choose an activity.",
					(field, selection, index) -> activity(field, selection.id(), seen, index).ifPresent(
							(definition) -> parameters(field + ".parameters", definition, selection.parameters())));
		}

		private Optional<Persona> persona() {
			String id = this.spec.persona();
			if (isBlank(id)) {
				add("persona", "Persona is required: choose one of " + personaIds() + ".");
				return Optional.empty();
			}
			Optional<Persona> persona = SpecValidator.this.catalog.persona(id);
			if (persona.isEmpty()) {
				add("persona", "Persona " + ValueRules.quote(id) + " is not in the catalogue: choose one of "
						+ personaIds() + ".");
			}
			return persona;
		}

		private String personaIds() {
			return SpecValidator.this.catalog.personas().stream().map(Persona::id).collect(Collectors.joining(", "));
		}

		/** With no activities listed the persona's are used, and none of them has its required parameters. */
		private void defaultActivitiesNeedParameters(Persona persona) {
			List<String> needs = new ArrayList<>();
			for (String id : persona.activities()) {
				SpecValidator.this.catalog.activity(id).ifPresent((activity) -> {
					String required = activity.parameters()
						.stream()
						.filter(ParameterDefinition::required)
						.map((p) -> p.parameter().placeholder())
						.collect(Collectors.joining(" and "));
					if (!required.isEmpty()) {
						needs.add(activity.name() + " needs " + required);
					}
				});
			}
			if (!needs.isEmpty()) {
				add("activities", "The default activities of persona " + persona.id()
						+ " need parameters, so list the activities with their parameters: " + String.join("; ", needs)
						+ ".");
			}
		}

		private Optional<ActivityDefinition> activity(String field, String id, Map<String, Integer> seen, int index) {
			String idField = field + ".id";
			if (isBlank(id)) {
				add(idField, "Activity id is required.");
				return Optional.empty();
			}
			Optional<ActivityDefinition> activity = SpecValidator.this.catalog.activity(id);
			if (activity.isEmpty()) {
				add(idField, "Activity " + ValueRules.quote(id) + " is not in the catalogue: choose one of "
						+ SpecValidator.this.catalog.activities()
							.stream()
							.map(ActivityDefinition::id)
							.collect(Collectors.joining(", "))
						+ ".");
				return Optional.empty();
			}
			boolean twice = repeated(seen, id, index, idField,
					(first) -> activity.get().name() + " is selected twice (also at activities[" + first + "]).");
			return twice ? Optional.empty() : activity;
		}

		private void parameters(String field, ActivityDefinition activity, Map<String, List<String>> parameters) {
			for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
				String name = entry.getKey();
				String parameterField = (name != null && PLAIN_NAME.matcher(name).matches()) ? field + "." + name
						: field;
				accepted(parameterField, activity, name).ifPresent((parameter) -> values(parameterField,
						entry.getValue(), MAX_PARAMETER_VALUES, this.rules.forParameter(parameter)));
			}
			for (ParameterDefinition definition : activity.parameters()) {
				String name = definition.parameter().placeholder();
				List<String> values = parameters.get(name);
				if (definition.required() && (values == null || values.isEmpty())) {
					add(field + "." + name, activity.name() + " needs at least one value in " + name + " ("
							+ definition.parameter().label() + ").");
				}
			}
		}

		/** The parameter of this name if the activity takes it; otherwise reports why not. */
		private Optional<ActivityParameter> accepted(String field, ActivityDefinition activity, String name) {
			Optional<ActivityParameter> parameter = ActivityParameter.fromPlaceholder(name);
			if (name == null) {
				add(field, "A parameter of " + activity.name() + " has no name.");
			}
			else if (activity.kind() == ActivityKind.CANVAS) {
				add(field, activity.name()
						+ " is a Canvas activity: it takes no parameters (its permissions come from AWS managed policies).");
			}
			else if (parameter.isEmpty()) {
				add(field, "Unknown parameter " + ValueRules.quote(name) + ": parameters are "
						+ placeholders(List.of(ActivityParameter.values())) + ".");
			}
			else if (activity.parameter(parameter.get()).isEmpty()) {
				List<ActivityParameter> taken = activity.parameters()
					.stream()
					.map(ParameterDefinition::parameter)
					.toList();
				add(field, activity.name() + " takes no " + name + " ("
						+ (taken.isEmpty() ? "it takes no parameters" : "it takes " + placeholders(taken)) + ").");
			}
			else {
				return parameter;
			}
			return Optional.empty();
		}

		private String placeholders(List<ActivityParameter> parameters) {
			return parameters.stream().map(ActivityParameter::placeholder).collect(Collectors.joining(", "));
		}

		// VPC and KMS customization

		private void network() {
			NetworkSettings vpc = this.spec.vpc();
			if (vpc == null) {
				return;
			}
			values("vpc.subnetIds", vpc.subnetIds(), MAX_NETWORK_IDS, ValueRules::subnetId);
			values("vpc.securityGroupIds", vpc.securityGroupIds(), MAX_NETWORK_IDS, ValueRules::securityGroupId);
			String reason = "the VPC conditions bind every create action to both subnets and security groups.";
			together("vpc.subnetIds", vpc.subnetIds(), "Subnets", vpc.securityGroupIds(), "security groups", reason);
			together("vpc.securityGroupIds", vpc.securityGroupIds(), "Security groups", vpc.subnetIds(), "subnets",
					reason);
		}

		private void encryption() {
			EncryptionSettings kms = this.spec.kms();
			if (kms == null) {
				return;
			}
			values("kms.dataKeyArns", kms.dataKeyArns(), MAX_KMS_KEYS, this.rules::kmsKeyArn);
			values("kms.volumeKeyArns", kms.volumeKeyArns(), MAX_KMS_KEYS, this.rules::kmsKeyArn);
			String reason = "the KMS conditions bind jobs to both their output (data) key and their volume key.";
			together("kms.dataKeyArns", kms.dataKeyArns(), "Data keys", kms.volumeKeyArns(), "volume keys", reason);
			together("kms.volumeKeyArns", kms.volumeKeyArns(), "Volume keys", kms.dataKeyArns(), "data keys", reason);
		}

		/** Reports the first list empty while the second is not: the two only work as a pair. */
		private void together(String field, List<String> values, String noun, List<String> other, String otherNoun,
				String reason) {
			if (values.isEmpty() && !other.isEmpty()) {
				add(field, noun + " are required when " + otherNoun + " are given: " + reason);
			}
		}

		// Bedrock and JumpStart model governance

		private void modelAccess(String section, ModelAccess access, Rule entryRule) {
			if (access == null) {
				return;
			}
			AccessMode mode = access.mode();
			modelList(section + ".allowed", access.allowed(), mode, AccessMode.ALLOW_LISTED, null,
					everyModel("NO_RESTRICTION", entryRule));
			modelList(section + ".denied", access.denied(), mode, AccessMode.DENY_LISTED, AccessMode.ALLOW_LISTED,
					everyModel("DENY_ALL", entryRule));
		}

		/**
		 * A model list is required in one mode, optional in another and must stay empty in the others, so that
		 * nothing a user entered is silently dropped.
		 */
		private void modelList(String field, List<String> entries, AccessMode mode, AccessMode requiredIn,
				AccessMode optionalIn, Rule entryRule) {
			if (mode != requiredIn && mode != optionalIn) {
				if (!entries.isEmpty()) {
					add(field, "This list is ignored in mode " + mode + ": remove its entries or change the mode.");
				}
				return;
			}
			if (mode == requiredIn && entries.isEmpty()) {
				add(field, "Mode " + mode + " needs at least one model in this list.");
				return;
			}
			values(field, entries, MAX_MODEL_ENTRIES, entryRule);
		}

		private Rule everyModel(String insteadMode, Rule entryRule) {
			return (entry) -> entry.equals("*")
					? Optional.of("'*' alone names every model: use mode " + insteadMode + " instead.")
					: entryRule.problem(entry);
		}

		// Canvas

		private void canvas() {
			CanvasSettings canvas = this.spec.canvas();
			if (canvas == null) {
				return;
			}
			BedrockRoleChoice choice = canvas.bedrockRole();
			String generativeAiOff = canvas.generativeAi() ? null : "generative AI is off";
			featureValue("canvas.bedrockRoleArn", canvas.bedrockRoleArn(),
					firstReason(generativeAiOff, choiceReason(choice, BedrockRoleChoice.EXISTING)),
					this.rules::roleArn);
			if (canvas.generativeAi() && choice == BedrockRoleChoice.EXISTING && isBlank(canvas.bedrockRoleArn())) {
				add("canvas.bedrockRoleArn", "Bedrock role EXISTING needs the ARN of the role Bedrock assumes.");
			}
			featureValue("canvas.bedrockRoleName", canvas.bedrockRoleName(),
					firstReason(generativeAiOff, choiceReason(choice, BedrockRoleChoice.CREATE)), ValueRules::roleName);
			featureValue("canvas.forecastRoleArn", canvas.forecastRoleArn(),
					canvas.timeSeriesForecasting() ? null : "time-series forecasting is off", this.rules::roleArn);
			featureValue("canvas.crossAccountModelRegisterRoleArn", canvas.crossAccountModelRegisterRoleArn(),
					canvas.modelRegistration() ? null : "model registration is off", this.rules::roleArn);
			featureValue("canvas.canvasBucket", canvas.canvasBucket(),
					canvas.localFileUpload() ? null : "local file upload is off", ValueRules::bucketName);
		}

		private String choiceReason(BedrockRoleChoice choice, BedrockRoleChoice usedBy) {
			return (choice == usedBy) ? null : "the Bedrock role is " + choice + ", not " + usedBy;
		}

		private String firstReason(String first, String second) {
			return (first != null) ? first : second;
		}

		/** An optional value of a feature: checked when the feature uses it, an error when it would be dropped. */
		private void featureValue(String field, String value, String unusedBecause, Rule rule) {
			if (isBlank(value)) {
				return;
			}
			if (unusedBecause != null) {
				unused(field, unusedBecause);
				return;
			}
			check(field, value, rule);
		}

		// Bedrock model evaluation

		private void evaluation() {
			EvaluationSettings evaluation = this.spec.evaluation();
			if (evaluation == null) {
				return;
			}
			List<String> origins = evaluation.corsAllowedOrigins();
			if (!evaluation.enabled()) {
				String reason = "model evaluation is off (automatic and human are both false)";
				if (!evaluation.corsBuckets().isEmpty()) {
					unused("evaluation.corsBuckets", reason);
				}
				if (!(origins.size() == 1 && "*".equals(origins.get(0)))) {
					unused("evaluation.corsAllowedOrigins", reason);
				}
				return;
			}
			if (evaluation.corsBuckets().isEmpty()) {
				add("evaluation.corsBuckets", "Model evaluation needs at least one S3 bucket for its CORS rule.");
			}
			values("evaluation.corsBuckets", evaluation.corsBuckets(), MAX_CORS_BUCKETS, ValueRules::bucketName);
			values("evaluation.corsAllowedOrigins", origins, MAX_CORS_ORIGINS, ValueRules::origin);
		}

		// Shared checks

		private void required(String field, String value, String label, Rule rule) {
			if (isBlank(value)) {
				add(field, label + " is required.");
				return;
			}
			check(field, value, rule);
		}

		private void optional(String field, String value, Rule rule) {
			if (!isBlank(value)) {
				check(field, value, rule);
			}
		}

		/** A list of values: at most {@code max}, none empty, none twice, each one acceptable to the rule. */
		private void values(String field, List<String> values, int max, Rule rule) {
			// Sized for the values up front: model lists are long.
			int expected = (values == null) ? 0 : Math.min(values.size(), max);
			Map<String, Integer> seen = new HashMap<>(expected * 4 / 3 + 1);
			elements(field, values, max, "values", EMPTY_ENTRY, (entryField, value, index) -> {
				if (value.isBlank()) {
					add(entryField, EMPTY_ENTRY);
				}
				else if (!repeated(seen, value, index, entryField, (first) -> ValueRules.quote(value)
						+ " is listed twice (also at " + field + "[" + first + "]).")) {
					check(entryField, value, rule);
				}
			});
		}

		/**
		 * The elements of a list of at most {@code max}: a null element is reported with {@code whenNull}, each
		 * other one is handed to {@code check} with its field path. A longer list is reported once, as a whole.
		 */
		private <T> void elements(String field, List<T> list, int max, String what, String whenNull,
				ElementCheck<T> check) {
			if (list == null) {
				return;
			}
			if (list.size() > max) {
				add(field, "At most " + max + " " + what + " are allowed here (got " + list.size() + ").");
				return;
			}
			for (int i = 0; i < list.size(); i++) {
				String elementField = field + "[" + i + "]";
				T element = list.get(i);
				if (element == null) {
					add(elementField, whenNull);
				}
				else {
					check.check(elementField, element, i);
				}
			}
		}

		/** Remembers the key at this index; if an earlier index had it, reports that on the field and says so. */
		private boolean repeated(Map<String, Integer> seen, String key, int index, String field,
				IntFunction<String> message) {
			Integer first = seen.putIfAbsent(key, index);
			if (first != null) {
				add(field, message.apply(first));
			}
			return first != null;
		}

		/** A value that may reach a policy document: IAM's characters first, then the value's own rule. */
		private void check(String field, String value, Rule rule) {
			report(field, ValueRules.policyCharacters(value).or(() -> rule.problem(value)));
		}

		private void unused(String field, String reason) {
			add(field, "Not used because " + reason + ": remove it or change that setting.");
		}

		private void report(String field, Optional<String> problem) {
			if (problem.isPresent()) {
				add(field, problem.get());
			}
		}

		private void add(String field, String message) {
			this.errors.putIfAbsent(field, message);
		}

	}

	/**
	 * The partition every ARN must be in: the declared one (default aws) when it is supported and agrees with the
	 * Region, otherwise null, so that only the partition field is reported and not every ARN as well.
	 */
	private static String arnPartition(RoleSpec spec) {
		String declared = declaredPartition(spec);
		if (!ValueRules.isSupportedPartition(declared)) {
			return null;
		}
		Optional<String> regional = ValueRules.partitionOf(spec.region());
		return (regional.isEmpty() || regional.get().equals(declared)) ? declared : null;
	}

	private static String declaredPartition(RoleSpec spec) {
		return (spec.partition() != null) ? spec.partition() : ValueRules.DEFAULT_PARTITION;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
