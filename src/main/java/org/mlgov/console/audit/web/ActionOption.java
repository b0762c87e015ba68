package org.mlgov.console.audit.web;

import java.util.Arrays;
import java.util.List;

import org.mlgov.console.audit.AuditAction;

/**
 * One option of the audit page's action filter, chosen in Java: the page lists every action, and comparing each with
 * the typed filter in the template cost an interpreted expression per option.
 *
 * @param value the action's code, the option's value
 * @param label the action as the filter names it
 * @param selected whether it is the action the filter asks for
 */
public record ActionOption(String value, String label, boolean selected) {

	/**
	 * The options for every action, in their order.
	 * @param typed the action as typed in the filter ("" for any)
	 * @return the options
	 */
	static List<ActionOption> all(String typed) {
		return Arrays.stream(AuditAction.values())
			.map((a) -> new ActionOption(a.name(), a.label(), a.name().equals(typed)))
			.toList();
	}

}
