package org.mlgov.console.push.aws;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import software.amazon.awssdk.services.sagemaker.model.CanvasAppSettings;
import software.amazon.awssdk.services.sagemaker.model.IdentityProviderOAuthSetting;

/**
 * {@code CanvasAppSettings} from JSON with the API's member names (the generator's and the reader's shape), holding
 * only the members present, so that only those are sent.
 */
final class CanvasSettings {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private CanvasSettings() {
	}

	static CanvasAppSettings of(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		JsonNode c = MAPPER.readTree(json);
		CanvasAppSettings.Builder b = CanvasAppSettings.builder();
		JsonNode n;
		if ((n = c.get("TimeSeriesForecastingSettings")) != null) {
			JsonNode s = n;
			b.timeSeriesForecastingSettings((t) -> t.status(text(s, "Status"))
				.amazonForecastRoleArn(text(s, "AmazonForecastRoleArn")));
		}
		if ((n = c.get("ModelRegisterSettings")) != null) {
			JsonNode s = n;
			b.modelRegisterSettings((t) -> t.status(text(s, "Status"))
				.crossAccountModelRegisterRoleArn(text(s, "CrossAccountModelRegisterRoleArn")));
		}
		if ((n = c.get("WorkspaceSettings")) != null) {
			JsonNode s = n;
			b.workspaceSettings((t) -> t.s3ArtifactPath(text(s, "S3ArtifactPath")).s3KmsKeyId(text(s, "S3KmsKeyId")));
		}
		if ((n = c.get("IdentityProviderOAuthSettings")) != null) {
			List<IdentityProviderOAuthSetting> settings = new ArrayList<>();
			n.forEach((s) -> settings.add(IdentityProviderOAuthSetting.builder()
				.dataSourceName(text(s, "DataSourceName"))
				.status(text(s, "Status"))
				.secretArn(text(s, "SecretArn"))
				.build()));
			b.identityProviderOAuthSettings(settings);
		}
		if ((n = c.get("DirectDeploySettings")) != null) {
			JsonNode s = n;
			b.directDeploySettings((t) -> t.status(text(s, "Status")));
		}
		if ((n = c.get("KendraSettings")) != null) {
			JsonNode s = n;
			b.kendraSettings((t) -> t.status(text(s, "Status")));
		}
		if ((n = c.get("GenerativeAiSettings")) != null) {
			JsonNode s = n;
			b.generativeAiSettings((t) -> t.amazonBedrockRoleArn(text(s, "AmazonBedrockRoleArn")));
		}
		if ((n = c.get("EmrServerlessSettings")) != null) {
			JsonNode s = n;
			b.emrServerlessSettings((t) -> t.executionRoleArn(text(s, "ExecutionRoleArn")).status(text(s, "Status")));
		}
		return b.build();
	}

	private static String text(JsonNode node, String member) {
		JsonNode value = node.get(member);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
