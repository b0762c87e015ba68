package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.mlgov.console.catalog.ArnGlob;
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

	static final String BEDROCK_DENY_ALL = "DenyBedrockAllModels";

	static final String BEDROCK_DENY_LISTED = "DenyBedrockListedModels";

	static final String BEDROCK_ALLOW_LISTED = "DenyBedrockExceptAllowedModels";

	static final String JUMPSTART_DENY_ALL = "DenyJumpStartAllModels";

	static final String JUMPSTART_DENY_LISTED = "DenyJumpStartListedModels";

	static final String JUMPSTART_ALLOW_LISTED = "DenyJumpStartExceptAllowedModels";

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
		List<Statement> out = new ArrayList<>();
		// One statement covers inference and, if asked, fine-tuning: CreateModelCustomizationJob is authorised on
		// the base foundation model (and the custom model it creates), so the same resource list governs it, and
		// the extra entries of each action (profiles, custom models) do not apply to the other.
		List<String> actions = new ArrayList<>(BEDROCK_INVOKE);
		if (access.fineTuningDenied()) {
			actions.addAll(BEDROCK_CUSTOMIZE);
		}
		switch (access.mode()) {
			case NO_RESTRICTION -> {
			}
			case DENY_ALL -> out.add(Statement.deny("bedrock", actions, List.of("*")).withSid(BEDROCK_DENY_ALL));
			case DENY_LISTED -> out.add(bedrockDenyList(actions, access.denied()));
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
				if (access.fineTuningDenied()) {
					// The custom model a customization job creates.
					notResources.add(accountResource("custom-model/*"));
				}
				// Built in one go, not through withSid: the list is long, and a statement copies its lists.
				out.add(new Statement(BEDROCK_ALLOW_LISTED, Effect.Deny, null, actions, List.of(), notResources,
						Map.of(), "bedrock", false));
				if (!access.denied().isEmpty()) {
					out.add(bedrockDenyList(actions, access.denied()));
				}
			}
		}
		return out;
	}

	/**
	 * A lower bound of the IAM size of the allow list's statement with each model's inference profiles
	 * ({@code bedrock(access, false)}), counted without writing it: its NotResource lists a foundation-model ARN and an
	 * inference-profile ARN for each distinct allowed id, and these ARNs all differ (the account never starts with a
	 * colon, so a profile ARN never reads as a foundation-model ARN). 0 when there is no allow list.
	 */
	int allowListMinimumSize(ModelAccess access) {
		if (access.mode() != AccessMode.ALLOW_LISTED || this.context.spec().accountId().startsWith(":")) {
			return 0;
		}
		// The IAM size of a string is 2 for its quotes plus the size of each character, so the size of prefix + id
		// is that of the prefix without its quotes plus that of the id.
		int prefixes = Json.stringSize(foundationModelArn("")) - 2 + Json.stringSize(inferenceProfileArn("")) - 2;
		int size = 0;
		for (String id : new HashSet<>(access.allowed())) {
			size += prefixes + 2 * Json.stringSize(id);
		}
		return size;
	}

	private Statement bedrockDenyList(List<String> actions, List<String> denied) {
		List<String> resources = new ArrayList<>();
		denied.forEach((id) -> resources.add(foundationModelArn(id)));
		denied.forEach((id) -> resources.add(inferenceProfileArn(id)));
		return new Statement(BEDROCK_DENY_LISTED, Effect.Deny, null, actions, resources, List.of(), Map.of(), "bedrock",
				true);
	}

	/** The JumpStart guardrail: a Deny of endpoint creation keyed on the JumpStart model-id request tag. */
	List<Statement> jumpStart(ModelAccess access) {
		List<Statement> out = new ArrayList<>();
		switch (access.mode()) {
			case NO_RESTRICTION -> {
			}
			case DENY_ALL -> out.add(Statement.deny("jumpstart", JUMPSTART_DEPLOY, List.of("*"))
				.withCondition("Null", JUMPSTART_TAG, List.of("false"))
				.withSid(JUMPSTART_DENY_ALL));
			case DENY_LISTED -> out.add(jumpStartDenyList(access.denied()));
			case ALLOW_LISTED -> {
				// Only requests that carry the tag are JumpStart deployments: other endpoints stay possible.
				out.add(Statement.deny("jumpstart", JUMPSTART_DEPLOY, List.of("*"))
					.withCondition("Null", JUMPSTART_TAG, List.of("false"))
					.withCondition("StringNotLike", JUMPSTART_TAG, access.allowed())
					.withSid(JUMPSTART_ALLOW_LISTED));
				if (!access.denied().isEmpty()) {
					out.add(jumpStartDenyList(access.denied()));
				}
			}
		}
		return out;
	}

	private Statement jumpStartDenyList(List<String> denied) {
		return new Statement(JUMPSTART_DENY_LISTED, Effect.Deny, null, JUMPSTART_DEPLOY, List.of("*"), List.of(),
				Map.of("StringLike", Map.of(JUMPSTART_TAG, denied)), "jumpstart", true);
	}

	/**
	 * Findings about the model lists, each pointing at the guardrail statement that lists the models it names (the
	 * generator locates them once the statements are packed): ids and patterns the catalogue does not know
	 * ({@code UNKNOWN_MODEL}), legacy Bedrock models ({@code LEGACY_MODEL}), an allowed model that a denied pattern
	 * also covers ({@code MODEL_ALLOWED_AND_DENIED}, on the deny statement, which wins), what an allow list implies
	 * ({@code BEDROCK_ALLOW_LIST_SCOPE}) and what the JumpStart guardrail keys on ({@code JUMPSTART_TAG_IS_CLIENT_SET}).
	 */
	void lint(ModelAccess bedrock, ModelAccess jumpStart) {
		lintBedrockList(bedrock.allowed(), BEDROCK_ALLOW_LISTED);
		lintBedrockList(bedrock.denied(), BEDROCK_DENY_LISTED);
		if (bedrock.mode() == AccessMode.ALLOW_LISTED) {
			this.context.findings()
				.atStatement("BEDROCK_ALLOW_LIST_SCOPE", Severity.INFO, "The Bedrock allow list denies every other "
						+ "model, including provisioned throughput and imported models, whatever another policy allows.",
						BEDROCK_ALLOW_LISTED);
		}
		lintBothAllowedAndDenied("Bedrock", bedrock, BEDROCK_DENY_LISTED, this::bedrockValues);
		lintJumpStartList(jumpStart.allowed(), JUMPSTART_ALLOW_LISTED);
		lintJumpStartList(jumpStart.denied(), JUMPSTART_DENY_LISTED);
		lintBothAllowedAndDenied("JumpStart", jumpStart, JUMPSTART_DENY_LISTED, List::of);
		String jumpStartSid = switch (jumpStart.mode()) {
			case NO_RESTRICTION -> null;
			case DENY_ALL -> JUMPSTART_DENY_ALL;
			case DENY_LISTED -> JUMPSTART_DENY_LISTED;
			case ALLOW_LISTED -> JUMPSTART_ALLOW_LISTED;
		};
		if (jumpStartSid != null) {
			this.context.findings()
				.atStatement("JUMPSTART_TAG_IS_CLIENT_SET", Severity.INFO, "The JumpStart guardrail keys on the "
						+ "request tag sagemaker-sdk:jumpstart-model-id, which the SageMaker SDK and Canvas set but a "
						+ "caller can omit: it is a guard-rail for Canvas deployments, not a hard boundary.", jumpStartSid);
		}
	}

	/** How a Bedrock model id is written in the guardrail statements: its foundation-model and profile ARNs. */
	private List<String> bedrockValues(String modelId) {
		return List.of(foundationModelArn(modelId), inferenceProfileArn(modelId));
	}

	private void lintBedrockList(List<String> ids, String sid) {
		Map<String, List<String>> unknown = new LinkedHashMap<>();
		Map<String, List<String>> legacy = new LinkedHashMap<>();
		for (String id : ids) {
			if (id.contains("*") || id.contains("?")) {
				boolean matchesAny = this.context.catalog()
					.bedrockModels()
					.stream()
					.anyMatch((m) -> ArnGlob.matches(id, m.modelId()));
				if (!matchesAny) {
					unknown.put(id, bedrockValues(id));
				}
			}
			else {
				this.context.catalog().bedrockModel(id).ifPresentOrElse((model) -> {
					if (!model.active()) {
						legacy.put(model.modelId(), bedrockValues(model.modelId()));
					}
				}, () -> unknown.put(id, bedrockValues(id)));
			}
		}
		unknownModels("Bedrock", sid, unknown);
		this.context.findings()
			.atValues("LEGACY_MODEL", Severity.INFO, "Legacy or end-of-life Bedrock models (listed so that older "
					+ "policies stay readable): " + Findings.SUBJECTS + ".", sid, legacy);
	}

	private void lintJumpStartList(List<String> ids, String sid) {
		Map<String, List<String>> unknown = new LinkedHashMap<>();
		for (String id : ids) {
			boolean wildcard = id.contains("*") || id.contains("?");
			boolean known = wildcard ? this.context.catalog()
				.jumpStartModels()
				.stream()
				.map(JumpStartModel::modelId)
				.anyMatch((m) -> ArnGlob.matches(id, m)) : this.context.catalog().jumpStartModel(id).isPresent();
			if (!known) {
				unknown.put(id, List.of(id));
			}
		}
		unknownModels("JumpStart", sid, unknown);
	}

	private void lintBothAllowedAndDenied(String family, ModelAccess access, String denySid,
			Function<String, List<String>> values) {
		if (access.mode() != AccessMode.ALLOW_LISTED) {
			return;
		}
		for (String denied : access.denied()) {
			for (String allowed : access.allowed()) {
				if (ArnGlob.patternsOverlap(denied, allowed)) {
					this.context.findings()
						.atValues("MODEL_ALLOWED_AND_DENIED", Severity.WARNING,
								family + " model '" + allowed + "' is allowed and '" + denied
										+ "' denies it (or some of it): the explicit deny wins.",
								denySid, Map.of(denied, values.apply(denied)));
				}
			}
		}
	}

	private void unknownModels(String family, String sid, Map<String, List<String>> unknown) {
		this.context.findings()
			.atValues("UNKNOWN_MODEL", Severity.WARNING, Findings.COUNT + " " + family + " "
					+ Findings.plural("model id or pattern matches", "model ids or patterns match")
					+ " nothing in the catalogue (" + this.context.catalog().version() + "): " + Findings.SUBJECTS
					+ ". Check the spelling: a typo leaves the model you meant ungoverned.", sid, unknown);
	}

}
