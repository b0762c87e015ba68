package org.mlgov.console.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalogue shipped under {@code classpath:/catalog/}. Plain Java (Jackson for parsing, no Spring), so the
 * generator, its tests and the benchmark load exactly what the running console loads.
 * <p>
 * The catalogue version is the release name in {@code catalog.properties} plus the first 12 hex digits of a SHA-256
 * over every catalogue file: any change of the data changes the version string, and {@code CatalogTests}
 * fails until the release name and the recorded hash are bumped together.
 */
public final class CatalogLoader {

	/** The catalogue files, in the order they are hashed. */
	public static final List<String> FILES = List.of("role-manager-activities.json", "canvas-activities.json",
			"aws-managed-policies.json", "trust-services.json", "bedrock-models.json", "jumpstart-model-ids.json",
			"service-authorization.json");

	private static final String BASE = "/catalog/";

	private final ObjectMapper mapper = JsonMapper.builder().build();

	public static Catalog loadDefault() {
		return new CatalogLoader().load();
	}

	public Catalog load() {
		Properties release = new Properties();
		try (InputStream in = resource("catalog.properties")) {
			release.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String hash = contentHash();
		String version = release.getProperty("release") + "+" + hash.substring(0, 12);

		JsonNode roleManager = read("role-manager-activities.json");
		List<ActivityDefinition> activities = new ArrayList<>();
		for (JsonNode activity : roleManager.get("activities")) {
			activities.add(roleManagerActivity(activity));
		}
		for (JsonNode activity : read("canvas-activities.json").get("activities")) {
			activities.add(canvasActivity(activity));
		}
		List<Persona> personas = new ArrayList<>();
		for (JsonNode persona : roleManager.get("personas")) {
			personas.add(new Persona(text(persona, "id"), text(persona, "name"), text(persona, "roleKind"),
					text(persona, "summary"), strings(persona.get("activities"))));
		}
		List<String> corrections = new ArrayList<>();
		for (JsonNode correction : roleManager.path("corrections")) {
			corrections.add(text(correction, "activity") + ": " + text(correction, "what") + ". "
					+ text(correction, "why"));
		}
		return new Catalog(version, personas, activities, managedPolicies(), trustServices(), bedrockModels(),
				jumpStartModels(), serviceAuthorization(), corrections);
	}

	/** SHA-256 over the catalogue files, hex. */
	public String contentHash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String file : FILES) {
				try (InputStream in = resource(file)) {
					digest.update(file.getBytes(StandardCharsets.UTF_8));
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ActivityDefinition roleManagerActivity(JsonNode node) {
		List<ParameterDefinition> parameters = new ArrayList<>();
		for (JsonNode parameter : node.path("parameters")) {
			ActivityParameter.fromPlaceholder(text(parameter, "name"))
				.ifPresent((p) -> parameters.add(new ParameterDefinition(p, parameter.path("required").asBoolean())));
		}
		PolicyTemplate base = new PolicyTemplate(text(node, "templateName"), node.path("defaultVersion").asString(),
				text(node, "source"), statements(node.get("statements")));
		JsonNode variants = node.path("variants");
		return new ActivityDefinition(text(node, "id"), text(node, "name"), text(node, "description"),
				ActivityKind.ROLE_MANAGER, parameters, base, variant(variants, "vpc"), variant(variants, "kms"),
				variant(variants, "vpcKms"), List.of(), List.of("sagemaker"), strings(node.path("notes")));
	}

	private PolicyTemplate variant(JsonNode variants, String name) {
		JsonNode variant = variants.get(name);
		if (variant == null || variant.isNull()) {
			return null;
		}
		return new PolicyTemplate(text(variant, "templateName"), variant.path("version").asString(),
				text(variant, "source"), statements(variant.get("statements")));
	}

	private List<TemplateStatement> statements(JsonNode array) {
		List<TemplateStatement> statements = new ArrayList<>();
		for (JsonNode statement : array) {
			statements.add(new TemplateStatement(text(statement, "sid"), text(statement, "effect"),
					strings(statement.get("actions")), strings(statement.get("resources")),
					conditions(statement.path("conditions"))));
		}
		return statements;
	}

	private Map<String, Map<String, List<String>>> conditions(JsonNode node) {
		Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> operator : node.properties()) {
			Map<String, List<String>> keys = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
				keys.put(key.getKey(), strings(key.getValue()));
			}
			conditions.put(operator.getKey(), keys);
		}
		return conditions;
	}

	private ActivityDefinition canvasActivity(JsonNode node) {
		return new ActivityDefinition(text(node, "id"), text(node, "name"), text(node, "description"),
				ActivityKind.CANVAS, List.of(), null, null, null, null, strings(node.get("managedPolicies")),
				strings(node.get("trust")), List.of());
	}

