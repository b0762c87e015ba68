package org.mlgov.console.diff;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One statement of an IAM policy, normalised as IAM reads it: a single string and a one-element array are the same,
 * action, resource, principal and condition value lists are sets, action names ignore case (so do condition keys),
 * and {@code "Principal": "*"} is the same as {@code {"AWS": "*"}}.
 *
 * @param sid the statement id, or null
 * @param effect {@code Allow} or {@code Deny}
 * @param principals {@code Principal} as {@code Type:value} ({@code AWS:arn:aws:iam::111122223333:root},
 * {@code Service:sagemaker.amazonaws.com}), or {@code *} for everyone
 * @param notPrincipals {@code NotPrincipal}, the same way
 * @param actions {@code Action}, sorted and compared without regard to case
 * @param notActions {@code NotAction}, the same way
 * @param resources {@code Resource}, sorted
 * @param notResources {@code NotResource}, sorted
 * @param conditions {@code Condition}, one entry per operator and key, sorted by operator and key
 */
public record PolicyStatement(String sid, String effect, Set<String> principals, Set<String> notPrincipals,
		Set<String> actions, Set<String> notActions, Set<String> resources, Set<String> notResources,
		List<Condition> conditions) {

	/** Orders conditions by operator, then key without regard to case. */
	static final Comparator<Condition> CONDITION_ORDER = Comparator.comparing(Condition::operator)
		.thenComparing((condition) -> condition.key().toLowerCase(Locale.ROOT));

	public PolicyStatement {
		principals = sorted(principals, false);
		notPrincipals = sorted(notPrincipals, false);
		actions = sorted(actions, true);
		notActions = sorted(notActions, true);
		resources = sorted(resources, false);
		notResources = sorted(notResources, false);
		conditions = conditions.stream().sorted(CONDITION_ORDER).toList();
	}

	/**
	 * Whether two statements grant or deny the same, whatever their ids.
	 * @param other another statement
	 * @return {@code true} when only the ids may differ
	 */
	public boolean sameContent(PolicyStatement other) {
		return this.effect.equals(other.effect) && this.principals.equals(other.principals)
				&& this.notPrincipals.equals(other.notPrincipals) && this.actions.equals(other.actions)
				&& this.notActions.equals(other.notActions) && this.resources.equals(other.resources)
				&& this.notResources.equals(other.notResources) && sameConditions(other);
	}

	private boolean sameConditions(PolicyStatement other) {
		if (this.conditions.size() != other.conditions.size()) {
			return false;
		}
		for (int i = 0; i < this.conditions.size(); i++) {
			if (!this.conditions.get(i).sameAs(other.conditions.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> sorted(Set<String> values, boolean ignoreCase) {
		SortedSet<String> sorted = new TreeSet<>(ignoreCase ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder());
		sorted.addAll(values);
		return Collections.unmodifiableSortedSet(sorted);
	}

	/**
	 * One condition key under one operator.
	 *
	 * @param operator the condition operator, for example {@code StringEquals}
	 * @param key the condition key as written, for example {@code aws:SourceAccount}
	 * @param values the values, sorted; booleans and numbers as IAM reads them, as strings
	 */
	public record Condition(String operator, String key, Set<String> values) {

		public Condition {
			values = sorted(values, false);
		}

		/**
		 * Whether this is the same operator and key (key without regard to case).
		 * @param other another condition
		 * @return {@code true} for the same operator and key
		 */
		public boolean sameKey(Condition other) {
			return this.operator.equals(other.operator) && this.key.equalsIgnoreCase(other.key);
		}

		boolean sameAs(Condition other) {
			return sameKey(other) && this.values.equals(other.values);
		}

	}

}
