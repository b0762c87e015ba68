package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mlgov.console.policy.RoleSpec.BedrockRoleChoice;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;

/**
 * The IAM side and the SageMaker side of the Canvas settings (the "Canvas" section of a domain or user profile).
 * <ul>
 * <li>Ready-to-use models: {@code AmazonSageMakerCanvasAIServicesAccess} (no CanvasAppSettings field).</li>
 * <li>Generative AI via Bedrock: {@code AmazonSageMakerCanvasBedrockAccess} and {@code bedrock.amazonaws.com} in the
 * execution role's trust policy, as the Canvas page asks; optionally a separate role for Bedrock fine-tuning
 * ({@code GenerativeAiSettings.AmazonBedrockRoleArn}) created with the same policy and trust.</li>
 * <li>Direct deployment: {@code DirectDeploySettings.Status} and {@code AmazonSageMakerCanvasDirectDeployAccess}
 * (UpdateDomain does not attach it).</li>
 * <li>Time-series forecasting: {@code TimeSeriesForecastingSettings}; the role Forecast uses needs
 * {@code AmazonSageMakerCanvasForecastAccess} and {@code forecast.amazonaws.com} trust.</li>
 * <li>Model registration: {@code ModelRegisterSettings}.</li>
 * <li>Local file upload: a CORS rule on the Canvas bucket so the browser can upload to it.</li>
 * </ul>
 */
final class CanvasFeatures {

	static final String AI_SERVICES = "AmazonSageMakerCanvasAIServicesAccess";

	static final String BEDROCK = "AmazonSageMakerCanvasBedrockAccess";

	static final String DIRECT_DEPLOY = "AmazonSageMakerCanvasDirectDeployAccess";

	static final String FORECAST = "AmazonSageMakerCanvasForecastAccess";

	/**
	 * The CORS rule the SageMaker Canvas guide gives for uploading local files to the Canvas bucket: the Canvas app is
	 * served from *.sagemaker.aws.
	 */
	static final BucketCors.CorsRule LOCAL_UPLOAD_RULE = new BucketCors.CorsRule(List.of("*"),
			List.of("POST", "PUT", "GET", "HEAD", "DELETE"), List.of("https://*.sagemaker.aws"),
			List.of("ETag", "x-amz-delete-marker", "x-amz-id-2", "x-amz-request-id", "x-amz-server-side-encryption",
					"x-amz-version-id"));

	private final GenerationContext context;

	final Set<String> managedPolicies = new LinkedHashSet<>();

	final Set<String> trustServices = new LinkedHashSet<>();

	final List<Statement> statements = new ArrayList<>();

	BedrockRoleDefinition bedrockRole;

	Map<String, Object> appSettings;

	final Map<String, List<BucketCors.CorsRule>> cors = new LinkedHashMap<>();

	CanvasFeatures(GenerationContext context) {
		this.context = context;
	}

