package org.mlgov.console.review;

import java.util.List;
import java.util.Map;

import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;

/**
 * The push's plan, as the review page asks for it: what a push of a revision would do against what is live, step by
 * step, in the push's own words. Implemented by the push module (its planner is the one source of truth for what a
 * push does); declared here so that the review does not depend on the push, which depends on the review.
 */
public interface PushPreview {

	/**
	 * The steps a push of the revision would take against what the review page read. The implementation reads what
	 * else the plan needs (the revision's customer managed policies with their versions, the Bedrock role, what this
	 * console attached in earlier pushes); a part the page could not read is planned as absent, and the page leaves
	 * its steps out.
	 * @param revision the revision under review
	 * @param live what the page read
	 * @return the steps in the push's order, or a problem when the plan's own reads failed
	 */
	Preview preview(DraftRevision revision, Live live);

	/**
	 * What the review page read from AWS.
	 *
	 * @param role the role, or null when it does not exist or could not be read
	 * @param domain the domain whose defaults the revision sets, or null
	 * @param userProfiles the user profiles read, by name
	 * @param bucketCors the CORS rules read, by bucket
	 */
	record Live(LiveRole role, LiveDomain domain, Map<String, LiveUserProfile> userProfiles,
			Map<String, LiveBucketCors> bucketCors) {

		public Live {
			userProfiles = Map.copyOf(userProfiles);
			bucketCors = Map.copyOf(bucketCors);
		}

	}

	/**
	 * A plan, or why there is none.
	 *
	 * @param actions the steps in the push's order
	 * @param problem why the role's steps could not be planned (a read of the plan's own failed), or null
	 */
	record Preview(List<PlanAction> actions, String problem) {

		public Preview {
			actions = List.copyOf(actions);
		}

	}

}
