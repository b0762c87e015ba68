package org.mlgov.console.live.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveRole.AttachedPolicy;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import org.mlgov.console.aws.AwsCall;
import org.mlgov.console.aws.AwsClients;

/**
 * Reads a role from IAM: GetRole, ListRolePolicies and GetRolePolicy, ListAttachedRolePolicies and, for customer
 * managed policies, GetPolicy and GetPolicyVersion, and ListRoleTags. Lists are read page by page (Marker and
 * IsTruncated, through the SDK's paginators); policy documents are URL-decoded as the IAM API documentation asks.
 */
final class IamRoleReader {

	static final String SERVICE = "IAM";

	private final AwsClients clients;

	IamRoleReader(AwsClients clients) {
		this.clients = clients;
	}

	LiveRead<LiveRole> read(String accountId, String roleName) {
		return read(accountId, roleName, true);
	}

	/**
	 * Reads a role.
	 * @param managedDocuments whether to read the default version of each customer managed policy attached (GetPolicy
	 * and GetPolicyVersion); without, attached policies come without version and document
	 */
	LiveRead<LiveRole> read(String accountId, String roleName, boolean managedDocuments) {
		String subject = "role " + roleName + " in account " + accountId;
		return LiveReads.read(SERVICE, "GetRole", subject, () -> {
			IamClient iam = this.clients.iam(accountId);
			Role role = call("GetRole", subject, () -> iam.getRole((r) -> r.roleName(roleName)).role());
			AwsCall.requireAccount(accountId, role.arn(), SERVICE, "GetRole", subject);
			List<String> inlineNames = call("ListRolePolicies", subject,
					() -> iam.listRolePoliciesPaginator((r) -> r.roleName(roleName)).policyNames().stream().toList());
			Map<String, String> inline = new LinkedHashMap<>();
			for (String name : inlineNames) {
				inline.put(name, call("GetRolePolicy", "inline policy " + name + " of " + subject,
						() -> decode(iam.getRolePolicy((r) -> r.roleName(roleName).policyName(name)).policyDocument())));
			}
			List<AttachedPolicy> attached = call("ListAttachedRolePolicies", subject,
					() -> iam.listAttachedRolePoliciesPaginator((r) -> r.roleName(roleName))
						.attachedPolicies()
						.stream()
						.toList())
				.stream()
				.map((policy) -> managedDocuments ? attachedPolicy(iam, policy.policyArn(), policy.policyName(), subject)
						: new AttachedPolicy(policy.policyArn(), policy.policyName(), null, null))
				.toList();
			Map<String, String> tags = new LinkedHashMap<>();
			call("ListRoleTags", subject,
					() -> iam.listRoleTagsPaginator((r) -> r.roleName(roleName)).tags().stream().toList())
				.forEach((Tag tag) -> tags.put(tag.key(), tag.value()));
			AttachedPermissionsBoundary boundary = role.permissionsBoundary();
			return new LiveRole(accountId, role.roleName(), role.arn(), role.path(), role.description(),
					role.maxSessionDuration(), (boundary != null) ? boundary.permissionsBoundaryArn() : null,
					decode(role.assumeRolePolicyDocument()), inline, attached, tags);
		});
	}

	/**
	 * A managed policy (customer or AWS managed) with its default version's document: GetPolicy, GetPolicyVersion.
	 * @param accountId the account whose credentials read it
	 * @param policyArn the policy's ARN
	 * @return the policy, or why it could not be read
	 */
	LiveRead<LivePolicy> readPolicy(String accountId, String policyArn) {
		String subject = "policy " + policyArn + " (read with account " + accountId + ")";
		return LiveReads.read(SERVICE, "GetPolicy", subject, () -> {
			IamClient iam = this.clients.iam(accountId);
			Policy policy = call("GetPolicy", subject, () -> iam.getPolicy((r) -> r.policyArn(policyArn)).policy());
			String versionId = policy.defaultVersionId();
			String document = call("GetPolicyVersion", "version " + versionId + " of " + subject,
					() -> decode(iam.getPolicyVersion((r) -> r.policyArn(policyArn).versionId(versionId))
						.policyVersion()
						.document()));
			return new LivePolicy(policy.arn(), policy.policyName(), versionId, document);
		});
	}

	/** An AWS managed policy as listed; a customer managed one with its default version's document. */
	private AttachedPolicy attachedPolicy(IamClient iam, String arn, String name, String roleSubject) {
		if (AttachedPolicy.isAwsManaged(arn)) {
			return new AttachedPolicy(arn, name, null, null);
		}
		String subject = "policy " + arn + " attached to " + roleSubject;
		Policy policy = call("GetPolicy", subject, () -> iam.getPolicy((r) -> r.policyArn(arn)).policy());
		String versionId = policy.defaultVersionId();
		String document = call("GetPolicyVersion", "version " + versionId + " of " + subject,
				() -> decode(iam.getPolicyVersion((r) -> r.policyArn(arn).versionId(versionId))
					.policyVersion()
					.document()));
		return new AttachedPolicy(arn, name, versionId, document);
	}

	private static <T> T call(String operation, String subject, Supplier<T> call) {
		return AwsCall.call(SERVICE, operation, subject, call);
	}

	/** IAM returns policy documents URL-encoded (RFC 3986); a literal {@code +} comes as {@code %2B}. */
	static String decode(String document) {
		return (document != null) ? URLDecoder.decode(document, StandardCharsets.UTF_8) : null;
	}

}
