package org.mlgov.console.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue the generator works from: personas, ML activities (Role Manager templates and Canvas activities),
 * AWS managed policies, trust services, Bedrock foundation models, JumpStart model ids and the Service Authorization
 * Reference snapshot. It is immutable and versioned: {@link #version()} is stored with every generated result, so a
 * later catalogue never silently changes what was approved.
 */
public final class Catalog {

	private final String version;

	private final List<Persona> personas;

	private final Map<String, ActivityDefinition> activities;

	private final Map<String, ManagedPolicy> managedPolicies;

	private final Map<String, TrustService> trustServices;

	private final Map<String, BedrockModel> bedrockModels;

	private final Map<String, JumpStartModel> jumpStartModels;

	private final ServiceAuthorization serviceAuthorization;

	private final List<String> corrections;

	public Catalog(String version, List<Persona> personas, List<ActivityDefinition> activities,
			List<ManagedPolicy> managedPolicies, List<TrustService> trustServices, List<BedrockModel> bedrockModels,
			List<JumpStartModel> jumpStartModels, ServiceAuthorization serviceAuthorization, List<String> corrections) {
		this.version = version;
		this.personas = List.copyOf(personas);
		this.activities = index(activities, ActivityDefinition::id);
		this.managedPolicies = index(managedPolicies, ManagedPolicy::name);
		this.trustServices = index(trustServices, TrustService::id);
		this.bedrockModels = index(bedrockModels, BedrockModel::modelId);
		this.jumpStartModels = index(jumpStartModels, JumpStartModel::modelId);
		this.serviceAuthorization = serviceAuthorization;
		this.corrections = List.copyOf(corrections);
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
		return items.stream()
			.collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
				throw new IllegalStateException("duplicate catalogue entry " + key.apply(a));
			}, LinkedHashMap::new));
	}

	public String version() {
		return this.version;
	}

	public List<Persona> personas() {
		return this.personas;
	}

	public Optional<Persona> persona(String id) {
		return this.personas.stream().filter((p) -> p.id().equals(id)).findFirst();
	}

	public List<ActivityDefinition> activities() {
		return List.copyOf(this.activities.values());
	}

	public Optional<ActivityDefinition> activity(String id) {
		return Optional.ofNullable(this.activities.get(id));
	}

	public List<ManagedPolicy> managedPolicies() {
		return List.copyOf(this.managedPolicies.values());
	}

	public ManagedPolicy managedPolicy(String name) {
		ManagedPolicy policy = this.managedPolicies.get(name);
		if (policy == null) {
			throw new IllegalArgumentException("no AWS managed policy " + name + " in the catalogue");
		}
		return policy;
	}

	public TrustService trustService(String id) {
		TrustService service = this.trustServices.get(id);
		if (service == null) {
			throw new IllegalArgumentException("no trust service " + id + " in the catalogue");
		}
		return service;
	}

	public List<TrustService> trustServices() {
		return List.copyOf(this.trustServices.values());
	}

	public List<BedrockModel> bedrockModels() {
		return List.copyOf(this.bedrockModels.values());
	}

	public Optional<BedrockModel> bedrockModel(String modelId) {
		return Optional.ofNullable(this.bedrockModels.get(modelId));
	}

	public List<JumpStartModel> jumpStartModels() {
		return List.copyOf(this.jumpStartModels.values());
	}

	public Optional<JumpStartModel> jumpStartModel(String modelId) {
		return Optional.ofNullable(this.jumpStartModels.get(modelId));
	}

	public ServiceAuthorization serviceAuthorization() {
		return this.serviceAuthorization;
	}

	/** Corrections applied to the copied Role Manager templates, each with its reason. */
	public List<String> corrections() {
		return this.corrections;
	}

}
