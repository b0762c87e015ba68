package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.evaluation.Decision;
import org.mlgov.console.policy.evaluation.EvaluationRequest;
import org.mlgov.console.policy.evaluation.Outcome;
import org.mlgov.console.policy.evaluation.PolicyEvaluator;
import org.mlgov.console.policy.evaluation.PolicyInput;

/**
 * What a role can do, evaluated offline against its live documents: every Bedrock model of the catalogue and every
 * model id its policies name (Canvas invokes with {@code bedrock:InvokeModel} and
 * {@code bedrock:InvokeModelWithResponseStream} on {@code arn:aws:bedrock:<region>::foundation-model/<id>}), every
 * JumpStart model Canvas may deploy ({@code sagemaker:CreateEndpointConfig} and {@code sagemaker:CreateEndpoint}
 * with the {@code sagemaker-sdk:jumpstart-model-id} request tag), and each Canvas feature (its setting, then the
 * action it needs).
 */
public final class RoleEvaluation {

	static final List<String> BEDROCK_INVOKE = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");

	static final List<String> JUMPSTART_DEPLOY = List.of("sagemaker:CreateEndpointConfig", "sagemaker:CreateEndpoint");

	static final String JUMPSTART_TAG = "sagemaker-sdk:jumpstart-model-id";

	private static final Pattern NAMED_MODEL = Pattern.compile("foundation-model/([A-Za-z0-9][A-Za-z0-9.:_-]*)");

	private final PolicyEvaluator evaluator;

	private final Catalog catalog;

	public RoleEvaluation(PolicyEvaluator evaluator, Catalog catalog) {
		this.evaluator = evaluator;
		this.catalog = catalog;
	}

	/**
	 * One request's answer.
	 *
	 * @param action the action
	 * @param resource the resource
	 * @param outcome the decision
	 * @param policy the deciding policy, or null
	 * @param sid the deciding statement's Sid, or null
	 * @param reason why
	 */
	public record Verdict(String action, String resource, Outcome outcome, String policy, String sid, String reason) {

		static Verdict of(EvaluationRequest request, Decision decision) {
			return new Verdict(request.action(), request.resource(), decision.outcome(), decision.policy(),
					decision.sid(), decision.reason());
		}

	}

	/**
	 * A model and what the role may do with it: the decisive verdict (the first that is not ALLOWED: an explicit deny
	 * before an implicit deny before an undecided one; else the first allow) and every verdict.
	 *
	 * @param modelId the model id
	 * @param provider its provider
	 * @param name its name
	 * @param inCatalogue whether the catalogue knows it (else a policy names it)
	 * @param active false for legacy models
	 * @param decisive the verdict shown
	 * @param verdicts one per action
	 */
	public record ModelCell(String modelId, String provider, String name, boolean inCatalogue, boolean active,
			Verdict decisive, List<Verdict> verdicts) {

		public Outcome outcome() {
			return this.decisive.outcome();
		}

	}

	/**
	 * A Canvas feature: on or off, and what decides it.
	 *
	 * @param feature the feature
	 * @param on whether the user can use it
	 * @param decidedBy the setting or policy that decides it
	 * @param reason the sentence that says why
	 * @param verdict the evaluation of the action the feature needs, or null when the setting alone decides
	 */
	public record Feature(String feature, boolean on, String decidedBy, String reason, Verdict verdict) {
	}

	/**
	 * The whole answer.
	 *
	 * @param region the Region the model ARNs name
	 * @param bedrock models by provider (providers sorted), models in catalogue order, named ones after
	 * @param jumpStart JumpStart models
	 * @param features Canvas features
	 */
	public record Capabilities(String region, Map<String, List<ModelCell>> bedrock, List<ModelCell> jumpStart,
			List<Feature> features) {

		/** How many Bedrock models have each outcome. */
		public Map<Outcome, Integer> bedrockCounts() {
			Map<Outcome, Integer> counts = new LinkedHashMap<>();
			for (Outcome outcome : Outcome.values()) {
				counts.put(outcome, 0);
			}
			this.bedrock.values().forEach((cells) -> cells.forEach((c) -> counts.merge(c.outcome(), 1, Integer::sum)));
			return counts;
		}

		/** The Bedrock models that are allowed. */
		public List<String> allowedModels() {
			return this.bedrock.values()
				.stream()
				.flatMap(List::stream)
				.filter((c) -> c.outcome() == Outcome.ALLOWED)
				.map(ModelCell::modelId)
				.toList();
		}

	}

	/**
	 * Evaluates one request.
	 */
	public Verdict evaluate(ResolvedRole role, EvaluationRequest request) {
		return Verdict.of(request, this.evaluator.evaluate(role.identityInputs(), role.boundaryInput(), request));
	}

	/**
	 * The request context of a call made by a user of the role in a Region: what every real request carries.
	 */
	static Map<String, List<String>> baseContext(ResolvedRole role, String region) {
		Map<String, List<String>> context = new LinkedHashMap<>();
		context.put("aws:RequestedRegion", List.of(region));
		context.put("aws:PrincipalArn", List.of(role.role().arn()));
		context.put("aws:PrincipalAccount", List.of(role.role().accountId()));
		context.put("aws:PrincipalType", List.of("AssumedRole"));
		context.put("aws:SecureTransport", List.of("true"));
		context.put("aws:ViaAWSService", List.of("false"));
		context.put("aws:PrincipalIsAWSService", List.of("false"));
		return context;
	}

