package org.mlgov.console.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.mlgov.console.diff.PolicyDifference.ConditionChange;
import org.mlgov.console.diff.PolicyDifference.SetChange;
import org.mlgov.console.diff.PolicyDifference.StatementChange;
import org.mlgov.console.diff.PolicyStatement.Condition;

/**
 * Compares two IAM policy documents (identity, trust or resource policies) statement by statement, on their
 * normalised form ({@link PolicyStatement}), so that reordering, string-versus-array spellings and the case of
 * action names make no difference.
 * <p>
 * Statements are matched by {@code Sid} when both sides have one; the rest by content, so a statement that only
 * moved or lost its id is no difference. What stays unmatched is added or removed. {@code Version} and {@code Id} are
 * not compared. This is a structural comparison: it does not expand wildcards or evaluate the policies.
 */
public final class PolicyDiff {

	private PolicyDiff() {
	}

	/**
	 * The statements added, removed and changed from {@code beforeJson} to {@code afterJson}.
	 * @param beforeJson the earlier policy; null or blank when there was none
	 * @param afterJson the later policy; null or blank when there is none
	 * @return the difference, {@link PolicyDifference#isEmpty() empty} when both grant and deny the same
	 * @throws IllegalArgumentException when a document is not a JSON policy
	 */
	public static PolicyDifference compare(String beforeJson, String afterJson) {
		List<PolicyStatement> removed = new ArrayList<>(PolicyReader.statements(beforeJson));
		List<PolicyStatement> added = new ArrayList<>(PolicyReader.statements(afterJson));
		List<StatementChange> changed = new ArrayList<>();
		for (PolicyStatement before : List.copyOf(removed)) {
			PolicyStatement after = (before.sid() != null)
					? take(added, (candidate) -> before.sid().equals(candidate.sid())) : null;
			if (after != null) {
				removed.remove(before);
				if (!before.sameContent(after)) {
					changed.add(change(before, after));
				}
			}
		}
		for (PolicyStatement before : List.copyOf(removed)) {
			if (take(added, before::sameContent) != null) {
				removed.remove(before);
			}
		}
		return new PolicyDifference(added, removed, changed);
	}

	/** Removes and returns the first element that matches, or null. */
	private static <T> T take(List<T> elements, Predicate<T> match) {
		for (int i = 0; i < elements.size(); i++) {
			if (match.test(elements.get(i))) {
				return elements.remove(i);
			}
		}
		return null;
	}

	private static StatementChange change(PolicyStatement before, PolicyStatement after) {
		return new StatementChange(before.sid(), before, after, !before.effect().equals(after.effect()),
				setChange(before, after, PolicyStatement::principals),
				setChange(before, after, PolicyStatement::notPrincipals),
				setChange(before, after, PolicyStatement::actions), setChange(before, after, PolicyStatement::notActions),
				setChange(before, after, PolicyStatement::resources),
				setChange(before, after, PolicyStatement::notResources), conditionChanges(before, after));
	}

	/** Set membership follows each set's own ordering, so action names compare without regard to case. */
	private static SetChange setChange(PolicyStatement before, PolicyStatement after,
			Function<PolicyStatement, Set<String>> element) {
		Set<String> was = element.apply(before);
		Set<String> is = element.apply(after);
		return new SetChange(minus(is, was), minus(was, is));
	}

	private static Set<String> minus(Set<String> values, Set<String> others) {
		Set<String> rest = new LinkedHashSet<>(values);
		rest.removeIf(others::contains);
		return rest;
	}

	/** Changed and removed conditions in the earlier statement's order, then the added ones. */
	private static List<ConditionChange> conditionChanges(PolicyStatement before, PolicyStatement after) {
		List<ConditionChange> changes = new ArrayList<>();
		List<Condition> remaining = new ArrayList<>(after.conditions());
		for (Condition was : before.conditions()) {
			Condition is = take(remaining, was::sameKey);
			if (is == null) {
				changes.add(new ConditionChange(was.operator(), was.key(), was.values(), Set.of()));
			}
			else if (!was.sameAs(is)) {
				changes.add(new ConditionChange(was.operator(), is.key(), was.values(), is.values()));
			}
		}
		remaining.forEach((is) -> changes.add(new ConditionChange(is.operator(), is.key(), Set.of(), is.values())));
		return changes;
	}

}
