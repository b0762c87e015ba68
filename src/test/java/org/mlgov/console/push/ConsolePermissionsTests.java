package org.mlgov.console.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.ServiceAuthorization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own IAM policy: every action exists in the Service Authorization Reference snapshot and every
 * resource fits it; every call of the readers and of the push is covered; docs/aws.md prints this very document.
 */
class ConsolePermissionsTests {

	/** The calls the adapters make, as IAM actions (S3's CORS calls are spelled CORS in IAM). */
	static final List<String> CALLS = List.of("iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy",
			"iam:ListAttachedRolePolicies", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListRoleTags",
			"iam:ListPolicyVersions", "sagemaker:DescribeDomain", "sagemaker:DescribeUserProfile",
			"sagemaker:ListDomains", "sagemaker:ListUserProfiles", "s3:GetBucketCORS", "iam:CreateRole",
			"iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:PutRolePermissionsBoundary", "iam:TagRole",
			"iam:UntagRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:CreatePolicy",
			"iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
			"sagemaker:UpdateDomain", "sagemaker:UpdateUserProfile", "s3:PutBucketCORS", "iam:PassRole");

	@Test
	void everyActionExistsAndEveryResourceFitsIt() {
		ServiceAuthorization sar = CatalogLoader.loadDefault().serviceAuthorization();
		for (ConsolePermissions.Grant grant : ConsolePermissions.GRANTS) {
			for (String name : grant.actions()) {
				ServiceAuthorization.Action action = sar.action(name).orElse(null);
				assertThat(action).as("%s in the Service Authorization Reference", name).isNotNull();
				for (String resource : grant.resources()) {
					assertThat(sar.resourceFits(action, resource, "aws")).as("%s on %s", name, resource).isTrue();
				}
			}
		}
	}

	@Test
	void everyCallOfTheAdaptersIsCoveredAndNothingElse() {
		assertThat(ConsolePermissions.actions()).containsExactlyInAnyOrderElementsOf(CALLS);
	}

	@Test
	void docsAwsShowsThePolicy() throws Exception {
		String page = Files.readString(Path.of("docs", "aws.md"));
		assertThat(page).contains("```json\n" + ConsolePermissions.policyJson() + "```");
	}

}
