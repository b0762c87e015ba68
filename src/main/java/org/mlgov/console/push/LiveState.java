package org.mlgov.console.push;

import java.util.Map;
import java.util.Set;

import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;

/**
 * What is live in AWS for a push, as read just before planning.
 *
 * @param role the execution role, or null when it does not exist
 * @param bedrockRole the Bedrock role the revision creates, or null when it does not exist (or none is created)
 * @param customerPolicies the revision's customer managed policies that exist, by ARN
 * @param domain the domain the revision sets, or null when it sets none
 * @param userProfiles the user profiles the revision sets, by name
 * @param bucketCors the CORS rules of the buckets the revision names, by bucket
 * @param consoleAttached the managed policies this console attached to the role in earlier pushes
 */
public record LiveState(LiveRole role, LiveRole bedrockRole, Map<String, AwsWriter.ManagedPolicy> customerPolicies,
		LiveDomain domain, Map<String, LiveUserProfile> userProfiles, Map<String, LiveBucketCors> bucketCors,
		Set<String> consoleAttached) {

	public LiveState {
		customerPolicies = Map.copyOf(customerPolicies);
		userProfiles = Map.copyOf(userProfiles);
		bucketCors = Map.copyOf(bucketCors);
		consoleAttached = Set.copyOf(consoleAttached);
	}

}
