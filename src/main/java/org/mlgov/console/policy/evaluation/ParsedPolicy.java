package org.mlgov.console.policy.evaluation;

import java.util.List;

/**
 * A policy document as the evaluator reads it.
 *
 * @param variablesEnabled true for {@code "Version": "2012-10-17"}, the only version that interprets policy variables
 * @param statements the statements in document order
 */
record ParsedPolicy(boolean variablesEnabled, List<Statement> statements) {

	ParsedPolicy {
		statements = List.copyOf(statements);
	}

	/**
	 * One statement. Elements IAM accepts as a string or an array are lists here (empty when absent).
	 *
	 * @param index position in the document, from 0
	 * @param sid the Sid, or null
	 * @param effect {@code Allow}, {@code Deny}, or what the document says otherwise
	 * @param problem why the statement cannot be read, or null
	 */
	record Statement(int index, String sid, String effect, List<String> actions, List<String> notActions,
			List<String> resources, List<String> notResources, List<Condition> conditions, String problem) {

		Statement {
			actions = List.copyOf(actions);
			notActions = List.copyOf(notActions);
			resources = List.copyOf(resources);
			notResources = List.copyOf(notResources);
			conditions = List.copyOf(conditions);
		}

		boolean isDeny() {
			return "Deny".equals(this.effect);
		}

	}

	/**
	 * One key under one operator of a {@code Condition} block.
	 *
	 * @param operator as written ({@code ForAnyValue:StringLikeIfExists})
	 * @param key the condition key as written
	 * @param values the values as strings (booleans and numbers as IAM reads them)
	 * @param problem why the values cannot be read, or null
	 */
	record Condition(String operator, String key, List<String> values, String problem) {

		Condition {
			values = List.copyOf(values);
		}

	}

}
