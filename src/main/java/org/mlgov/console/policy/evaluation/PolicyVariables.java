package org.mlgov.console.policy.evaluation;

import java.util.List;

/**
 * Replaces policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'default'}}) in a Resource or
 * condition value by their value in the request context, IAM-style:
 * <ul>
 * <li>only in documents of {@code "Version": "2012-10-17"}; otherwise {@code ${...}} is literal text;</li>
 * <li>{@code ${*}}, {@code ${?}} and {@code ${$}} are the literal characters {@code *}, {@code ?}, {@code $};</li>
 * <li>the value of a variable is literal text (a {@code *} in it is not a wildcard);</li>
 * <li>a default ({@code , 'text'}) is used when the key has no value.</li>
 * </ul>
 * A key the context does not mention at all gives {@link Substitution.Unknown}: offline, "not given" cannot be told
 * from "absent in the real request". A key given with no value (an empty list) is absent, and without a default gives
 * {@link Substitution.Absent}, which the caller turns into IAM's rule for unresolvable variables (a Resource does not
 * match, a positive condition is false, a negated one true). A multivalued key cannot be a variable: several values
 * give {@link Substitution.Unknown}.
 */
final class PolicyVariables {

	/** The outcome of substituting the variables of one value. */
	sealed interface Substitution {

		/** Every variable had a value (or there was none). */
		record Resolved(Glob glob) implements Substitution {
		}

		/** A variable's key is absent from the request (given with no value) and has no default. */
		record Absent(String key) implements Substitution {
		}

		/** A variable's value cannot be known offline. */
		record Unknown(String reason) implements Substitution {
		}

	}

	private PolicyVariables() {
	}

	static Substitution substitute(String text, boolean variablesEnabled, EvaluationRequest request) {
		if (!variablesEnabled || !text.contains("${")) {
			return new Substitution.Resolved(Glob.of(text));
		}
		Glob.Builder out = new Glob.Builder();
		int i = 0;
		while (i < text.length()) {
			int start = text.indexOf("${", i);
			int end = (start < 0) ? -1 : text.indexOf('}', start + 2);
			if (start < 0 || end < 0) {
				out.pattern(text.substring(i));
				break;
			}
			out.pattern(text.substring(i, start));
			String inside = text.substring(start + 2, end);
			i = end + 1;
			if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
				out.literal(inside);
				continue;
			}
			Variable variable = Variable.parse(inside);
			List<String> values = request.values(variable.key());
			if (values == null || values.isEmpty()) {
				if (variable.defaultValue() != null) {
					out.literal(variable.defaultValue());
					continue;
				}
				if (values == null) {
					return new Substitution.Unknown("the policy variable ${" + variable.key()
							+ "} has no value in the request context");
				}
				return new Substitution.Absent(variable.key());
			}
			if (values.size() > 1) {
				return new Substitution.Unknown("the policy variable ${" + variable.key() + "} has " + values.size()
						+ " values; a multivalued key cannot be a policy variable");
			}
			out.literal(values.get(0));
		}
		return new Substitution.Resolved(out.build());
	}

	/** {@code key} or {@code key, 'default'}. */
	private record Variable(String key, String defaultValue) {

		static Variable parse(String inside) {
			int comma = inside.indexOf(',');
			if (comma < 0) {
				return new Variable(inside.trim(), null);
			}
			String fallback = inside.substring(comma + 1).trim();
			if (fallback.length() >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) {
				fallback = fallback.substring(1, fallback.length() - 1);
			}
			return new Variable(inside.substring(0, comma).trim(), fallback);
		}

	}

}
