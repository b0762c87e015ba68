package org.mlgov.console.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mlgov.console.policy.PolicyKind;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.SettingChange;
import org.mlgov.console.live.LiveRole;

/**
 * An IAM role as far as a review compares it, whether it comes from a frozen revision or from AWS: its settings, its
 * trust policy, its own policies by name (inline and customer managed) and the AWS managed policies attached.
 *
 * @param path the role's path
 * @param description its description, or null
 * @param maxSessionDurationSeconds its maximum session, or null when unknown
 * @param permissionsBoundaryArn its permissions boundary, or null
 * @param tags its tags
 * @param trustPolicyJson its trust policy
 * @param policies its inline and customer managed policies by name
 * @param awsManagedPolicyArns the AWS managed policies attached
 */
public record RoleSnapshot(String path, String description, Integer maxSessionDurationSeconds,
		String permissionsBoundaryArn, Map<String, String> tags, String trustPolicyJson,
		Map<String, NamedPolicy> policies, Set<String> awsManagedPolicyArns) {

	/**
	 * One of the role's own policies.
	 *
	 * @param kind {@link PolicyKind#INLINE} or {@link PolicyKind#CUSTOMER_MANAGED}
	 * @param json the policy document; null when it could not be read
	 */
	public record NamedPolicy(PolicyKind kind, String json) {
	}

	public RoleSnapshot {
		tags = Collections.unmodifiableMap(new TreeMap<>(tags));
		policies = Collections.unmodifiableMap(new TreeMap<>(policies));
		awsManagedPolicyArns = Collections.unmodifiableSet(new TreeSet<>(awsManagedPolicyArns));
	}

	/**
	 * The role a revision generates.
	 * @param documents the frozen documents
	 * @return the role as the push would create or update it
	 */
	public static RoleSnapshot of(FrozenDocuments documents) {
		FrozenDocuments.Role role = documents.role();
		Map<String, String> tags = new LinkedHashMap<>();
		for (RoleSpec.Tag tag : role.tags()) {
			tags.put(tag.key(), tag.value());
		}
		Map<String, NamedPolicy> policies = new LinkedHashMap<>();
		for (FrozenDocuments.Policy policy : documents.policies()) {
			policies.put(policy.name(), new NamedPolicy(PolicyKind.valueOf(policy.kind()), policy.json()));
		}
		return new RoleSnapshot(role.path(), role.description(), role.maxSessionDurationSeconds(),
				role.permissionsBoundaryArn(), tags, role.trustPolicyJson(), policies,
				new LinkedHashSet<>(documents.awsManagedPolicyArns()));
	}

	/**
	 * The role as read from AWS.
	 * @param role the live role
	 * @return its snapshot
	 */
	public static RoleSnapshot of(LiveRole role) {
		Map<String, NamedPolicy> policies = new LinkedHashMap<>();
		role.inlinePolicies().forEach((name, json) -> policies.put(name, new NamedPolicy(PolicyKind.INLINE, json)));
		Set<String> awsManaged = new LinkedHashSet<>();
		for (LiveRole.AttachedPolicy attached : role.attachedPolicies()) {
			if (attached.awsManaged()) {
				awsManaged.add(attached.arn());
			}
			else {
				policies.put(attached.name(), new NamedPolicy(PolicyKind.CUSTOMER_MANAGED, attached.documentJson()));
			}
		}
		return new RoleSnapshot(role.path(), role.description(), role.maxSessionDurationSeconds(),
				role.permissionsBoundaryArn(), role.tags(), role.trustPolicyJson(), policies, awsManaged);
	}

	/**
	 * How the trust policy and each own policy differ from an earlier snapshot: the trust policy first, then the
	 * policies by name (those of this snapshot, then those only in the earlier one).
	 * @param before the earlier role
	 * @return one change per document, unchanged ones included
	 */
	public List<DocumentChange> documentsSince(RoleSnapshot before) {
		List<DocumentChange> changes = new ArrayList<>();
		changes.add(DocumentChange.ofPolicy("trust-policy", "Trust policy", before.trustPolicyJson, this.trustPolicyJson));
		Set<String> names = new LinkedHashSet<>(this.policies.keySet());
		names.addAll(before.policies.keySet());
		for (String name : names) {
			NamedPolicy was = before.policies.get(name);
			NamedPolicy is = this.policies.get(name);
			PolicyKind kind = (is != null) ? is.kind() : was.kind();
			String title = ((kind == PolicyKind.INLINE) ? "Inline policy " : "Customer managed policy ") + name;
			changes.add(DocumentChange.ofPolicy("policy-" + name, title, (was != null) ? was.json() : null,
					(is != null) ? is.json() : null));
		}
		return changes;
	}

	/**
	 * The settings that differ from an earlier snapshot: path, description, maximum session, permissions boundary,
	 * each tag, each AWS managed policy attachment.
	 * @param before the earlier role
	 * @return the settings that differ, in that order
	 */
	public List<SettingChange> settingsSince(RoleSnapshot before) {
		List<SettingChange> changes = new ArrayList<>();
		setting(changes, "path", before.path, this.path);
		setting(changes, "description", before.description, this.description);
		setting(changes, "maximum session (seconds)", text(before.maxSessionDurationSeconds),
				text(this.maxSessionDurationSeconds));
		setting(changes, "permissions boundary", before.permissionsBoundaryArn, this.permissionsBoundaryArn);
		Set<String> keys = new TreeSet<>(this.tags.keySet());
		keys.addAll(before.tags.keySet());
		for (String key : keys) {
			setting(changes, "tag " + key, before.tags.get(key), this.tags.get(key));
		}
		Set<String> arns = new TreeSet<>(this.awsManagedPolicyArns);
		arns.addAll(before.awsManagedPolicyArns);
		for (String arn : arns) {
			setting(changes, "AWS managed policy " + arn, before.awsManagedPolicyArns.contains(arn) ? "attached" : null,
					this.awsManagedPolicyArns.contains(arn) ? "attached" : null);
		}
		return changes;
	}

	static void setting(List<SettingChange> changes, String name, String before, String after) {
		String was = blankToNull(before);
		String is = blankToNull(after);
		if (!Objects.equals(was, is)) {
			changes.add(new SettingChange(name, was, is));
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String text(Integer value) {
		return (value != null) ? value.toString() : null;
	}

}
