package org.mlgov.console.policy.evaluation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One request to evaluate: an action ({@code bedrock:InvokeModel}), the resource it is made on (an ARN, or {@code *}
 * for actions without a resource type) and the request context, condition key to values.
 * <p>
 * The context is taken as the whole request context: a key it does not contain is absent from the request, as IAM
 * evaluates absent keys (except the keys every real request carries, see {@link PolicyEvaluator}, and policy
 * variables, see {@link PolicyVariables}). A key given with an empty list is present in the map but has no value: it
 * is absent for conditions, and an empty multivalued key for {@code ForAllValues}/{@code ForAnyValue}. Keys are
 * case-insensitive, as in IAM ({@code aws:RequestTag/Team} and {@code AWS:requesttag/team} are one key); two keys that
 * differ only in case are rejected.
 *
 * @param action the IAM action, {@code service:Name}
 * @param resource the resource ARN, or {@code *}
 * @param context condition key to its values (one value for single-valued keys)
 */
public record EvaluationRequest(String action, String resource, Map<String, List<String>> context) {

	public EvaluationRequest {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(resource, "resource");
		if (action.indexOf(':') <= 0) {
			throw new IllegalArgumentException("an action is service:Name, not '" + action + "'");
		}
		if (resource.isBlank()) {
			throw new IllegalArgumentException("the resource is an ARN or *, not blank");
		}
		SortedMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (context != null) {
			context.forEach((key, values) -> {
				Objects.requireNonNull(values, () -> "values of context key " + key);
				if (keys.put(key, List.copyOf(values)) != null) {
					throw new IllegalArgumentException("context key " + key + " is given twice (keys ignore case)");
				}
			});
		}
		context = Collections.unmodifiableSortedMap(keys);
	}

	/** A request with an empty context. */
	public static EvaluationRequest of(String action, String resource) {
		return new EvaluationRequest(action, resource, Map.of());
	}

	/** A copy with one more context key (replacing the key, whatever its case, if it was there). */
	public EvaluationRequest with(String key, String... values) {
		SortedMap<String, List<String>> next = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		next.putAll(this.context);
		next.remove(key);
		next.put(key, List.of(values));
		return new EvaluationRequest(this.action, this.resource, next);
	}

	/**
	 * The values of a context key, ignoring case.
	 * @param key a condition key
	 * @return its values (perhaps none), or null when the context does not mention the key
	 */
	public List<String> values(String key) {
		return this.context.get(key);
	}

}
