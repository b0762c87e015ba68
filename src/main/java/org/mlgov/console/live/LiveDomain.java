package org.mlgov.console.live;

/**
 * A SageMaker domain as it is live in AWS (DescribeDomain).
 *
 * @param accountId the account that owns the domain
 * @param region the domain's Region
 * @param domainId the domain's id
 * @param arn the domain's ARN
 * @param name the domain's name
 * @param status the domain's status, for example {@code InService}
 * @param defaultExecutionRoleArn the execution role of the domain's default user settings, or null
 * @param canvasAppSettingsJson the default {@code CanvasAppSettings} as JSON with the API's field names (only the
 * members present), or null when the domain sets none
 */
public record LiveDomain(String accountId, String region, String domainId, String arn, String name, String status,
		String defaultExecutionRoleArn, String canvasAppSettingsJson) {
}
