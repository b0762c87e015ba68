package org.mlgov.console.live;

/**
 * A SageMaker user profile's own settings as they are live in AWS (DescribeUserProfile). Where the profile sets
 * nothing, the domain's defaults apply.
 *
 * @param accountId the account that owns the domain
 * @param region the domain's Region
 * @param domainId the domain's id
 * @param userProfileName the profile's name
 * @param arn the profile's ARN
 * @param status the profile's status, for example {@code InService}
 * @param executionRoleArn the profile's own execution role, or null when it uses the domain's
 * @param canvasAppSettingsJson the profile's own {@code CanvasAppSettings} as JSON with the API's field names, or
 * null when the profile sets none
 */
public record LiveUserProfile(String accountId, String region, String domainId, String userProfileName, String arn,
		String status, String executionRoleArn, String canvasAppSettingsJson) {
}
