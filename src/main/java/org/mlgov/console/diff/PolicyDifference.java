package org.mlgov.console.diff;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one IAM policy differs from another, statement by statement, for a reviewer.
 *
 * @param added statements only in the later policy
 * @param removed statements only in the earlier policy
 * @param changed statements in both (same Sid) whose content differs
 */
public record PolicyDifference(List<PolicyStatement> added, List<PolicyStatement> removed,
		List<StatementChange> changed) {

	public PolicyDifference {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
	}

	/**
	 * Whether the two policies grant and deny the same.
	 * @return {@code true} when nothing was added, removed or changed
	 */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty();
	}

	private static Set<String> sorted(Set<String> values) {
		return Collections.unmodifiableSortedSet(new TreeSet<>(values));
	}

	/**
	 * A statement present in both policies, with what changed in it.
	 *
	 * @param sid the statement's id
	 * @param before the statement in the earlier policy
	 * @param after the statement in the later policy
	 * @param effectChanged whether {@code Effect} changed (the values are in {@code before} and {@code after})
	 * @param principals {@code Principal} entries added and removed
	 * @param notPrincipals {@code NotPrincipal} entries added and removed
	 * @param actions {@code Action} entries added and removed
	 * @param notActions {@code NotAction} entries added and removed
	 * @param resources {@code Resource} entries added and removed
	 * @param notResources {@code NotResource} entries added and removed
	 * @param conditions condition keys added, removed or with other values
	 */
	public record StatementChange(String sid, PolicyStatement before, PolicyStatement after, boolean effectChanged,
			SetChange principals, SetChange notPrincipals, SetChange actions, SetChange notActions,
			SetChange resources, SetChange notResources, List<ConditionChange> conditions) {

		public StatementChange {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * Entries of a set-valued element that were added and removed.
	 *
	 * @param added entries only in the later statement, sorted
	 * @param removed entries only in the earlier statement, sorted
	 */
	public record SetChange(Set<String> added, Set<String> removed) {

		public static final SetChange NONE = new SetChange(Set.of(), Set.of());

		public SetChange {
			added = sorted(added);
			removed = sorted(removed);
		}

		public boolean isEmpty() {
			return this.added.isEmpty() && this.removed.isEmpty();
		}

	}

	/**
	 * A condition key that was added, removed or given other values.
	 *
	 * @param operator the condition operator
	 * @param key the condition key
	 * @param before its values in the earlier statement, sorted; empty when the condition was added
	 * @param after its values in the later statement, sorted; empty when the condition was removed
	 */
	public record ConditionChange(String operator, String key, Set<String> before, Set<String> after) {

		public ConditionChange {
			before = sorted(before);
			after = sorted(after);
		}

	}

}
