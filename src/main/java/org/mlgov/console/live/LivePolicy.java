package org.mlgov.console.live;

/**
 * A managed IAM policy (customer managed or AWS managed) with the document of its default version, as it is live in
 * AWS (GetPolicy and GetPolicyVersion).
 *
 * @param arn the policy's ARN
 * @param name the policy's name
 * @param defaultVersionId the default version, for example {@code v3}
 * @param documentJson the default version's document, URL-decoded
 */
public record LivePolicy(String arn, String name, String defaultVersionId, String documentJson) {

	/**
	 * Whether this is an AWS managed policy ({@code arn:aws:iam::aws:policy/...}).
	 * @return {@code true} for AWS managed policies
	 */
	public boolean awsManaged() {
		return LiveRole.AttachedPolicy.isAwsManaged(this.arn);
	}

}
