package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.SettingChange;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.RoleSnapshot;

/**
 * How the live state differs from the revision the console last released for a role and its Canvas targets:
 * policies added or removed by hand, changed documents (the structural diff), changed trust, changed role settings
 * (boundary, tags, AWS managed attachments), changed Canvas settings, CORS rules removed.
 */
public final class Drift {

	private Drift() {
	}

	/** What kind of difference. */
	public enum Kind {

		POLICY_ADDED, POLICY_REMOVED, POLICY_CHANGED, TRUST_CHANGED, ROLE_SETTING_CHANGED, CANVAS_CHANGED,
		CORS_CHANGED

	}

	/**
	 * One difference.
	 *
	 * @param kind what kind
	 * @param subject what differs (a policy, a setting, a target)
	 * @param description a sentence
	 * @param change the documents compared, or null for a setting
	 */
	public record Item(Kind kind, String subject, String description, DocumentChange change) {
	}

	/**
	 * The role's differences: live against released.
	 * @param live the live role with its documents
	 * @param released the released revision's documents
	 * @return the differences, empty when the role matches
	 */
	public static List<Item> ofRole(ResolvedRole live, FrozenDocuments released) {
		RoleSnapshot expected = RoleSnapshot.of(released);
		RoleSnapshot actual = RoleSnapshot.of(live.role());
		List<Item> items = new ArrayList<>();
		for (DocumentChange change : actual.documentsSince(expected)) {
			if (!change.changed()) {
				continue;
			}
			if (change.id().equals("trust-policy")) {
				items.add(new Item(Kind.TRUST_CHANGED, "Trust policy", "The trust policy differs from the released one.",
						change));
				continue;
			}
			Kind kind = switch (change.status()) {
				case ADDED -> Kind.POLICY_ADDED;
				case REMOVED -> Kind.POLICY_REMOVED;
				default -> Kind.POLICY_CHANGED;
			};
			String what = switch (kind) {
				case POLICY_ADDED -> " was added outside the console.";
				case POLICY_REMOVED -> " was removed outside the console.";
				default -> " differs from the released document.";
			};
			items.add(new Item(kind, change.title(), change.title() + what, change));
		}
		for (SettingChange setting : actual.settingsSince(expected)) {
			items.add(new Item(Kind.ROLE_SETTING_CHANGED, setting.name(), "Role setting " + setting.name()
					+ ": released " + text(setting.before()) + ", live " + text(setting.after()) + ".", null));
		}
		return items;
	}

	/**
	 * A Canvas target's difference.
	 * @param target the target, for example {@code user profile alice}
	 * @param released the released CanvasAppSettings JSON
	 * @param live the live CanvasAppSettings JSON of the target, or null
	 * @return the difference, or null when they match
	 */
	public static Item ofCanvas(String target, String released, String live) {
		DocumentChange change = DocumentChange.ofJson("canvas-" + target, "CanvasAppSettings of the " + target,
				released, live);
		return change.changed() ? new Item(Kind.CANVAS_CHANGED, target, "The Canvas settings of the " + target
				+ " differ from the released ones.", change) : null;
	}

	/**
	 * The released CORS rules of buckets against the live ones.
	 * @param released the released rules
	 * @param live the live rules by bucket (buckets not read are left out)
	 * @return the buckets whose rules differ
	 */
	public static List<Item> ofCors(List<FrozenDocuments.Cors> released, Map<String, LiveBucketCors> live) {
		List<Item> items = new ArrayList<>();
		for (FrozenDocuments.Cors cors : released) {
			LiveBucketCors bucket = live.get(cors.bucket());
			if (bucket == null) {
				continue;
			}
			String liveJson = (bucket.ruleCount() == 0) ? null : bucket.rulesJson();
			DocumentChange change = DocumentChange.ofJson("cors-" + cors.bucket(), "CORS rules of bucket "
					+ cors.bucket(), cors.json(), liveJson);
			if (change.changed()) {
				items.add(new Item(Kind.CORS_CHANGED, "bucket " + cors.bucket(), (liveJson == null)
						? "The CORS rules of bucket " + cors.bucket() + " were removed."
						: "The CORS rules of bucket " + cors.bucket() + " differ from the released ones.", change));
			}
		}
		return items;
	}

	private static String text(String value) {
		return (value == null) ? "(none)" : value;
	}

}
