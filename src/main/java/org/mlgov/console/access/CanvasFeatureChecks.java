package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mlgov.console.access.RoleEvaluation.Capabilities;
import org.mlgov.console.access.RoleEvaluation.Feature;
import org.mlgov.console.access.RoleEvaluation.Verdict;
import org.mlgov.console.policy.evaluation.EvaluationRequest;
import org.mlgov.console.policy.evaluation.Outcome;

/**
 * Each Canvas feature: off when its setting says {@code DISABLED}, otherwise on when the role may make the call the
 * feature needs (aws-facts A.3, A.4).
 */
final class CanvasFeatureChecks {

	private CanvasFeatureChecks() {
	}

	static List<Feature> features(RoleEvaluation evaluation, ResolvedRole role, String region, String partition,
			Map<String, List<String>> base, EffectiveCanvas canvas, Capabilities capabilities) {
		String account = role.role().accountId();
		String sm = "arn:" + partition + ":sagemaker:" + region + ":" + account + ":";
		List<Feature> features = new ArrayList<>();
		features.add(byAction(evaluation, role, base, canvas, "Ready-to-use models (Textract, Comprehend, Rekognition)",
				null, "textract:AnalyzeDocument", "*"));
		List<String> allowed = capabilities.allowedModels();
		features.add(new Feature("Generative AI: chat with Bedrock models", !allowed.isEmpty(),
				allowed.isEmpty() ? "the Bedrock model matrix" : "the Bedrock model matrix",
				allowed.isEmpty() ? "No Bedrock model of the matrix may be invoked by this role."
						: allowed.size() + " Bedrock model(s) may be invoked, for example " + allowed.get(0) + ".",
				null));
		String bedrockRole = (canvas != null) ? canvas.field("GenerativeAiSettings", "AmazonBedrockRoleArn") : null;
		Feature fineTuning = byAction(evaluation, role, base, canvas, "Fine-tune foundation models in Bedrock", null,
				"bedrock:CreateModelCustomizationJob",
				"arn:" + partition + ":bedrock:" + region + ":" + account + ":model-customization-job/canvas");
		if (canvas != null && bedrockRole == null && fineTuning.on()) {
			fineTuning = new Feature(fineTuning.feature(), false, "CanvasAppSettings.GenerativeAiSettings",
					"No AmazonBedrockRoleArn is set, so Canvas has no role to hand to Bedrock for fine-tuning.",
					fineTuning.verdict());
		}
		features.add(fineTuning);
		features.add(byAction(evaluation, role, base, canvas, "Direct deployment of models", "DirectDeploySettings",
				"sagemaker:CreateEndpoint", sm + "endpoint/canvas-deployment"));
		features.add(byAction(evaluation, role, base, canvas, "Model registration", "ModelRegisterSettings",
				"sagemaker:CreateModelPackage", sm + "model-package/canvas-models/1"));
		features.add(bySetting(canvas, "Time-series forecasting", "TimeSeriesForecastingSettings"));
		features.add(bySetting(canvas, "Document query (Amazon Kendra)", "KendraSettings"));
		features.add(bySetting(canvas, "Data preparation on EMR Serverless", "EmrServerlessSettings"));
		return features;
	}

	private static Feature bySetting(EffectiveCanvas canvas, String feature, String member) {
		if (canvas == null) {
			return new Feature(feature, false, "CanvasAppSettings." + member,
					"Decided by the Canvas settings of a user profile; open a profile to see them.", null);
		}
		String status = canvas.status(member);
		boolean on = "ENABLED".equals(status);
		String where = (status != null) ? canvas.source(member) : null;
		return new Feature(feature, on, "CanvasAppSettings." + member + ".Status",
				(status != null) ? member + ".Status is " + status + " (" + where + ")."
						: member + " is not set by the user profile or the domain default, so it is off.",
				null);
	}

	private static Feature byAction(RoleEvaluation evaluation, ResolvedRole role, Map<String, List<String>> base,
			EffectiveCanvas canvas, String feature, String member, String action, String resource) {
		String status = (canvas != null && member != null) ? canvas.status(member) : null;
		if ("DISABLED".equals(status)) {
			return new Feature(feature, false, "CanvasAppSettings." + member + ".Status",
					member + ".Status is DISABLED (" + canvas.source(member) + ").", null);
		}
		Verdict verdict = evaluation.evaluate(role, new EvaluationRequest(action, resource, base));
		boolean on = verdict.outcome() == Outcome.ALLOWED;
		String decidedBy = (verdict.policy() != null)
				? "policy " + verdict.policy() + ((verdict.sid() != null) ? ", statement " + verdict.sid() : "")
				: action + " (not granted)";
		String setting = (member == null) ? ""
				: (status != null) ? member + ".Status is " + status + " (" + canvas.source(member) + "). "
						: (canvas != null) ? member + " is not set. " : "";
		return new Feature(feature, on, decidedBy, setting + action + ": " + verdict.reason(), verdict);
	}

}
