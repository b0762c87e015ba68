package org.mlgov.console.push;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.policy.Json;

/**
 * The IAM policy the console's own credentials need (the base credentials, or each account's role): the reads of
 * the review and the push, and the push's writes, each statement scoped to the resources it touches. Printed in
 * {@code docs/aws.md}; {@code ConsolePermissionsTests} checks every action against the Service Authorization
 * Reference snapshot, that every call the adapters make is covered, and that the page shows this policy.
 */
public final class ConsolePermissions {

	/** The statements: Sid, actions, resources, and a condition or null. */
	record Grant(String sid, List<String> actions, List<String> resources, Map<String, Object> condition) {
	}

	static final List<Grant> GRANTS = List.of(
			new Grant("ReadRoles", List.of("iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy",
					"iam:ListAttachedRolePolicies", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions",
					"iam:ListRoleTags"), List.of("*"), null),
			new Grant("ReadSageMakerDomains", List.of("sagemaker:DescribeDomain", "sagemaker:DescribeUserProfile",
					"sagemaker:ListDomains", "sagemaker:ListUserProfiles"), List.of("*"), null),
			new Grant("ReadBucketCors", List.of("s3:GetBucketCORS"), List.of("arn:aws:s3:::*"), null),
			new Grant("PushRolesAndPolicies", List.of("iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
					"iam:PutRolePermissionsBoundary", "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy",
					"iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy"),
					List.of("arn:aws:iam::*:role/*"), null),
			new Grant("PushCustomerManagedPolicies", List.of("iam:CreatePolicy", "iam:CreatePolicyVersion",
					"iam:DeletePolicyVersion"), List.of("arn:aws:iam::*:policy/*"), null),
			new Grant("PassPushedRolesToSageMaker", List.of("iam:PassRole"), List.of("arn:aws:iam::*:role/*"),
					Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com"))),
			new Grant("PushSageMakerSettings", List.of("sagemaker:UpdateDomain", "sagemaker:UpdateUserProfile"),
					List.of("arn:aws:sagemaker:*:*:domain/*", "arn:aws:sagemaker:*:*:user-profile/*/*"), null),
			new Grant("PushBucketCors", List.of("s3:PutBucketCORS"), List.of("arn:aws:s3:::*"), null));

	private ConsolePermissions() {
	}

	/**
	 * The policy document, pretty-printed as the generator prints policies.
	 * @return the JSON
	 */
	public static String policyJson() {
		List<Object> statements = GRANTS.stream().map((grant) -> {
			Map<String, Object> statement = new LinkedHashMap<>();
			statement.put("Sid", grant.sid());
			statement.put("Effect", "Allow");
			statement.put("Action", (grant.actions().size() == 1) ? grant.actions().get(0) : grant.actions());
			statement.put("Resource", (grant.resources().size() == 1) ? grant.resources().get(0) : grant.resources());
			if (grant.condition() != null) {
				statement.put("Condition", grant.condition());
			}
			return (Object) statement;
		}).toList();
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("Version", "2012-10-17");
		policy.put("Statement", statements);
		return Json.pretty(policy);
	}

	/**
	 * Every action of the policy.
	 * @return the actions, as {@code service:Action}
	 */
	public static List<String> actions() {
		return GRANTS.stream().flatMap((grant) -> grant.actions().stream()).toList();
	}

}
