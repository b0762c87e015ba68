package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.catalog.ServiceAuthorization.Action;

/**
 * Checks a policy document against what AWS accepts, using the Service Authorization Reference snapshot: every action
 * exists; every condition key is a global key or one that every action of its statement supports; every resource can
 * name a resource of one of the statement's actions and every action with resource types has a resource that fits it;
 * ARNs are well formed and in the role's partition; Sids are unique and alphanumeric; the version is 2012-10-17.
 * Violations are blocking findings: AWS would reject the document or, worse, accept a statement that never matches.
 */
public final class ServiceAuthorizationCheck {


	private final ServiceAuthorization sar;

	public ServiceAuthorizationCheck(ServiceAuthorization sar) {
		this.sar = sar;
	}

	public List<Finding> check(String documentName, PolicyDocument document, String partition) {
		List<Finding> findings = new ArrayList<>();
		Set<String> sids = new HashSet<>();
		for (Statement statement : document.statements()) {
			String sid = statement.sid();
			if (sid != null && (!isAlphanumeric(sid) || !sids.add(sid))) {
				findings.add(error("INVALID_SID", "Sid '" + sid + "' is not unique or not alphanumeric.", documentName,
						sid));
			}
			checkStatement(documentName, statement, partition, findings);
		}
		return findings;
	}

	private void checkStatement(String doc, Statement statement, String partition, List<Finding> findings) {
		String sid = statement.sid();
		List<Action> actions = new ArrayList<>();
		// The actions each written action names, in the order written.
		List<List<Action>> named = new ArrayList<>(statement.actions().size());
		for (String name : statement.actions()) {
			List<Action> matched = name.contains("*") ? this.sar.actionsMatching(name)
					: this.sar.action(name).map(List::of).orElse(List.of());
			if (matched.isEmpty()) {
				findings.add(error("UNKNOWN_ACTION", "Action " + name
						+ " does not exist in the Service Authorization Reference.", doc, sid));
			}
			actions.addAll(matched);
			named.add(matched);
		}
		statement.conditions().forEach((operator, keys) -> keys.forEach((key, values) -> {
			for (Action action : actions) {
				if (!this.sar.supportsConditionKey(action, key)) {
					findings.add(error("UNSUPPORTED_CONDITION_KEY", "Condition key " + key + " is not supported by "
							+ action.qualifiedName() + ": the condition would never be true for it.", doc, sid));
				}
			}
			if (operator.equals("Null") && !values.stream().allMatch((v) -> v.equals("true") || v.equals("false"))) {
				findings.add(error("INVALID_NULL_CONDITION",
						"The Null operator takes \"true\" or \"false\", not " + values + ".", doc, sid));
			}
			checkArnValues(doc, sid, key, values, partition, findings);
		}));
		if (statement.principalService() != null) {
			return; // a trust statement: no resources
		}
		List<String> resources = statement.resources().isEmpty() ? statement.notResources() : statement.resources();
		if (resources.isEmpty()) {
			findings.add(error("MISSING_RESOURCE", "The statement has neither Resource nor NotResource.", doc, sid));
			return;
		}
		for (String resource : resources) {
			if (!resource.equals("*")) {
				checkArn(doc, sid, resource, partition, findings);
			}
			if (!actions.isEmpty() && !anyFits(actions, List.of(resource), partition)) {
				findings.add(error("RESOURCE_MISMATCH", "Resource " + resource
						+ " matches no resource type of the statement's actions.", doc, sid));
			}
		}
		if (!statement.resources().isEmpty()) {
			// Each written action must be able to match a resource; for a wildcard such as sagemaker-mlflow:*,
			// at least one of the actions it names must.
			for (int i = 0; i < named.size(); i++) {
				List<Action> matched = named.get(i);
				if (!matched.isEmpty() && !anyFits(matched, statement.resources(), partition)) {
					Action action = matched.get(0);
					findings.add(error("RESOURCE_MISMATCH", "No resource of the statement fits "
							+ statement.actions().get(i) + " ("
							+ (action.resourceTypes().isEmpty() ? "it needs \"*\"" : "types " + action.resourceTypes())
							+ ").", doc, sid));
				}
			}
		}
	}

	/** True if one of the resources can name a resource of one of the actions. */
	private boolean anyFits(List<Action> actions, List<String> resources, String partition) {
		for (int i = 0; i < actions.size(); i++) {
			for (int j = 0; j < resources.size(); j++) {
				if (this.sar.resourceFits(actions.get(i), resources.get(j), partition)) {
					return true;
				}
			}
		}
		return false;
	}

	private void checkArnValues(String doc, String sid, String key, List<String> values, String partition,
			List<Finding> findings) {
		Optional<ServiceAuthorization.ConditionKey> info = this.sar.conditionKey(key);
		boolean arnKey = info.map((k) -> k.type().toUpperCase(Locale.ROOT).contains("ARN")).orElse(false)
				|| key.equalsIgnoreCase("aws:SourceArn");
		if (arnKey) {
			values.forEach((v) -> checkArn(doc, sid, v, partition, findings));
		}
	}

	/**
	 * {@code arn:partition:service:region:account:resource}, read as {@code arn.split(":", 6)} would cut it (the
	 * resource may contain colons), without cutting it.
	 */
	private static void checkArn(String doc, String sid, String arn, String partition, List<Finding> findings) {
		int[] colons = new int[5];
		int found = 0;
		for (int i = arn.indexOf(':'); i >= 0 && found < colons.length; i = arn.indexOf(':', i + 1)) {
			colons[found++] = i;
		}
		if (found < colons.length || colons[0] != 3 || !arn.startsWith("arn") || colons[2] == colons[1] + 1
				|| colons[4] == arn.length() - 1) {
			findings.add(error("INVALID_ARN", "'" + arn + "' is not a well-formed ARN.", doc, sid));
		}
		else if (partition == null || colons[1] - colons[0] - 1 != partition.length()
				|| !arn.startsWith(partition, colons[0] + 1)) {
			findings.add(error("WRONG_PARTITION", "ARN '" + arn + "' is not in partition " + partition + ".", doc, sid));
		}
	}

	/** True if the Sid is one or more ASCII letters and digits, all IAM accepts. */
	private static boolean isAlphanumeric(String sid) {
		for (int i = 0; i < sid.length(); i++) {
			char c = sid.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return !sid.isEmpty();
	}

	private static Finding error(String code, String message, String doc, String sid) {
		return new Finding(code, Severity.ERROR, message, doc, sid);
	}

}
