package org.mlgov.console.live;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An IAM role as it is live in AWS. Policy documents are JSON as IAM stores them (URL-decoded, formatting kept).
 *
 * @param accountId the account that owns the role
 * @param roleName the role's name
 * @param arn the role's ARN
 * @param path the role's path, for example {@code /service-role/}
 * @param description the role's description, or null
 * @param maxSessionDurationSeconds the maximum session duration, or null when IAM returned none
 * @param permissionsBoundaryArn the ARN of the permissions boundary, or null
 * @param trustPolicyJson the trust policy (AssumeRolePolicyDocument)
 * @param inlinePolicies inline policies by name, sorted by name
 * @param attachedPolicies attached managed policies in the order IAM lists them
 * @param tags the role's tags, sorted by key
 */
public record LiveRole(String accountId, String roleName, String arn, String path, String description,
		Integer maxSessionDurationSeconds, String permissionsBoundaryArn, String trustPolicyJson,
		Map<String, String> inlinePolicies, List<AttachedPolicy> attachedPolicies, Map<String, String> tags) {

	public LiveRole {
		inlinePolicies = Collections.unmodifiableMap(new TreeMap<>(inlinePolicies));
		attachedPolicies = List.copyOf(attachedPolicies);
		tags = Collections.unmodifiableMap(new TreeMap<>(tags));
	}

	/**
	 * A managed policy attached to the role.
	 *
	 * @param arn the policy's ARN
	 * @param name the policy's name
	 * @param defaultVersionId the default version read (customer managed policies only), or null
	 * @param documentJson the default version's document (customer managed policies only), or null
	 */
	public record AttachedPolicy(String arn, String name, String defaultVersionId, String documentJson) {

		/**
		 * Whether an ARN names an AWS managed policy ({@code arn:aws:iam::aws:policy/...}, in any partition), whose
		 * document AWS maintains and the console does not read.
		 * @param policyArn a managed policy ARN
		 * @return {@code true} for AWS managed policies
		 */
		public static boolean isAwsManaged(String policyArn) {
			return policyArn.matches("arn:aws[a-z-]*:iam::aws:policy/.+");
		}

		public boolean awsManaged() {
			return isAwsManaged(this.arn);
		}

	}

}
