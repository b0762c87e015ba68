package org.mlgov.console.live;

import java.util.List;
import org.mlgov.console.aws.AwsProblem;

/**
 * Reads what is live in AWS, for a security review that compares a draft with the deployed state. Implementations
 * never throw: every failure comes back as a {@link LiveRead.Failed} with a {@link AwsProblem}.
 */
public interface LiveStateReader {

	/**
	 * An IAM role with its trust policy, inline policies, attached managed policies (documents of customer
	 * managed ones) and tags.
	 * @param accountId the 12-digit account that owns the role
	 * @param roleName the role's name (without path)
	 * @return the role, or why it could not be read
	 */
	LiveRead<LiveRole> readRole(String accountId, String roleName);

	/**
	 * An IAM role as {@link #readRole} reads it, but without the documents of its attached managed policies
	 * (GetRole, its inline policies, ListAttachedRolePolicies and its tags only): for readers that fetch each
	 * distinct managed policy once with {@link #readManagedPolicy}, however many roles attach it.
	 * @param accountId the 12-digit account that owns the role
	 * @param roleName the role's name (without path)
	 * @return the role, its attached policies without {@code defaultVersionId} and {@code documentJson}, or why it
	 * could not be read
	 */
	default LiveRead<LiveRole> readRoleWithoutManagedDocuments(String accountId, String roleName) {
		return readRole(accountId, roleName);
	}

	/**
	 * A managed policy, customer managed or AWS managed, with the document of its default version (GetPolicy and
	 * GetPolicyVersion).
	 * @param accountId the 12-digit account whose credentials read it (the role's account)
	 * @param policyArn the policy's ARN
	 * @return the policy, or why it could not be read
	 */
	LiveRead<LivePolicy> readManagedPolicy(String accountId, String policyArn);

	/**
	 * A SageMaker domain with its default execution role and default Canvas settings.
	 * @param accountId the 12-digit account that owns the domain
	 * @param region the domain's Region; null for the console's default Region
	 * @param domainId the domain's id ({@code d-...})
	 * @return the domain, or why it could not be read
	 */
	LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId);

	/**
	 * A SageMaker user profile's own settings (which take precedence over the domain defaults).
	 * @param accountId the 12-digit account that owns the domain
	 * @param region the domain's Region; null for the console's default Region
	 * @param domainId the domain's id
	 * @param userProfileName the profile's name
	 * @return the profile, or why it could not be read
	 */
	LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
			String userProfileName);

	/**
	 * All SageMaker domains of an account in a Region, every page.
	 * @param accountId the 12-digit account
	 * @param region the Region; null for the console's default Region
	 * @return the domains, or why they could not be listed
	 */
	LiveRead<List<DomainSummary>> listDomains(String accountId, String region);

	/**
	 * All user profiles of a SageMaker domain, every page.
	 * @param accountId the 12-digit account
	 * @param region the domain's Region; null for the console's default Region
	 * @param domainId the domain's id
	 * @return the profiles, or why they could not be listed
	 */
	LiveRead<List<UserProfileSummary>> listUserProfiles(String accountId, String region, String domainId);

	/**
	 * The CORS rules of an S3 bucket. A bucket without a CORS configuration has no rules; that is not a problem.
	 * @param accountId the 12-digit account that owns the bucket
	 * @param region the bucket's Region; null for the console's default Region
	 * @param bucket the bucket's name
	 * @return the rules, or why they could not be read
	 */
	LiveRead<LiveBucketCors> readBucketCors(String accountId, String region, String bucket);

}
