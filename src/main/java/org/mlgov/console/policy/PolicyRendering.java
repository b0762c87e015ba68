package org.mlgov.console.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns policy documents into the JSON trees {@link Json} writes: keys in IAM's usual order (Version, Statement;
 * Sid, Effect, Principal, Action, Resource/NotResource, Condition), a one-element list written as a plain string.
 */
public final class PolicyRendering {

	private PolicyRendering() {
	}

	public static Map<String, Object> tree(PolicyDocument document) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("Version", PolicyDocument.VERSION);
		root.put("Statement", document.statements().stream().map(PolicyRendering::tree).toList());
		return root;
	}

	public static Map<String, Object> tree(Statement statement) {
		Map<String, Object> node = new LinkedHashMap<>();
		if (statement.sid() != null) {
			node.put("Sid", statement.sid());
		}
		node.put("Effect", statement.effect().name());
		if (statement.principalService() != null) {
			node.put("Principal", Map.of("Service", statement.principalService()));
		}
		node.put("Action", oneOrMany(statement.actions()));
		if (!statement.resources().isEmpty()) {
			node.put("Resource", oneOrMany(statement.resources()));
		}
		if (!statement.notResources().isEmpty()) {
			node.put("NotResource", oneOrMany(statement.notResources()));
		}
		if (!statement.conditions().isEmpty()) {
			Map<String, Object> condition = new LinkedHashMap<>();
			statement.conditions().forEach((operator, keys) -> {
				Map<String, Object> keyNode = new LinkedHashMap<>();
				keys.forEach((key, values) -> keyNode.put(key, oneOrMany(values)));
				condition.put(operator, keyNode);
			});
			node.put("Condition", condition);
		}
		return node;
	}

	/** A document's pretty JSON and its IAM size. */
	record Rendered(String json, int size) {
	}

	/**
	 * The pretty JSON of the document: the bytes {@code Json.pretty(tree(document))} writes, written straight from
	 * the statements (no tree of maps is built; the generator renders every policy it makes).
	 */
	public static String pretty(PolicyDocument document) {
		return render(document).json();
	}

	/** The document's {@link #pretty} JSON and its {@link #iamSize(PolicyDocument) IAM size}, counted as written. */
	static Rendered render(PolicyDocument document) {
		return render(document, (statement) -> null);
	}

	/**
	 * {@link #render(PolicyDocument)}, taking the JSON of a statement from {@code written} where it has it (as
	 * {@link #render(Statement)} wrote it) instead of writing it again.
	 */
	static Rendered render(PolicyDocument document, Function<Statement, Rendered> written) {
		List<Statement> statements = document.statements();
		StringBuilder out = new StringBuilder(capacity(statements, written));
		out.append('{');
		Json.newline(out, 1, true);
		Json.string(out, "Version");
		out.append(": ");
		Json.string(out, PolicyDocument.VERSION);
		out.append(',');
		Json.newline(out, 1, true);
		Json.string(out, "Statement");
		out.append(": ");
		int size = EMPTY_DOCUMENT + Math.max(0, statements.size() - 1);
		if (statements.isEmpty()) {
			out.append("[]");
		}
		else {
			out.append('[');
			for (int i = 0; i < statements.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				Json.newline(out, 2, true);
				Rendered statement = written.apply(statements.get(i));
				if (statement != null) {
					out.append(statement.json());
					size += statement.size();
				}
				else {
					size += write(out, statements.get(i), 2);
				}
			}
			Json.newline(out, 1, true);
			out.append(']');
		}
		Json.newline(out, 0, true);
		return new Rendered(out.append("}\n").toString(), size);
	}

	/**
	 * A statement's JSON as it stands in a document's Statement list (indented for its depth there, without the
	 * line break before it), and its {@link #iamSize(Statement) IAM size}: the packer sizes each statement by writing
	 * it, and the policy it lands in takes the JSON as it is.
	 */
	static Rendered render(Statement statement) {
		StringBuilder out = new StringBuilder(capacity(statement));
		int size = write(out, statement, 2);
		return new Rendered(out.toString(), size);
	}

	/**
	 * Room for the pretty JSON of the statements, so that the buffer is seldom copied to grow and not much larger than
	 * needed: each value's length and its line (break, indentation, quotes, comma), and a line per key. Statements
	 * already written take their length.
	 */
	private static int capacity(List<Statement> statements, Function<Statement, Rendered> written) {
		int capacity = 64;
		for (int i = 0; i < statements.size(); i++) {
			Rendered json = written.apply(statements.get(i));
			capacity += 6 + ((json != null) ? json.json().length() : capacity(statements.get(i)));
		}
		return capacity;
	}

	private static int capacity(Statement statement) {
		int capacity = 160 + ((statement.sid() != null) ? statement.sid().length() : 0)
				+ length(statement.actions()) + length(statement.resources()) + length(statement.notResources());
		for (Map<String, List<String>> keys : statement.conditions().values()) {
			for (Map.Entry<String, List<String>> key : keys.entrySet()) {
				capacity += 48 + String.valueOf(key.getKey()).length() + length(key.getValue());
			}
		}
		return capacity;
	}

	/** The characters of the values and of a line for each (break, indentation up to depth 6, quotes, comma). */
	private static int length(List<String> values) {
		int length = 16 * values.size();
		for (int i = 0; i < values.size(); i++) {
			length += values.get(i).length();
		}
		return length;
	}

	/**
	 * Writes a statement as {@code Json.pretty} writes its {@link #tree(Statement) tree} at {@code depth}; returns its
	 * {@link #iamSize(Statement) IAM size}.
	 */
	private static int write(StringBuilder out, Statement statement, int depth) {
		out.append('{');
		int size = 2;
		if (statement.sid() != null) {
			size += key(out, "Sid", depth, true) + Json.string(out, statement.sid());
		}
		size += key(out, "Effect", depth, statement.sid() == null) + Json.string(out, statement.effect().name());
		if (statement.principalService() != null) {
			size += key(out, "Principal", depth, false) + 2;
			out.append('{');
			size += key(out, "Service", depth + 1, true) + Json.string(out, statement.principalService());
			Json.newline(out, depth + 1, true);
			out.append('}');
		}
		size += key(out, "Action", depth, false) + oneOrMany(out, statement.actions(), depth + 1);
		if (!statement.resources().isEmpty()) {
			size += key(out, "Resource", depth, false) + oneOrMany(out, statement.resources(), depth + 1);
		}
		if (!statement.notResources().isEmpty()) {
			size += key(out, "NotResource", depth, false) + oneOrMany(out, statement.notResources(), depth + 1);
		}
		if (!statement.conditions().isEmpty()) {
			size += key(out, "Condition", depth, false) + 2;
			out.append('{');
			boolean firstOperator = true;
			for (Map.Entry<String, Map<String, List<String>>> operator : statement.conditions().entrySet()) {
				size += key(out, String.valueOf(operator.getKey()), depth + 1, firstOperator) + 2;
				firstOperator = false;
				Map<String, List<String>> keys = operator.getValue();
				if (keys.isEmpty()) {
					out.append("{}");
					continue;
				}
				out.append('{');
				boolean firstKey = true;
				for (Map.Entry<String, List<String>> key : keys.entrySet()) {
					size += key(out, String.valueOf(key.getKey()), depth + 2, firstKey)
							+ oneOrMany(out, key.getValue(), depth + 3);
					firstKey = false;
				}
				Json.newline(out, depth + 2, true);
				out.append('}');
			}
			Json.newline(out, depth + 1, true);
			out.append('}');
		}
		Json.newline(out, depth, true);
		out.append('}');
		return size;
	}

	/**
	 * The key of an entry of an object written at {@code depth}, with the comma before it unless it is the first;
	 * returns the IAM size of the comma, the key and its colon.
	 */
	private static int key(StringBuilder out, String key, int depth, boolean first) {
		if (!first) {
			out.append(',');
		}
		Json.newline(out, depth + 1, true);
		int size = Json.string(out, key);
		out.append(": ");
		return size + (first ? 1 : 2);
	}

	/** A one-element list as a plain string, any other list as a list, at {@code depth}; returns its IAM size. */
	private static int oneOrMany(StringBuilder out, List<String> values, int depth) {
		if (values.size() == 1) {
			return Json.string(out, values.get(0));
		}
		if (values.isEmpty()) {
			out.append("[]");
			return 2;
		}
		out.append('[');
		int size = 2 + values.size() - 1;
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Json.newline(out, depth + 1, true);
			size += Json.string(out, values.get(i));
		}
		Json.newline(out, depth, true);
		out.append(']');
		return size;
	}

	/** The IAM size of the document, {@code Json.iamSizeOf(tree(document))}, counted from the statements. */
	public static int iamSize(PolicyDocument document) {
		List<Statement> statements = document.statements();
		int size = EMPTY_DOCUMENT + Math.max(0, statements.size() - 1);
		for (Statement statement : statements) {
			size += iamSize(statement);
		}
		return size;
	}

	/** {"Version":"2012-10-17","Statement":[]} */
	private static final int EMPTY_DOCUMENT = Json.iamSizeOf(tree(new PolicyDocument(List.of())));

	private static final int SID = Json.stringSize("Sid") + 1;

	private static final int EFFECT = Json.stringSize("Effect") + 1;

	/** "Principal":{"Service":} without the service's name. */
	private static final int PRINCIPAL = Json.stringSize("Principal") + 1 + 2 + Json.stringSize("Service") + 1;

	private static final int ACTION = Json.stringSize("Action") + 1;

	private static final int RESOURCE = Json.stringSize("Resource") + 1;

	private static final int NOT_RESOURCE = Json.stringSize("NotResource") + 1;

	private static final int CONDITION = Json.stringSize("Condition") + 1;

	/**
	 * IAM size of one statement as it appears inside a document (without the separating comma):
	 * {@code Json.iamSizeOf(tree(statement))}, counted from the statement.
	 */
	public static int iamSize(Statement statement) {
		// Braces, and a comma between entries: Effect and Action are always there.
		int size = 2 + 1;
		if (statement.sid() != null) {
			size += 1 + SID + Json.stringSize(statement.sid());
		}
		size += EFFECT + Json.stringSize(statement.effect().name());
		if (statement.principalService() != null) {
			size += 1 + PRINCIPAL + Json.stringSize(statement.principalService());
		}
		size += ACTION + oneOrManySize(statement.actions());
		if (!statement.resources().isEmpty()) {
			size += 1 + RESOURCE + oneOrManySize(statement.resources());
		}
		if (!statement.notResources().isEmpty()) {
			size += 1 + NOT_RESOURCE + oneOrManySize(statement.notResources());
		}
		if (!statement.conditions().isEmpty()) {
			Map<String, Map<String, List<String>>> conditions = statement.conditions();
			size += 1 + CONDITION + 2 + (conditions.size() - 1);
			for (Map.Entry<String, Map<String, List<String>>> operator : conditions.entrySet()) {
				Map<String, List<String>> keys = operator.getValue();
				size += Json.stringSize(String.valueOf(operator.getKey())) + 1 + 2
						+ (keys.isEmpty() ? 0 : keys.size() - 1);
				for (Map.Entry<String, List<String>> key : keys.entrySet()) {
					size += Json.stringSize(String.valueOf(key.getKey())) + 1 + oneOrManySize(key.getValue());
				}
			}
		}
		return size;
	}

	/** IAM size of a list as {@link #oneOrMany} writes it. */
	static int oneOrManySize(List<String> values) {
		if (values.size() == 1) {
			return Json.stringSize(values.get(0));
		}
		int size = 2 + (values.isEmpty() ? 0 : values.size() - 1);
		for (String value : values) {
			size += Json.stringSize(value);
		}
		return size;
	}

	private static Object oneOrMany(List<String> values) {
		return (values.size() == 1) ? values.get(0) : values;
	}

}
