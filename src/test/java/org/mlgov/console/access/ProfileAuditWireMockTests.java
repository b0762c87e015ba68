package org.mlgov.console.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mlgov.console.policy.evaluation.Outcome;

/**
 * The profile audit over the SDK adapter against WireMock answering ListDomains, ListUserProfiles (paged),
 * DescribeDomain, DescribeUserProfile and IAM (moto has no user-profile calls): effective roles, every page, each
 * distinct role and managed policy read once, throttling retried.
 */
class ProfileAuditWireMockTests {

	@Test
	void auditsEveryProfileAcrossPagesReadingEachRoleAndPolicyOnce() {
		try (SyntheticAccount account = new SyntheticAccount(250, 5, Duration.ZERO, false)) {
			ProfileAudit audit = new ProfileAudit(account.reader(), (a, r) -> Optional.empty(), 4);

			ProfileAudit.DomainAudit result = audit.audit(SyntheticAccount.ACCOUNT, SyntheticAccount.REGION,
					SyntheticAccount.DOMAIN, null, 0, Integer.MAX_VALUE);

			assertThat(result.problem()).isNull();
			assertThat(result.totalProfiles()).isEqualTo(250);
			assertThat(result.profiles()).hasSize(250);
			assertThat(result.distinctRoles()).isEqualTo(5);
			for (ProfileAudit.ProfileRow row : result.profiles()) {
				int index = Integer.parseInt(row.userProfileName().substring("user-".length()));
				assertThat(row.executionRoleArn()).as(row.userProfileName())
					.isEqualTo(SyntheticAccount.roleArn(account.roleOf(index)));
				assertThat(row.roleSource()).isEqualTo((index % 5 == 0) ? "domain default" : "user profile");
				assertThat(row.status()).isEqualTo(ProfileAudit.Status.NOT_MANAGED);
				assertThat(row.canvas().status("KendraSettings")).isEqualTo("ENABLED");
				assertThat(row.canvas().source("DirectDeploySettings")).isEqualTo("domain default");
			}
			assertThat(account.calls()).containsEntry("ListUserProfiles", 3)
				.containsEntry("DescribeDomain", 1)
				.containsEntry("DescribeUserProfile", 250)
				.containsEntry("GetRole", 5)
				.containsEntry("GetRolePolicy", 5)
				.containsEntry("GetPolicy", 6)
				.containsEntry("GetPolicyVersion", 6);
			assertThat(account.totalCalls()).isEqualTo(account.minimumCalls());
		}
	}

	@Test
	void searchesAndPagesByNameAndDescribesOnlyThatPage() {
		try (SyntheticAccount account = new SyntheticAccount(250, 5, Duration.ZERO, false)) {
			ProfileAudit audit = new ProfileAudit(account.reader(), (a, r) -> Optional.empty(), 4);

			ProfileAudit.DomainAudit page = audit.audit(SyntheticAccount.ACCOUNT, SyntheticAccount.REGION,
					SyntheticAccount.DOMAIN, "USER-001", 5, 10);

			assertThat(page.totalProfiles()).isEqualTo(100);
			assertThat(page.profiles()).extracting(ProfileAudit.ProfileRow::userProfileName)
				.containsExactly("user-00105", "user-00106", "user-00107", "user-00108", "user-00109", "user-00110",
						"user-00111", "user-00112", "user-00113", "user-00114");
			assertThat(account.calls()).containsEntry("DescribeUserProfile", 10);
		}
	}

	@Test
	void throttledCallsAreRetriedWithBackOff() {
		try (SyntheticAccount account = new SyntheticAccount(30, 3, Duration.ZERO, true)) {
			ProfileAudit audit = new ProfileAudit(account.reader(), (a, r) -> Optional.empty(), 4);

			ProfileAudit.DomainAudit result = audit.audit(SyntheticAccount.ACCOUNT, SyntheticAccount.REGION,
					SyntheticAccount.DOMAIN, null, 0, Integer.MAX_VALUE);

			assertThat(result.profiles()).allMatch((row) -> row.status() == ProfileAudit.Status.NOT_MANAGED);
			assertThat(account.calls()).containsEntry("GetRole", 6);
		}
	}

	@Test
	void theRolesReadForTheAuditAnswerTheAccessCheck() {
		try (SyntheticAccount account = new SyntheticAccount(10, 2, Duration.ZERO, false);
				AuditRun run = new AuditRun(account.reader(), 2)) {
			ResolvedRole role = run.role(SyntheticAccount.ACCOUNT, SyntheticAccount.roleName(1))
				.join()
				.valueIfFound()
				.orElseThrow();
			assertThat(role.allPolicies()).extracting(ResolvedRole.Policy::kind)
				.containsExactly(ResolvedRole.Kind.INLINE, ResolvedRole.Kind.CUSTOMER_MANAGED,
						ResolvedRole.Kind.AWS_MANAGED);
			RoleEvaluation evaluation = new RoleEvaluation(
					new org.mlgov.console.policy.evaluation.PolicyEvaluator(
							org.mlgov.console.catalog.CatalogLoader.loadDefault().serviceAuthorization()),
					org.mlgov.console.catalog.CatalogLoader.loadDefault());
			RoleEvaluation.Capabilities capabilities = evaluation.capabilities(role, SyntheticAccount.REGION, null);
			assertThat(capabilities.bedrock().values()
				.stream()
				.flatMap(java.util.List::stream)
				.filter((cell) -> cell.modelId().equals(SyntheticAccount.OPUS))
				.findFirst()
				.orElseThrow()
				.decisive()).satisfies((verdict) -> {
					assertThat(verdict.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
					assertThat(verdict.policy()).isEqualTo("Guardrails");
					assertThat(verdict.sid()).isEqualTo("DenyClaudeOpus");
				});
		}
	}

}