	/**
	 * Everything the role can do with models and Canvas features.
	 * @param role the resolved role
	 * @param region the Region of the SageMaker domain
	 * @param canvas the effective Canvas settings, or null when the role is looked at without a profile
	 * @return the capabilities
	 */
	public Capabilities capabilities(ResolvedRole role, String region, EffectiveCanvas canvas) {
		List<PolicyInput> identity = role.identityInputs();
		PolicyInput boundary = role.boundaryInput();
		Map<String, List<String>> base = baseContext(role, region);
		String partition = role.role().arn().split(":", 3)[1];
		Map<String, List<ModelCell>> bedrock = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Set<String> seen = new LinkedHashSet<>();
		for (BedrockModel model : this.catalog.bedrockModels()) {
			seen.add(model.modelId());
			bedrock.computeIfAbsent(model.provider(), (p) -> new ArrayList<>())
				.add(bedrockCell(identity, boundary, base, partition, region, model.modelId(), model.provider(),
						model.name(), true, model.active()));
		}
		for (String named : namedModels(role)) {
			if (seen.add(named)) {
				String provider = named.contains(".") ? named.substring(0, named.indexOf('.')) : named;
				provider = "Named in a policy (" + provider + ")";
				bedrock.computeIfAbsent(provider, (p) -> new ArrayList<>())
					.add(bedrockCell(identity, boundary, base, partition, region, named, provider, named, false,
							true));
			}
		}
		List<ModelCell> jumpStart = new ArrayList<>();
		for (JumpStartModel model : this.catalog.jumpStartModels()) {
			List<Verdict> verdicts = new ArrayList<>();
			for (String action : JUMPSTART_DEPLOY) {
				String type = action.endsWith("Config") ? "endpoint-config" : "endpoint";
				String resource = "arn:" + partition + ":sagemaker:" + region + ":" + role.role().accountId() + ":"
						+ type + "/canvas-" + model.modelId().replaceAll("[^A-Za-z0-9-]", "-");
				Map<String, List<String>> context = new LinkedHashMap<>(base);
				context.put("aws:RequestTag/" + JUMPSTART_TAG, List.of(model.modelId()));
				context.put("aws:TagKeys", List.of(JUMPSTART_TAG));
				EvaluationRequest request = new EvaluationRequest(action, resource, context);
				verdicts.add(Verdict.of(request, this.evaluator.evaluate(identity, boundary, request)));
			}
			jumpStart.add(new ModelCell(model.modelId(), model.family(), model.modelId(), true, true,
					decisive(verdicts), verdicts));
		}
		Capabilities partial = new Capabilities(region, bedrock, jumpStart, List.of());
		List<Feature> features = CanvasFeatureChecks.features(this, role, region, partition, base, canvas, partial);
		return new Capabilities(region, bedrock, jumpStart, features);
	}

	private ModelCell bedrockCell(List<PolicyInput> identity, PolicyInput boundary, Map<String, List<String>> base,
			String partition, String region, String modelId, String provider, String name, boolean inCatalogue,
			boolean active) {
		String arn = "arn:" + partition + ":bedrock:" + region + "::foundation-model/" + modelId;
		List<Verdict> verdicts = new ArrayList<>();
		for (String action : BEDROCK_INVOKE) {
			EvaluationRequest request = new EvaluationRequest(action, arn, base);
			verdicts.add(Verdict.of(request, this.evaluator.evaluate(identity, boundary, request)));
		}
		return new ModelCell(modelId, provider, name, inCatalogue, active, decisive(verdicts), verdicts);
	}

	/** The first explicit deny, else the first implicit deny, else the first undecided, else the first verdict. */
	static Verdict decisive(List<Verdict> verdicts) {
		for (Outcome outcome : List.of(Outcome.EXPLICIT_DENY, Outcome.IMPLICIT_DENY, Outcome.UNDECIDED)) {
			for (Verdict verdict : verdicts) {
				if (verdict.outcome() == outcome) {
					return verdict;
				}
			}
		}
		return verdicts.get(0);
	}

	/** Exact model ids that the role's documents name in a foundation-model ARN (wildcards are patterns, skipped). */
	static Set<String> namedModels(ResolvedRole role) {
		Set<String> named = new LinkedHashSet<>();
		for (ResolvedRole.Policy policy : role.allPolicies()) {
			if (policy.json() == null) {
				continue;
			}
			Matcher matcher = NAMED_MODEL.matcher(policy.json());
			while (matcher.find()) {
				int end = matcher.end();
				boolean wildcard = end < policy.json().length()
						&& (policy.json().charAt(end) == '*' || policy.json().charAt(end) == '?');
				if (!wildcard) {
					named.add(matcher.group(1));
				}
			}
		}
		return named;
	}

}
