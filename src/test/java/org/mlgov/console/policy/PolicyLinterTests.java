package org.mlgov.console.policy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlgov.console.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The offline lint on hand-written documents: which PassRole resources count as wildcards, and which do not. */
class PolicyLinterTests {

	private final PolicyLinter linter = new PolicyLinter(CatalogLoader.loadDefault().serviceAuthorization());

	private List<Finding> lintPassRole(List<String> actions, String... resources) {
		Statement statement = Statement.allow("test", actions, List.of(resources)).withSid("PassRoles");
		return this.linter.lint("doc", new PolicyDocument(List.of(statement)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:role/*",
			"arn:aws:iam::111122223333:*" })
	void passRoleOnEveryRoleIsAWarning(String resource) {
		// On "*" the statement is also a write on every resource (WRITE_ON_WILDCARD_RESOURCE), tested elsewhere.
		List<Finding> findings = lintPassRole(List.of("iam:PassRole"), resource).stream()
			.filter((f) -> f.code().equals("PASSROLE_WILDCARD"))
			.toList();
		assertThat(findings).extracting(Finding::code, Finding::severity, Finding::document, Finding::sid)
			.containsExactly(tuple("PASSROLE_WILDCARD", Severity.WARNING, "doc", "PassRoles"));
		assertThat(findings.get(0).message()).startsWith("iam:PassRole on every role (" + resource + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:iam::111122223333:role/service-role/*", "arn:aws:iam::111122223333:role/Sage*",
			"arn:aws:iam::111122223333:role/SageMaker-Compute-?", "arn:aws:iam::*:role/service-role/SageMaker-Compute" })
	void passRoleOnAPatternIsAWarningThatNamesThePattern(String resource) {
		List<Finding> findings = lintPassRole(List.of("iam:PassRole"), resource);
		assertThat(findings).extracting(Finding::code, Finding::severity, Finding::document, Finding::sid)
			.containsExactly(tuple("PASSROLE_WILDCARD", Severity.WARNING, "doc", "PassRoles"));
		assertThat(findings.get(0).message()).startsWith("iam:PassRole on every role matching " + resource + ":");
	}

	@Test
	void everyRoleWinsOverAPatternInTheSameStatement() {
		List<Finding> findings = lintPassRole(List.of("iam:PassRole"), "arn:aws:iam::111122223333:role/Sage*",
				"arn:aws:iam::111122223333:role/*");
		assertThat(findings).singleElement()
			.satisfies((f) -> assertThat(f.message())
				.startsWith("iam:PassRole on every role (arn:aws:iam::111122223333:role/*)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "iam:*", "iam:Pass*", "IAM:PASSROLE" })
	void actionPatternsThatCoverPassRoleCount(String action) {
		assertThat(lintPassRole(List.of(action), "arn:aws:iam::111122223333:role/service-role/*"))
			.extracting(Finding::code)
			.containsExactly("PASSROLE_WILDCARD");
	}

	@Test
	void namedRolesAndOtherActionsRaiseNothing() {
		assertThat(lintPassRole(List.of("iam:PassRole"), "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute",
				"arn:aws:iam::111122223333:role/Forecast")).isEmpty();
		assertThat(lintPassRole(List.of("iam:GetRole"), "arn:aws:iam::111122223333:role/*")).isEmpty();
	}

	@Test
	void aDenyOfPassRoleOnEveryRoleIsNoRisk() {
		Statement deny = Statement.deny("test", List.of("iam:PassRole"), List.of("*")).withSid("NoPassing");
		assertThat(this.linter.lint("doc", new PolicyDocument(List.of(deny)))).isEmpty();
	}

}
