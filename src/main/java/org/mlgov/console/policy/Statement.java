package org.mlgov.console.policy;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One IAM policy statement. Lists keep their order and have no duplicates, so rendering is deterministic. Exactly one
 * of {@code resources} and {@code notResources} is non-empty, except in trust policies, which have neither but a
 * principal. {@code origin} says which part of the specification produced the statement (an activity id,
 * "bedrock", "jumpstart", …); it is not rendered.
 */
public record Statement(String sid, Effect effect, String principalService, List<String> actions,
		List<String> resources, List<String> notResources, Map<String, Map<String, List<String>>> conditions,
		String origin, boolean splittable) {

	public Statement {
		actions = distinct(actions);
		resources = distinct(resources);
		notResources = distinct(notResources);
		conditions = readOnly(copy(conditions));
	}

	public static Statement allow(String origin, List<String> actions, List<String> resources) {
		return new Statement(null, Effect.Allow, null, actions, resources, List.of(), Map.of(), origin, false);
	}

	public static Statement deny(String origin, List<String> actions, List<String> resources) {
		return new Statement(null, Effect.Deny, null, actions, resources, List.of(), Map.of(), origin, false);
	}

	public static Statement denyNotResource(String origin, List<String> actions, List<String> notResources) {
		return new Statement(null, Effect.Deny, null, actions, List.of(), notResources, Map.of(), origin, false);
	}

	public static Statement trust(String sid, String principalService, Map<String, Map<String, List<String>>> condition) {
		return new Statement(sid, Effect.Allow, principalService, List.of("sts:AssumeRole"), List.of(), List.of(),
				condition, "trust", false);
	}

	public Statement withSid(String newSid) {
		return new Statement(newSid, this.effect, this.principalService, this.actions, this.resources,
				this.notResources, this.conditions, this.origin, this.splittable);
	}

	public Statement withActions(List<String> newActions) {
		return new Statement(this.sid, this.effect, this.principalService, newActions, this.resources,
				this.notResources, this.conditions, this.origin, this.splittable);
	}

	public Statement withResources(List<String> newResources) {
		return new Statement(this.sid, this.effect, this.principalService, this.actions, newResources,
				this.notResources, this.conditions, this.origin, this.splittable);
	}

	public Statement withConditions(Map<String, Map<String, List<String>>> newConditions) {
		return new Statement(this.sid, this.effect, this.principalService, this.actions, this.resources,
				this.notResources, newConditions, this.origin, this.splittable);
	}

	/** Add one condition (operator, key, values); values of an existing key are replaced. */
	public Statement withCondition(String operator, String key, List<String> values) {
		Map<String, Map<String, List<String>>> next = copy(this.conditions);
		next.computeIfAbsent(operator, (o) -> new LinkedHashMap<>()).put(key, List.copyOf(values));
		return withConditions(next);
	}

	/**
	 * Marks the statement as one the packer may cut into several statements by resource list or by the values of its
	 * single condition key without changing what it means (true only for Deny statements listing what they deny).
	 */
	public Statement asSplittable() {
		return new Statement(this.sid, this.effect, this.principalService, this.actions, this.resources,
				this.notResources, this.conditions, this.origin, true);
	}

	public boolean isWildcardResource() {
		return this.resources.size() == 1 && "*".equals(this.resources.get(0));
	}

	private static List<String> distinct(List<String> values) {
		return (values == null) ? List.of() : distinctValues(values);
	}

	/**
	 * The values without repeats, in order, as an unmodifiable list. Statements are copied often (a new Sid, a part
	 * of a cut list) and their lists are then distinct already: the unmodifiable list is kept as it is (List.copyOf
	 * does not copy it again) once no value turns out to be repeated.
	 */
	private static List<String> distinctValues(List<String> values) {
		List<String> copy = List.copyOf(values);
		int size = copy.size();
		if (size < 2) {
			return copy;
		}
		if (size <= 8) {
			for (int i = 1; i < size; i++) {
				String value = copy.get(i);
				for (int j = 0; j < i; j++) {
					if (value.equals(copy.get(j))) {
						return List.copyOf(new LinkedHashSet<>(copy));
					}
				}
			}
			return copy;
		}
		Set<String> seen = new HashSet<>(size * 2);
		for (String value : copy) {
			if (!seen.add(value)) {
				return List.copyOf(new LinkedHashSet<>(copy));
			}
		}
		return copy;
	}

	/**
	 * Read-only, as the lists are: a statement (and so a {@link GenerationResult}) can be shared, for example by the
	 * console's memo of generated drafts.
	 */
	private static Map<String, Map<String, List<String>>> readOnly(Map<String, Map<String, List<String>>> copy) {
		copy.replaceAll((operator, keys) -> Collections.unmodifiableMap(keys));
		return Collections.unmodifiableMap(copy);
	}

	private static Map<String, Map<String, List<String>>> copy(Map<String, Map<String, List<String>>> conditions) {
		Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
		if (conditions != null) {
			conditions.forEach((operator, keys) -> {
				Map<String, List<String>> keyCopy = new LinkedHashMap<>();
				keys.forEach((k, v) -> keyCopy.put(k, distinctValues(Objects.requireNonNull(v))));
				copy.put(operator, keyCopy);
			});
		}
		return copy;
	}

}
