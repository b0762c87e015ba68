package org.mlgov.console.live.aws;

import org.mlgov.console.policy.Json;

import software.amazon.awssdk.services.sagemaker.model.CanvasAppSettings;
import software.amazon.awssdk.services.sagemaker.model.IdentityProviderOAuthSetting;

/**
 * {@code CanvasAppSettings} as JSON with the API's member names, in the API's order, holding only the members
 * present; enums as the strings AWS sent (so values newer than the SDK survive). Same shape and writer as the
 * generator's {@code canvasAppSettingsJson}, so the two can be diffed directly.
 */
final class CanvasAppSettingsJson {

	private CanvasAppSettingsJson() {
	}

	/**
	 * @param settings the settings from DescribeDomain or DescribeUserProfile, or null
	 * @return pretty JSON, or null when {@code settings} is null
	 */
	static String of(CanvasAppSettings settings) {
		if (settings == null) {
			return null;
		}
		Members json = new Members()
			.put("TimeSeriesForecastingSettings", settings.timeSeriesForecastingSettings(),
					(s) -> new Members().put("Status", s.statusAsString())
						.put("AmazonForecastRoleArn", s.amazonForecastRoleArn()))
			.put("ModelRegisterSettings", settings.modelRegisterSettings(),
					(s) -> new Members().put("Status", s.statusAsString())
						.put("CrossAccountModelRegisterRoleArn", s.crossAccountModelRegisterRoleArn()))
			.put("WorkspaceSettings", settings.workspaceSettings(),
					(s) -> new Members().put("S3ArtifactPath", s.s3ArtifactPath()).put("S3KmsKeyId", s.s3KmsKeyId()))
			.putEach("IdentityProviderOAuthSettings", settings.identityProviderOAuthSettings(),
					settings.hasIdentityProviderOAuthSettings(), CanvasAppSettingsJson::oauth)
			.put("DirectDeploySettings", settings.directDeploySettings(),
					(s) -> new Members().put("Status", s.statusAsString()))
			.put("KendraSettings", settings.kendraSettings(), (s) -> new Members().put("Status", s.statusAsString()))
			.put("GenerativeAiSettings", settings.generativeAiSettings(),
					(s) -> new Members().put("AmazonBedrockRoleArn", s.amazonBedrockRoleArn()))
			.put("EmrServerlessSettings", settings.emrServerlessSettings(),
					(s) -> new Members().put("ExecutionRoleArn", s.executionRoleArn()).put("Status", s.statusAsString()));
		return Json.pretty(json.toMap());
	}

	private static Members oauth(IdentityProviderOAuthSetting setting) {
		return new Members().put("DataSourceName", setting.dataSourceNameAsString())
			.put("Status", setting.statusAsString())
			.put("SecretArn", setting.secretArn());
	}

}
