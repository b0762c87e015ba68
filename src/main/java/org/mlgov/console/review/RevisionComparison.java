package org.mlgov.console.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.SettingChange;

/**
 * How a revision differs from an earlier one (the last approved revision of the same role, or the draft's previous
 * revision): every generated document and every setting.
 *
 * @param documents the role's documents, the Bedrock role's trust policy, the Canvas settings and each bucket's CORS
 * rules, unchanged ones included
 * @param settings the role settings, AWS managed attachments, Bedrock role and Canvas targets that differ
 */
public record RevisionComparison(List<DocumentChange> documents, List<SettingChange> settings) {

	public RevisionComparison {
		documents = List.copyOf(documents);
		settings = List.copyOf(settings);
	}

	/**
	 * Compares two frozen revisions.
	 * @param before the earlier revision's documents
	 * @param after the later revision's documents
	 * @return the differences
	 */
	public static RevisionComparison between(FrozenDocuments before, FrozenDocuments after) {
		RoleSnapshot was = RoleSnapshot.of(before);
		RoleSnapshot is = RoleSnapshot.of(after);
		List<DocumentChange> documents = new ArrayList<>(is.documentsSince(was));
		List<SettingChange> settings = new ArrayList<>(is.settingsSince(was));
		RoleSnapshot.setting(settings, "role ARN", before.role().arn(), after.role().arn());

		FrozenDocuments.BedrockRole bedrockBefore = before.bedrockRole();
		FrozenDocuments.BedrockRole bedrockAfter = after.bedrockRole();
		RoleSnapshot.setting(settings, "Bedrock role", bedrockText(bedrockBefore), bedrockText(bedrockAfter));
		String trustBefore = (bedrockBefore != null) ? bedrockBefore.trustPolicyJson() : null;
		String trustAfter = (bedrockAfter != null) ? bedrockAfter.trustPolicyJson() : null;
		if (trustBefore != null || trustAfter != null) {
			documents.add(DocumentChange.ofPolicy("bedrock-role-trust", "Trust policy of the Bedrock role",
					trustBefore, trustAfter));
		}

		if (before.canvasAppSettingsJson() != null || after.canvasAppSettingsJson() != null) {
			documents.add(DocumentChange.ofJson("canvas-app-settings", "CanvasAppSettings",
					before.canvasAppSettingsJson(), after.canvasAppSettingsJson()));
		}
		RoleSnapshot.setting(settings, "Canvas settings apply to", targetsText(before.canvasTargets()),
				targetsText(after.canvasTargets()));

		Map<String, String> corsBefore = corsByBucket(before);
		Map<String, String> corsAfter = corsByBucket(after);
		Set<String> buckets = new LinkedHashSet<>(corsAfter.keySet());
		buckets.addAll(corsBefore.keySet());
		for (String bucket : buckets) {
			documents.add(DocumentChange.ofJson("cors-" + bucket, "CORS rules of bucket " + bucket,
					corsBefore.get(bucket), corsAfter.get(bucket)));
		}
		return new RevisionComparison(documents, settings);
	}

	/**
	 * Whether the two revisions generate the same.
	 * @return {@code true} when no document and no setting differs
	 */
	public boolean isEmpty() {
		return this.settings.isEmpty() && this.documents.stream().noneMatch(DocumentChange::changed);
	}

	/**
	 * The documents that differ.
	 * @return the changed, added and removed documents
	 */
	public List<DocumentChange> changedDocuments() {
		return this.documents.stream().filter(DocumentChange::changed).toList();
	}

	private static Map<String, String> corsByBucket(FrozenDocuments documents) {
		Map<String, String> byBucket = new LinkedHashMap<>();
		documents.cors().forEach((cors) -> byBucket.put(cors.bucket(), cors.json()));
		return byBucket;
	}

	private static String bedrockText(FrozenDocuments.BedrockRole role) {
		if (role == null) {
			return null;
		}
		return role.arn() + (role.create() ? " (created with " + String.join(", ", role.managedPolicyArns()) + ")"
				: " (existing)");
	}

	static String targetsText(CanvasTargets targets) {
		if (targets == null || targets.domainId() == null || targets.domainId().isBlank()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (targets.domainDefault()) {
			parts.add("the default of domain " + targets.domainId());
		}
		if (!targets.userProfiles().isEmpty()) {
			parts.add("user profiles " + String.join(", ", targets.userProfiles()) + " of domain "
					+ targets.domainId());
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

}
