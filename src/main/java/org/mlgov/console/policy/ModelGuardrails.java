package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.catalog.ArnGlob;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;

/**
 * The explicit Deny statements that govern which Bedrock and JumpStart models Canvas users may use, following the
 * AWS blog post "Govern generative AI in the enterprise with Amazon SageMaker Canvas" and correcting it where it is
 * loose:
 * <ul>
 * <li>Bedrock inference is authorised by {@code bedrock:InvokeModel} and {@code bedrock:InvokeModelWithResponseStream}
 * only: the Converse and ConverseStream APIs use these same two actions (there is no {@code bedrock:Converse} IAM
 * action), and the post's "bedrock:FineTune" is {@code bedrock:CreateModelCustomizationJob} in IAM.</li>
 * <li>Model ids are full ids ({@code ai21.j2-mid-v1}); the post's shorthand ({@code j2-mid-v1}) would match no ARN.</li>
 * <li>A model also covers the inference profiles that route to it. A call through a profile is authorised on the
 * profile ARN and on the foundation model in every Region the profile routes to, so a Deny on
 * {@code arn:…:bedrock:*::foundation-model/<id>} (Region wildcard, which also matches the empty Region of global
 * profiles) already stops it; the per-model profile ARN {@code …:inference-profile/*.<id>} is added to deny lists as
 * defence in depth.</li>
 * <li>"Allow only these" is a Deny with {@code NotResource}, so that no Allow in another policy (for instance
 * {@code AmazonSageMakerCanvasAIServicesAccess}, which allows every model) can widen it.</li>
 * <li>The JumpStart "deny all" example writes {@code "Null": {"aws:RequestTag/sagemaker-sdk:jumpstart-model-id": "*"}};
 * the {@code Null} operator only takes {@code "true"} or {@code "false"}, so the correct form is {@code "false"}
 * (the tag is present).</li>
 * </ul>
 */
final class ModelGuardrails {

	static final List<String> BEDROCK_INVOKE = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");

	static final List<String> BEDROCK_CUSTOMIZE = List.of("bedrock:CreateModelCustomizationJob");

	static final List<String> JUMPSTART_DEPLOY = List.of("sagemaker:CreateEndpointConfig", "sagemaker:CreateEndpoint");

	static final String JUMPSTART_TAG = "aws:RequestTag/sagemaker-sdk:jumpstart-model-id";

	private final GenerationContext context;

	ModelGuardrails(GenerationContext context) {
		this.context = context;
	}

	String foundationModelArn(String modelId) {
		return "arn:" + this.context.partition() + ":bedrock:*::foundation-model/" + modelId;
	}

	String inferenceProfileArn(String modelId) {
		return "arn:" + this.context.partition() + ":bedrock:*:" + this.context.spec().accountId()
				+ ":inference-profile/*." + modelId;
	}

	private String accountResource(String resource) {
		return "arn:" + this.context.partition() + ":bedrock:*:" + this.context.spec().accountId() + ":" + resource;
	}

	/**
	 * The Bedrock guardrail. {@code compactProfiles} replaces the per-model inference-profile entries of an allow
	 * list by one {@code inference-profile/*} entry (used when the precise list does not fit IAM's quota; safe
	 * because the foundation-model check still applies to every profile call).
	 */
	List<Statement> bedrock(ModelAccess access, boolean compactProfiles) {
		lintBedrock(access);
		List<Statement> out = new ArrayList<>();
		boolean fineTuning = access.fineTuningDenied();
		switch (access.mode()) {
			case NO_RESTRICTION -> {
			}
			case DENY_ALL -> {
				out.add(Statement.deny("bedrock", BEDROCK_INVOKE, List.of("*")).withSid("DenyBedrockInvokeAllModels"));
				if (fineTuning) {
					out.add(Statement.deny("bedrock", BEDROCK_CUSTOMIZE, List.of("*"))
						.withSid("DenyBedrockCustomizationAllModels"));
				}
			}
			case DENY_LISTED -> out.addAll(bedrockDenyList(access.denied(), fineTuning));
			case ALLOW_LISTED -> {
				List<String> notResources = new ArrayList<>();
				access.allowed().forEach((id) -> notResources.add(foundationModelArn(id)));
				if (compactProfiles) {
					notResources.add(accountResource("inference-profile/*"));
				}
				else {
					access.allowed().forEach((id) -> notResources.add(inferenceProfileArn(id)));
				}
				// Application inference profiles have opaque ids; the foundation-model check governs them.
				notResources.add(accountResource("application-inference-profile/*"));
				out.add(Statement.denyNotResource("bedrock", BEDROCK_INVOKE, notResources)
					.withSid("DenyBedrockInvokeExceptAllowedModels"));
				if (fineTuning) {
					List<String> customizable = new ArrayList<>();
					access.allowed().forEach((id) -> customizable.add(foundationModelArn(id)));
					// CreateModelCustomizationJob is also authorised on the custom model it creates.
					customizable.add(accountResource("custom-model/*"));
					out.add(Statement.denyNotResource("bedrock", BEDROCK_CUSTOMIZE, customizable)
						.withSid("DenyBedrockCustomizationExceptAllowedModels"));
				}
				this.context.findings()
					.info("BEDROCK_ALLOW_LIST_SCOPE", "The Bedrock allow list denies every other model, including "
							+ "custom models and provisioned throughput, whatever another policy allows.");
				if (!access.denied().isEmpty()) {
					out.addAll(bedrockDenyList(access.denied(), fineTuning));
				}
			}
		}
		return out;
	}