	private List<ManagedPolicy> managedPolicies() {
		List<ManagedPolicy> policies = new ArrayList<>();
		for (JsonNode policy : read("aws-managed-policies.json").get("policies")) {
			JsonNode document = policy.get("document");
			String json = (document == null || document.isNull()) ? null
					: this.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
			policies.add(new ManagedPolicy(text(policy, "name"), text(policy, "path"), text(policy, "version"),
					text(policy, "versionDate"), text(policy, "summary"), json, text(policy, "documentNote")));
		}
		return policies;
	}

	private List<TrustService> trustServices() {
		List<TrustService> services = new ArrayList<>();
		for (JsonNode service : read("trust-services.json").get("services")) {
			services.add(new TrustService(text(service, "id"), text(service, "principal"), text(service, "sid"),
					conditions(service.path("condition"))));
		}
		return services;
	}

	private List<BedrockModel> bedrockModels() {
		List<BedrockModel> models = new ArrayList<>();
		for (JsonNode model : read("bedrock-models.json").get("models")) {
			List<String> inferenceTypes = strings(model.path("inferenceTypesObserved"));
			String lifecycle = text(model, "lifecycle");
			JsonNode streaming = model.get("responseStreamingSupported");
			models.add(new BedrockModel(text(model, "modelId"), text(model, "provider"), text(model, "name"),
					strings(model.path("inputModalities")), strings(model.path("outputModalities")),
					(streaming == null || streaming.isNull()) ? null : streaming.asBoolean(), inferenceTypes,
					inferenceTypes.contains("INFERENCE_PROFILE"), lifecycle, isActive(lifecycle)));
		}
		return models;
	}

	/** Models seen in the 2026 ListFoundationModels snapshots are active; the others are legacy or end of life. */
	static boolean isActive(String lifecycle) {
		String l = (lifecycle != null) ? lifecycle.toLowerCase(Locale.ROOT) : "";
		return l.startsWith("active") || l.startsWith("listed in 2026") || l.startsWith("seen 2026");
	}

	private List<JumpStartModel> jumpStartModels() {
		List<JumpStartModel> models = new ArrayList<>();
		for (JsonNode model : read("jumpstart-model-ids.json").get("models")) {
			models.add(new JumpStartModel(text(model, "modelId"), text(model, "family"), text(model, "familyPattern"),
					model.path("fineTunable").asBoolean(), text(model, "latestVersionInSource")));
		}
		return models;
	}

	private ServiceAuthorization serviceAuthorization() {
		JsonNode root = read("service-authorization.json");
		Map<String, ServiceAuthorization.Service> services = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.get("services").properties()) {
			String prefix = entry.getKey();
			JsonNode service = entry.getValue();
			Map<String, ServiceAuthorization.Action> actions = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> action : service.get("actions").properties()) {
				JsonNode info = action.getValue();
				List<String> types = new ArrayList<>();
				for (JsonNode type : info.path("r")) {
					types.add(type.asString().replace("*", ""));
				}
				actions.put(action.getKey().toLowerCase(Locale.ROOT), new ServiceAuthorization.Action(prefix,
						action.getKey(), info.path("a").asString(), types, strings(info.path("c"))));
			}
			Map<String, String> resourceTypes = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> type : service.path("resourceTypes").properties()) {
				resourceTypes.put(type.getKey(), type.getValue().asString());
			}
			Map<String, ServiceAuthorization.ConditionKey> keys = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> key : service.path("conditionKeys").properties()) {
				keys.put(key.getKey().toLowerCase(Locale.ROOT), new ServiceAuthorization.ConditionKey(key.getKey(),
						text(key.getValue(), "type"), text(key.getValue(), "deprecated")));
			}
			services.put(prefix, new ServiceAuthorization.Service(prefix, actions, resourceTypes, keys));
		}
		Set<String> globals = new LinkedHashSet<>(strings(root.get("globalConditionKeys")));
		return new ServiceAuthorization(services, globals);
	}

	private JsonNode read(String file) {
		try (InputStream in = resource(file)) {
			return this.mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String file) {
		InputStream in = CatalogLoader.class.getResourceAsStream(BASE + file);
		if (in == null) {
			throw new IllegalStateException("catalogue file missing from the classpath: " + BASE + file);
		}
		return in;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull() || node.isMissingNode()) {
			return values;
		}
		if (node.isArray()) {
			for (JsonNode value : node) {
				values.add(value.asString());
			}
		}
		else {
			values.add(node.asString());
		}
		return values;
	}

}
