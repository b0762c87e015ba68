package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
 * {@code <role>-permissions-<n>} of at most the managed-policy quota each, as many as the role can still have
 * attached (the attachment quota less the AWS managed policies).</li>
 * <li>A statement that fits no open customer managed policy when no further one can be attached, or that is too large
 * for any managed policy, goes into one more inline policy, {@code <role>-permissions-inline}, as long as the inline
 * aggregate (shared with {@value #GUARDRAIL_POLICY}) has room for it. Roles that fit their attachments never get
 * it.</li>
 * </ol>
 * A statement that fits nowhere is still placed (alone, in a further customer managed policy) and reported by a
 * blocking finding (too many attachments, or a policy over its quota), so the reviewer sees it; it is never silently
 * dropped.
 */
final class PolicyPacker {

	static final String GUARDRAIL_POLICY = "ModelAccessGuardrails";

	/** Suffix of the inline policy that takes what the attachments cannot: {@code <role>-permissions-inline}. */
	static final String INLINE_OVERFLOW_SUFFIX = "-permissions-inline";

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
	 * Where the statements went.
	 * @param guardrails the statements of {@value #GUARDRAIL_POLICY} (empty: no such policy)
	 * @param managed the statements of each customer managed policy, in order
	 * @param inlineOverflow the statements of {@code <role>-permissions-inline} (empty: no such policy)
	 * @param sourceSids for each part of a cut statement, the Sid of the statement it was cut from
	 * @param written the JSON of the statements the packer sized by writing them (by identity; the others are only
	 * written with their policy)
	 */
	record Placement(List<Statement> guardrails, List<List<Statement>> managed, List<Statement> inlineOverflow,
			Map<String, String> sourceSids, Map<Statement, PolicyRendering.Rendered> written) {
	}

	/** Statements of one policy and the policy's IAM size so far. */
	private static final class Bin {

		final List<Statement> statements = new ArrayList<>();

		int size = EMPTY_DOCUMENT;

		/** What adding a statement of {@code statementSize} adds to the policy (with its separating comma). */
		int cost(int statementSize) {
			return statementSize + (this.statements.isEmpty() ? 0 : 1);
		}

		void add(Statement statement, int statementSize) {
			this.size += cost(statementSize);
			this.statements.add(statement);
		}

	}

	/** A statement with its IAM size, computed once. */
	private record Sized(Statement statement, int size) {
	}

	/**
	 * @param managedSlots customer managed policies the role can still have attached (the attachment quota less the AWS
	 * managed policies)
	 */
	Placement place(List<Statement> guardrails, List<Statement> permissions, int managedSlots) {
		Map<String, String> sourceSids = new LinkedHashMap<>();
		Map<Statement, PolicyRendering.Rendered> written = new IdentityHashMap<>();
		Bin guardrailBin = new Bin();
		List<Sized> rest = new ArrayList<>();
		for (Sized statement : splitAll(guardrails, sourceSids, written)) {
			if (guardrailBin.size + guardrailBin.cost(statement.size()) <= this.quotas.inlineAggregate()) {
				guardrailBin.add(statement.statement(), statement.size());
			}
			else {
				rest.add(statement);
			}
		}
		rest.addAll(splitAll(permissions, sourceSids, written));
		List<Bin> managed = new ArrayList<>();
		Bin overflow = new Bin();
		for (Sized statement : rest) {
			Bin target = firstFit(managed, statement.size());
			boolean fitsManaged = EMPTY_DOCUMENT + statement.size() <= this.quotas.managedPolicy();
			if (target == null && managed.size() < managedSlots && fitsManaged) {
				target = new Bin();
				managed.add(target);
			}
			int guardrailSize = guardrailBin.statements.isEmpty() ? 0 : guardrailBin.size;
			int inlineAfter = guardrailSize + overflow.size + overflow.cost(statement.size());
			if (target == null && inlineAfter <= this.quotas.inlineAggregate()) {
				target = overflow;
			}
			if (target == null) {
				// Fits nowhere: placed in a further managed policy anyway, and the quota findings block submission.
				target = new Bin();
				managed.add(target);
			}
			target.add(statement.statement(), statement.size());
		}
		return new Placement(guardrailBin.statements, managed.stream().map((b) -> b.statements).toList(),
				overflow.statements, sourceSids, written);
	}

	private Bin firstFit(List<Bin> bins, int statementSize) {
		for (Bin bin : bins) {
			if (bin.size + bin.cost(statementSize) <= this.quotas.managedPolicy()) {
				return bin;
			}
		}
		return null;
	}

	/**
	 * The statements, those too large cut into parts, with their sizes. A statement that cannot be cut is sized by
	 * writing its JSON, which is kept in {@code written} for its policy: it is written once, not sized and then
	 * written. A statement that can be cut is only sized: it may not be written as it is.
	 */
	private List<Sized> splitAll(List<Statement> statements, Map<String, String> sourceSids,
			Map<Statement, PolicyRendering.Rendered> written) {
		List<Sized> out = new ArrayList<>();
		for (Statement statement : statements) {
			if (!statement.splittable()) {
				PolicyRendering.Rendered json = PolicyRendering.render(statement);
				written.put(statement, json);
				out.add(new Sized(statement, json.size()));
				continue;
			}
			int size = PolicyRendering.iamSize(statement);
			if (!statement.splittable() || size <= statementCapacity()) {
				out.add(new Sized(statement, size));
				continue;
			}
			List<Sized> parts = split(statement, size);
			for (Sized part : parts) {
				if (parts.size() > 1) {
					sourceSids.put(part.statement().sid(), statement.sid());
				}
				out.add(part);
			}
		}
		return out;
	}

	List<Statement> split(Statement statement) {
		return split(statement, PolicyRendering.iamSize(statement)).stream().map(Sized::statement).toList();
	}

	/** {@link #split(Statement)} of a statement whose IAM size is known, with the size of each part. */
	private List<Sized> split(Statement statement, int size) {
		int capacity = statementCapacity();
		if (!statement.splittable() || size <= capacity) {
			return List.of(new Sized(statement, size));
		}
		// Each part is built in one go (not through withSid and withCondition/withResources, which would copy the
		// whole list of the statement once more for every part).
		String[] single = singleConditionKey(statement);
		if (single != null && statement.isWildcardResource()) {
			List<String> values = statement.conditions().get(single[0]).get(single[1]);
			return chunks(statement, size, values, capacity,
					(sid, part) -> new Statement(sid, statement.effect(), statement.principalService(),
							statement.actions(), statement.resources(), statement.notResources(),
							Map.of(single[0], Map.of(single[1], part)), statement.origin(), statement.splittable()));
		}
		return chunks(statement, size, statement.resources(), capacity,
				(sid, part) -> new Statement(sid, statement.effect(), statement.principalService(),
						statement.actions(), part, statement.notResources(), statement.conditions(),
						statement.origin(), statement.splittable()));
	}

	/**
	 * Cuts {@code values} (distinct, as a statement's lists are) into consecutive runs whose statement fits
	 * {@code capacity}. Sizes are computed incrementally (one rendering for the fixed part, then the length of each
	 * value), so cutting a long list stays linear; each part's size is its fixed part's plus its run's.
	 */
	private static List<Sized> chunks(Statement statement, int size, List<String> values, int capacity,
			BiFunction<String, List<String>, Statement> rebuild) {
		int fixed = fixedSize(rebuild, statement.sid());
		List<List<String>> runs = new ArrayList<>();
		List<Integer> runSizes = new ArrayList<>();
		List<String> current = new ArrayList<>();
		int listSize = 0;
		for (String value : values) {
			int valueSize = Json.stringSize(value);
			int next = current.isEmpty() ? valueSize : listSize + 1 + valueSize;
			int total = fixed + next + ((current.isEmpty()) ? 0 : 2);
			if (!current.isEmpty() && total > capacity) {
				runs.add(current);
				runSizes.add(listSize);
				current = new ArrayList<>();
				next = valueSize;
			}
			current.add(value);
			listSize = next;
		}
		runs.add(current);
		runSizes.add(listSize);
		if (runs.size() == 1) {
			return List.of(new Sized(statement, size));
		}
		List<Sized> named = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			String sid = statement.sid() + "Part" + (i + 1);
			List<String> run = runs.get(i);
			// A list of several values is written in brackets, a single value as a plain string.
			int partSize = fixedSize(rebuild, sid) + runSizes.get(i) + ((run.size() > 1) ? 2 : 0);
			named.add(new Sized(rebuild.apply(sid, run), partSize));
		}
		return named;
	}

	/** The IAM size of the statement {@code rebuild} makes, without its list (and the list's brackets). */
	private static int fixedSize(BiFunction<String, List<String>, Statement> rebuild, String sid) {
		// With a single empty value, the list is written as the plain string "", whose size is 2.
		return PolicyRendering.iamSize(rebuild.apply(sid, List.of(""))) - 2;
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
