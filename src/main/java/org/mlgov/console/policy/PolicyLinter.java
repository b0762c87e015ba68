package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.catalog.ServiceAuthorization.Action;

/**
 * Offline lint of generated documents, beyond validity: risky grants a reviewer should see next to the statement
 * they concern.
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
			if (statement.actions().stream().anyMatch((a) -> a.equalsIgnoreCase("iam:PassRole"))
					&& statement.resources().stream().anyMatch(PolicyLinter::matchesEveryRole)) {
				findings.add(new Finding("PASSROLE_WILDCARD", Severity.WARNING,
						"iam:PassRole on every role: whoever uses this role can hand any role (including more "
								+ "powerful ones) to a service. Name the roles to pass.",
						documentName, statement.sid()));
			}
			if (statement.isWildcardResource()) {
				List<String> nameable = new ArrayList<>();
				for (String name : statement.actions()) {
					this.sar.action(name)
						.filter(Action::isMutating)
						.filter((a) -> !a.resourceTypes().isEmpty())
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

	private static boolean matchesEveryRole(String resource) {
		return resource.equals("*") || resource.matches("arn:[^:]+:iam::[^:]*:role/\\*") || resource.endsWith(":*");
	}

}
