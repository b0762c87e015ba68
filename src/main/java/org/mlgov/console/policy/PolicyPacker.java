package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Places statements in policies within IAM's quotas, deterministically (same input, same placement):
 * <ol>
 * <li>Oversized splittable statements (Deny statements that list what they deny) are cut into several statements by
 * resource list or by the values of their single condition key: a Deny of A∪B equals a Deny of A plus a Deny of B.
 * An allow list (Deny + NotResource, or Deny + StringNotLike) cannot be cut that way and is never split.</li>
 * <li>Guardrail statements go first into one inline policy, {@value #GUARDRAIL_POLICY}: an inline policy lives and dies
 * with the role and cannot be detached on its own. What does not fit within the inline aggregate quota overflows to
 * the managed policies.</li>
 * <li>Everything else is placed first-fit, in order, into customer managed policies named
 * {@code <role>-permissions-<n>} of at most the managed-policy quota each.</li>
 * </ol>
 * A statement too large for any policy is still placed (alone) and reported by a blocking finding, so the reviewer
 * sees it; it is never silently dropped.
 */
final class PolicyPacker {

	static final String GUARDRAIL_POLICY = "ModelAccessGuardrails";

	private static final int EMPTY_DOCUMENT = PolicyRendering.iamSize(new PolicyDocument(List.of()));

	private final IamQuotas quotas;

	PolicyPacker(IamQuotas quotas) {
		this.quotas = quotas;
	}

	/** Largest statement that fits a managed policy on its own. */
	int statementCapacity() {
		return this.quotas.managedPolicy() - EMPTY_DOCUMENT;
	}

	/**
	 * @param sourceSids for each part of a cut statement, the Sid of the statement it was cut from
	 */
	record Placement(List<Statement> inline, List<List<Statement>> managed, Map<String, String> sourceSids) {
	}

	Placement place(List<Statement> guardrails, List<Statement> permissions) {
		List<Statement> inline = new ArrayList<>();
		List<Statement> overflow = new ArrayList<>();
		int inlineSize = EMPTY_DOCUMENT;
		Map<String, String> sourceSids = new LinkedHashMap<>();
		for (Statement statement : splitAll(guardrails, sourceSids)) {
			int size = PolicyRendering.iamSize(statement) + (inline.isEmpty() ? 0 : 1);
			if (inlineSize + size <= this.quotas.inlineAggregate()) {
				inline.add(statement);
				inlineSize += size;
			}
			else {
				overflow.add(statement);
			}
		}
		List<Statement> rest = new ArrayList<>(overflow);
		rest.addAll(splitAll(permissions, sourceSids));
		List<List<Statement>> bins = new ArrayList<>();
		List<Integer> binSizes = new ArrayList<>();
		for (Statement statement : rest) {
			int size = PolicyRendering.iamSize(statement);
			int target = -1;
			for (int i = 0; i < bins.size(); i++) {
				if (binSizes.get(i) + size + 1 <= this.quotas.managedPolicy()) {
					target = i;
					break;
				}
			}
			if (target < 0) {
				bins.add(new ArrayList<>(List.of(statement)));
				binSizes.add(EMPTY_DOCUMENT + size);
			}
			else {
				bins.get(target).add(statement);
				binSizes.set(target, binSizes.get(target) + size + 1);
			}
		}
		return new Placement(inline, bins, sourceSids);
	}

	private List<Statement> splitAll(List<Statement> statements, Map<String, String> sourceSids) {
		List<Statement> out = new ArrayList<>();
		for (Statement statement : statements) {
			List<Statement> parts = split(statement);
			if (parts.size() > 1) {
				parts.forEach((part) -> sourceSids.put(part.sid(), statement.sid()));
			}
			out.addAll(parts);
		}
		return out;
	}

	List<Statement> split(Statement statement) {
		int capacity = statementCapacity();
		if (!statement.splittable() || PolicyRendering.iamSize(statement) <= capacity) {
			return List.of(statement);
		}
		String[] single = singleConditionKey(statement);
		if (single != null && statement.isWildcardResource()) {
			List<String> values = statement.conditions().get(single[0]).get(single[1]);
			return chunks(statement, values, capacity,
					(part) -> statement.withCondition(single[0], single[1], part));
		}
		return chunks(statement, statement.resources(), capacity, statement::withResources);
	}

	/**
	 * Cuts {@code values} into consecutive runs whose statement fits {@code capacity}. Sizes are computed
	 * incrementally (one rendering for the fixed part, then the length of each value), so cutting a long list stays
	 * linear.
	 */
	private static List<Statement> chunks(Statement statement, List<String> values, int capacity,
			Function<List<String>, Statement> rebuild) {
		int fixed = PolicyRendering.iamSize(rebuild.apply(List.of(""))) - 2;
		List<List<String>> runs = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int listSize = 0;
		for (String value : values) {
			int valueSize = Json.iamSize(value) + 2;
			int next = current.isEmpty() ? valueSize : listSize + 1 + valueSize;
			int total = fixed + next + ((current.isEmpty()) ? 0 : 2);
			if (!current.isEmpty() && total > capacity) {
				runs.add(current);
				current = new ArrayList<>();
				next = valueSize;
			}
			current.add(value);
			listSize = next;
		}
		runs.add(current);
		if (runs.size() == 1) {
			return List.of(statement);
		}
		List<Statement> named = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			named.add(rebuild.apply(List.copyOf(runs.get(i))).withSid(statement.sid() + "Part" + (i + 1)));
		}
		return named;
	}

	private static String[] singleConditionKey(Statement statement) {
		Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>(statement.conditions());
		if (conditions.size() != 1) {
			return null;
		}
		Map.Entry<String, Map<String, List<String>>> operator = conditions.entrySet().iterator().next();
		if (operator.getValue().size() != 1) {
			return null;
		}
		return new String[] { operator.getKey(), operator.getValue().keySet().iterator().next() };
	}

}