	private List<Statement> bedrockDenyList(List<String> denied, boolean fineTuning) {
		List<Statement> out = new ArrayList<>();
		List<String> resources = new ArrayList<>();
		denied.forEach((id) -> resources.add(foundationModelArn(id)));
		denied.forEach((id) -> resources.add(inferenceProfileArn(id)));
		out.add(Statement.deny("bedrock", BEDROCK_INVOKE, resources).withSid("DenyBedrockInvokeListedModels")
			.asSplittable());
		if (fineTuning) {
			List<String> models = denied.stream().map(this::foundationModelArn).toList();
			out.add(Statement.deny("bedrock", BEDROCK_CUSTOMIZE, models)
				.withSid("DenyBedrockCustomizationListedModels")
				.asSplittable());
		}
		return out;
	}

	/** The JumpStart guardrail: a Deny of endpoint creation keyed on the JumpStart model-id request tag. */
	List<Statement> jumpStart(ModelAccess access) {
		lintJumpStart(access);
		List<Statement> out = new ArrayList<>();
		switch (access.mode()) {
			case NO_RESTRICTION -> {
			}
			case DENY_ALL -> out.add(Statement.deny("jumpstart", JUMPSTART_DEPLOY, List.of("*"))
				.withCondition("Null", JUMPSTART_TAG, List.of("false"))
				.withSid("DenyJumpStartAllModels"));
			case DENY_LISTED -> out.add(jumpStartDenyList(access.denied()));
			case ALLOW_LISTED -> {
				// Only requests that carry the tag are JumpStart deployments: other endpoints stay possible.
				out.add(Statement.deny("jumpstart", JUMPSTART_DEPLOY, List.of("*"))
					.withCondition("Null", JUMPSTART_TAG, List.of("false"))
					.withCondition("StringNotLike", JUMPSTART_TAG, access.allowed())
					.withSid("DenyJumpStartExceptAllowedModels"));
				if (!access.denied().isEmpty()) {
					out.add(jumpStartDenyList(access.denied()));
				}
			}
		}
		if (access.mode() != AccessMode.NO_RESTRICTION) {
			this.context.findings()
				.info("JUMPSTART_TAG_IS_CLIENT_SET", "The JumpStart guardrail keys on the request tag "
						+ "sagemaker-sdk:jumpstart-model-id, which the SageMaker SDK and Canvas set but a caller "
						+ "can omit: it is a guard-rail for Canvas deployments, not a hard boundary.");
		}
		return out;
	}

	private Statement jumpStartDenyList(List<String> denied) {
		return Statement.deny("jumpstart", JUMPSTART_DEPLOY, List.of("*"))
			.withCondition("StringLike", JUMPSTART_TAG, denied)
			.withSid("DenyJumpStartListedModels")
			.asSplittable();
	}

	private void lintBedrock(ModelAccess access) {
		List<String> ids = new ArrayList<>(access.allowed());
		ids.addAll(access.denied());
		for (String id : ids) {
			if (id.contains("*") || id.contains("?")) {
				boolean matchesAny = this.context.catalog()
					.bedrockModels()
					.stream()
					.anyMatch((m) -> ArnGlob.matches(id, m.modelId()));
				if (!matchesAny) {
					unknownModel("Bedrock model pattern", id);
				}
			}
			else {
				this.context.catalog().bedrockModel(id).ifPresentOrElse((model) -> legacy(model),
						() -> unknownModel("Bedrock model id", id));
			}
		}
		lintBothAllowedAndDenied("Bedrock", access);
	}

	private void lintJumpStart(ModelAccess access) {
		List<String> ids = new ArrayList<>(access.allowed());
		ids.addAll(access.denied());
		for (String id : ids) {
			boolean known = this.context.catalog()
				.jumpStartModels()
				.stream()
				.map(JumpStartModel::modelId)
				.anyMatch((m) -> ArnGlob.matches(id, m));
			if (!known) {
				unknownModel("JumpStart model id" + ((id.contains("*")) ? " pattern" : ""), id);
			}
		}
		lintBothAllowedAndDenied("JumpStart", access);
	}

	private void lintBothAllowedAndDenied(String family, ModelAccess access) {
		if (access.mode() != AccessMode.ALLOW_LISTED) {
			return;
		}
		for (String denied : access.denied()) {
			for (String allowed : access.allowed()) {
				if (ArnGlob.patternsOverlap(denied, allowed)) {
					this.context.findings()
						.add("MODEL_ALLOWED_AND_DENIED", Severity.WARNING,
								family + " model '" + allowed + "' is allowed and '" + denied
										+ "' denies it (or some of it): the explicit deny wins.",
								"guardrails", null);
				}
			}
		}
	}

	private void unknownModel(String what, String id) {
		this.context.findings()
			.add("UNKNOWN_MODEL", Severity.WARNING, what + " '" + id + "' is not in the catalogue ("
					+ this.context.catalog().version() + "): check the spelling, a typo leaves the model ungoverned.",
					"guardrails", null);
	}

	private void legacy(BedrockModel model) {
		if (!model.active()) {
			this.context.findings()
				.info("LEGACY_MODEL", "Bedrock model '" + model.modelId() + "' (" + model.name()
						+ ") is legacy or end of life: it is listed so that older policies stay readable.");
		}
	}

}
