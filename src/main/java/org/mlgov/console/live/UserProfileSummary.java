package org.mlgov.console.live;

/**
 * A SageMaker user profile as ListUserProfiles shows it.
 *
 * @param domainId the domain's id
 * @param userProfileName the profile's name
 * @param status the profile's status
 */
public record UserProfileSummary(String domainId, String userProfileName, String status) {
}
