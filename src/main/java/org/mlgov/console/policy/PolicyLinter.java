package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mlgov.console.catalog.ArnGlob;
import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.catalog.ServiceAuthorization.Action;

/**
 * Offline lint of generated documents, beyond validity: risky grants a reviewer should see next to the statement
 * they concern.
 * <ul>
 * <li>{@code PASSROLE_WILDCARD} (WARNING): an Allow of {@code iam:PassRole} (or an action pattern that covers it, such
 * as {@code iam:*}) on a resource with a wildcard ({@code *} or {@code ?}). The message says whether every role can be
 * passed ({@code *}, {@code role/*}, an ARN ending in {@code :*}) or every role whose ARN matches a pattern
 * ({@code role/service-role/*}, {@code role/Sage*}, a wildcard account): both hand a service roles nobody named, so
 * both are warnings, one per statement. Not an error: AWS accepts the statement, and a reviewer may approve it.</li>
 * <li>{@code WRITE_ON_WILDCARD_RESOURCE} (WARNING): write actions on {@code "Resource": "*"} although IAM can scope
 * them to named resources.</li>
 * </ul>
 */
final class PolicyLinter {

	private final ServiceAuthorization sar;

	PolicyLinter(ServiceAuthorization sar) {
		this.sar = sar;
	}

	List<Finding> lint(String documentName, PolicyDocument document) {
		List<Finding> findings = new ArrayList<>();
		for (Statement statement : document.statements()) {
			if (statement.effect() != Effect.Allow || statement.principalService() != null) {
				continue;
			}
			if (coversPassRole(statement.actions())) {
				passRoleWildcard(documentName, statement, findings);
			}
			if (statement.isWildcardResource()) {
				List<String> nameable = new ArrayList<>();
				for (String name : statement.actions()) {
					this.sar.action(name)
						.filter((a) -> !a.resourceTypes().isEmpty())
						.filter(Action::isMutating)
						.ifPresent((a) -> nameable.add(a.qualifiedName()));
				}
				if (!nameable.isEmpty()) {
					findings.add(new Finding("WRITE_ON_WILDCARD_RESOURCE", Severity.WARNING,
							"Write actions on \"Resource\": \"*\" although IAM can scope them to named resources: "
									+ String.join(", ", nameable) + ".",
							documentName, statement.sid()));
				}
			}
		}
		return findings;
	}

	private static void passRoleWildcard(String documentName, Statement statement, List<Finding> findings) {
		List<String> everyRole = new ArrayList<>();
		List<String> patterns = new ArrayList<>();
		for (String resource : statement.resources()) {
			if (matchesEveryRole(resource)) {
				everyRole.add(resource);
			}
			else if (resource.indexOf('*') >= 0 || resource.indexOf('?') >= 0) {
				patterns.add(resource);
			}
		}
		if (!everyRole.isEmpty()) {
			findings.add(new Finding("PASSROLE_WILDCARD", Severity.WARNING,
					"iam:PassRole on every role (" + String.join(", ", everyRole) + "): whoever uses this role can "
							+ "hand any role (including more powerful ones) to a service. Name the roles to pass.",
					documentName, statement.sid()));
		}
		else if (!patterns.isEmpty()) {
			findings.add(new Finding("PASSROLE_WILDCARD", Severity.WARNING,
					"iam:PassRole on every role matching " + String.join(", ", patterns) + ": any role created "
							+ "later with a matching name or path can be handed to a service as well. Name the roles "
							+ "to pass, or make sure only vetted roles can be created under that name.",
					documentName, statement.sid()));
		}
	}

	private static boolean coversPassRole(List<String> actions) {
		for (String action : actions) {
			if (coversPassRole(action)) {
				return true;
			}
		}
		return false;
	}

	/** {@code iam:PassRole} itself or an action pattern that covers it ({@code iam:*}, {@code iam:Pass*}, {@code *}). */
	private static boolean coversPassRole(String action) {
		// Most actions are of another service: an ASCII first character other than i, I, * and ? cannot match.
		char first = action.isEmpty() ? 'i' : action.charAt(0);
		if (first < 0x80 && first != 'i' && first != 'I' && first != '*' && first != '?') {
			return false;
		}
		return ArnGlob.matches(action.toLowerCase(Locale.ROOT), "iam:passrole");
	}

	/** {@code *}, an ARN ending in {@code :*}, or {@code role/*} with any account (written or wildcard). */
	private static boolean matchesEveryRole(String resource) {
		if (resource.equals("*") || resource.endsWith(":*")) {
			return true;
		}
		int resourcePart = nthColon(resource, 5);
		return resourcePart > 0 && resource.startsWith("arn:") && resource.startsWith(":iam:", resource.indexOf(':', 4))
				&& resource.substring(resourcePart + 1).equals("role/*");
	}

	private static int nthColon(String s, int n) {
		int index = -1;
		for (int i = 0; i < n; i++) {
			index = s.indexOf(':', index + 1);
			if (index < 0) {
				return -1;
			}
		}
		return index;
	}

}