	void apply(CanvasSettings canvas, boolean hasCanvasCoreAccess) {
		if (!canvas.anyEnabled()) {
			return;
		}
		RoleSpec spec = this.context.spec();
		Map<String, Object> settings = new LinkedHashMap<>();
		if (canvas.readyToUseModels()) {
			this.managedPolicies.add(AI_SERVICES);
		}
		Map<String, Object> forecast = new LinkedHashMap<>();
		forecast.put("Status", status(canvas.timeSeriesForecasting()));
		if (canvas.timeSeriesForecasting()) {
			String forecastRole = blank(canvas.forecastRoleArn()) ? spec.roleArn() : canvas.forecastRoleArn();
			if (blank(canvas.forecastRoleArn())) {
				// Canvas falls back to the execution role: it needs the policy and Forecast's trust itself.
				this.managedPolicies.add(FORECAST);
				this.trustServices.add("forecast");
			}
			else {
				forecast.put("AmazonForecastRoleArn", canvas.forecastRoleArn());
			}
			this.statements.add(Statement.allow("canvas", List.of("iam:PassRole"), List.of(forecastRole))
				.withCondition("StringEquals", "iam:PassedToService", List.of("forecast.amazonaws.com"))
				.withSid("CanvasPassRoleToForecast"));
		}
		settings.put("TimeSeriesForecastingSettings", forecast);
		Map<String, Object> register = new LinkedHashMap<>();
		register.put("Status", status(canvas.modelRegistration()));
		if (canvas.modelRegistration() && !blank(canvas.crossAccountModelRegisterRoleArn())) {
			register.put("CrossAccountModelRegisterRoleArn", canvas.crossAccountModelRegisterRoleArn());
		}
		settings.put("ModelRegisterSettings", register);
		settings.put("DirectDeploySettings", Map.of("Status", status(canvas.directDeployment())));
		if (canvas.directDeployment()) {
			this.managedPolicies.add(DIRECT_DEPLOY);
		}
		if (canvas.generativeAi()) {
			this.managedPolicies.add(BEDROCK);
			this.trustServices.add("bedrock");
			settings.put("GenerativeAiSettings", Map.of("AmazonBedrockRoleArn", bedrockRoleArn(canvas)));
			if (!canvas.readyToUseModels()) {
				this.context.findings()
					.warn("CANVAS_BEDROCK_WITHOUT_READY_TO_USE", "Generative AI is on but ready-to-use models are "
							+ "off: Canvas invokes Bedrock models and passes the Bedrock role with the permissions of "
							+ AI_SERVICES + ", so users will not be able to chat with or fine-tune models.");
			}
		}
		if (canvas.localFileUpload()) {
			String bucket = blank(canvas.canvasBucket())
					? "sagemaker-" + spec.region() + "-" + spec.accountId() : canvas.canvasBucket();
			this.cors.computeIfAbsent(bucket, (b) -> new ArrayList<>()).add(LOCAL_UPLOAD_RULE);
		}
		if (!hasCanvasCoreAccess) {
			this.context.findings()
				.warn("CANVAS_WITHOUT_CORE_ACCESS", "Canvas settings are chosen but the role has no 'SageMaker "
						+ "Canvas Core Access' activity (AmazonSageMakerCanvasFullAccess): users cannot open Canvas "
						+ "with this role.");
		}
		this.appSettings = settings;
	}

	private String bedrockRoleArn(CanvasSettings canvas) {
		RoleSpec spec = this.context.spec();
		if (canvas.bedrockRole() == BedrockRoleChoice.EXISTING) {
			this.bedrockRole = new BedrockRoleDefinition(false, null, null, canvas.bedrockRoleArn(), null, null,
					List.of());
			return canvas.bedrockRoleArn();
		}
		if (canvas.bedrockRole() == BedrockRoleChoice.CREATE) {
			String name = blank(canvas.bedrockRoleName()) ? defaultBedrockRoleName(spec.roleName())
					: canvas.bedrockRoleName();
			String path = RoleSpec.DEFAULT_PATH;
			String arn = "arn:" + spec.partition() + ":iam::" + spec.accountId() + ":role" + path + name;
			PolicyDocument trust = new PolicyDocument(
					List.of(TrustPolicies.statement(this.context, this.context.catalog().trustService("bedrock"))));
			this.bedrockRole = new BedrockRoleDefinition(true, name, path, arn, trust, PolicyRendering.pretty(trust),
					List.of(this.context.catalog().managedPolicy(BEDROCK).arn(spec.partition())));
			return arn;
		}
		return spec.roleArn();
	}

	/** The console's naming ("AmazonSagemakerCanvasBedrockRole-…"), made deterministic and kept within 64 chars. */
	static String defaultBedrockRoleName(String roleName) {
		String name = "AmazonSagemakerCanvasBedrockRole-" + roleName;
		return (name.length() <= 64) ? name : name.substring(0, 64);
	}

	private static String status(boolean enabled) {
		return enabled ? "ENABLED" : "DISABLED";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
