package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ArnGlob;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.BedrockRoleDefinition;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.Statement;

/**
 * What a role does, in plain sentences, for the review step: computed on the server from the specification, the
 * documents generated from it, where the Canvas settings apply and the catalogue (model patterns are matched against
 * the catalogued Bedrock and JumpStart models, so "amazon.nova-*" reads as the models it names).
 */
public final class RoleSummary {

	/** How many names a sentence lists before "and N more". */
	static final int LISTED = 10;

	/** One sentence and what it is about ({@code role}, {@code trust}, {@code bedrock}, …). */
	public record Line(String topic, String text) {
	}

	private RoleSummary() {
	}

	/**
	 * What the sentences need from the generated documents, so that the author's step 6 (from the generator's result)
	 * and the reviewer's page (from the frozen revision) say the same.
	 * @param bedrockRoleCreated null without a Bedrock role of its own, else whether the console creates it
	 */
	public record Facts(String roleName, String rolePath, String permissionsBoundaryArn, List<String> trustedServices,
			int inlinePolicies, int customerManagedPolicies, int awsManagedPolicies, Boolean bedrockRoleCreated,
			String bedrockRoleName, String bedrockRoleArn) {

		static Facts of(GenerationResult result) {
			BedrockRoleDefinition bedrock = result.bedrockRole();
			return new Facts(result.role().name(), result.role().path(), result.role().permissionsBoundaryArn(),
					result.role().trustPolicy().statements().stream().map(Statement::principalService).toList(),
					result.inlinePolicies().size(), result.customerManagedPolicies().size(),
					result.awsManagedPolicyArns().size(), (bedrock == null) ? null : bedrock.create(),
					(bedrock == null) ? null : bedrock.name(), (bedrock == null) ? null : bedrock.arn());
		}

	}

	public static List<Line> of(DraftContent content, GenerationResult result, Catalog catalog) {
		return of(content, Facts.of(result), catalog);
	}

	public static List<Line> of(DraftContent content, Facts result, Catalog catalog) {
		RoleSpec spec = content.spec().withDefaults();
		List<Line> lines = new ArrayList<>();
		lines.add(new Line("role", role(content.roleMode(), spec, result)));
		if (result.permissionsBoundaryArn() != null) {
			lines.add(new Line("boundary",
					"Its permissions are bounded by " + result.permissionsBoundaryArn() + "."));
		}
		lines.add(new Line("trust", "Trusted by " + String.join(", ", result.trustedServices()) + "."));
		lines.add(new Line("activities", activities(spec, catalog)));
		lines.add(new Line("policies", "Has " + count(result.inlinePolicies(), "inline policy", "inline policies")
				+ ", " + count(result.customerManagedPolicies(), "customer managed policy",
						"customer managed policies")
				+ " and " + count(result.awsManagedPolicies(), "AWS managed policy", "AWS managed policies")
				+ "."));
		lines.add(new Line("bedrock", bedrock(spec.bedrock(), catalog)));
		if (spec.bedrock().mode() != AccessMode.NO_RESTRICTION) {
			lines.add(new Line("bedrock-fine-tuning",
					spec.bedrock().fineTuningDenied() ? "Bedrock fine-tuning is limited in the same way."
							: "Bedrock fine-tuning is not restricted by this role's guardrails."));
		}
		lines.add(new Line("jumpstart", jumpStart(spec.jumpStart(), catalog)));
		if (spec.canvas().anyEnabled()) {
			lines.add(new Line("canvas", "Turns on these Canvas features: " + canvasFeatures(spec.canvas()) + "."));
			if (spec.canvas().generativeAi()) {
				lines.add(new Line("canvas-bedrock-role", bedrockRole(result)));
			}
			lines.add(new Line("canvas-targets", targets(content.canvasTargets())));
		}
		if (spec.collaboration().studioClassicModelSharing()) {
			lines.add(new Line("sharing", "Shares models between Studio Classic and Canvas ("
					+ ((spec.collaboration().scope() == RoleSpec.Scope.AS_DOCUMENTED) ? "on every resource, as documented"
							: "scoped to this account and Region")
					+ ")."));
		}
		if (spec.evaluation().enabled()) {
			lines.add(new Line("evaluation", evaluation(spec.evaluation())));
		}
		return lines;
	}

	private static String role(RoleMode mode, RoleSpec spec, Facts result) {
		String verb = (mode == RoleMode.UPDATE_EXISTING) ? "Updates the existing role " : "Creates role ";
		return verb + result.roleName() + " in account " + spec.accountId() + " (path " + result.rolePath()
				+ ").";
	}

	private static String activities(RoleSpec spec, Catalog catalog) {
		List<String> ids = (spec.activities() != null)
				? spec.activities().stream().map(RoleSpec.ActivitySelection::id).toList()
				: catalog.persona(spec.persona()).map(Persona::activities).orElse(List.of());
		if (ids.isEmpty()) {
			return "Allows no ML activity.";
		}
		List<String> names = ids.stream()
			.map((id) -> catalog.activity(id).map(ActivityDefinition::name).orElse(id))
			.toList();
		return "Allows " + count(names.size(), "ML activity", "ML activities") + ": " + listed(names) + ".";
	}

	/** How the sentences about one model family read in each access mode. */
	private record ModelWording(String unrestricted, String denyAll, String denyListed, String noneAllowed,
			IntFunction<String> allowed) {
	}

	private static final ModelWording BEDROCK = new ModelWording(
			"Bedrock access is not restricted by this role's guardrails.", "Cannot invoke any Bedrock model.",
			"Can invoke every Bedrock model except ",
			"Can invoke no catalogued Bedrock model: the allow list matches none of them.",
			(n) -> "Can invoke " + count(n, "Bedrock model", "Bedrock models"));

	private static final ModelWording JUMPSTART = new ModelWording(
			"JumpStart deployment is not restricted by this role's guardrails.", "Cannot deploy any JumpStart model.",
			"Cannot deploy these JumpStart models: ",
			"Cannot deploy any catalogued JumpStart model: the allow list matches none of them.",
			(n) -> "Cannot deploy JumpStart models except " + ((n == 1) ? "this one" : "these " + n));

	private static String bedrock(ModelAccess access, Catalog catalog) {
		return models(access, catalog.bedrockModels().stream().map(BedrockModel::modelId).toList(), BEDROCK);
	}

	private static String jumpStart(ModelAccess access, Catalog catalog) {
		return models(access, catalog.jumpStartModels().stream().map(JumpStartModel::modelId).toList(), JUMPSTART);
	}

	/**
	 * A deny list is named as written (its patterns) with the number of catalogued models it denies; an allow list by
	 * the catalogued models it lets through.
	 */
	private static String models(ModelAccess access, List<String> catalogued, ModelWording wording) {
		return switch (access.mode()) {
			case NO_RESTRICTION -> wording.unrestricted();
			case DENY_ALL -> wording.denyAll();
			case DENY_LISTED -> wording.denyListed() + listed(access.denied()) + " ("
					+ denied(matching(catalogued, access.denied()).size()) + ").";
			case ALLOW_LISTED -> {
				List<String> allowed = allowedModels(catalogued, access);
				yield allowed.isEmpty() ? wording.noneAllowed()
						: wording.allowed().apply(allowed.size()) + ": " + listed(allowed) + ".";
			}
		};
	}

	/** How many catalogued models a deny list denies, said so that the number cannot be read as the ones allowed. */
	private static String denied(int n) {
		return (n == 0) ? "it denies no catalogued model"
				: "this denies " + count(n, "catalogued model", "catalogued models");
	}

	/** The catalogued models an allow list lets through: matched by an allowed pattern and by no denied one. */
	private static List<String> allowedModels(List<String> ids, ModelAccess access) {
		List<String> denied = matching(ids, access.denied());
		return matching(ids, access.allowed()).stream().filter(Predicate.not(denied::contains)).toList();
	}

	private static List<String> matching(List<String> ids, List<String> patterns) {
		return ids.stream().filter((id) -> patterns.stream().anyMatch((p) -> ArnGlob.matches(p, id))).toList();
	}

	private static String canvasFeatures(CanvasSettings canvas) {
		Map<String, Boolean> features = new LinkedHashMap<>();
		features.put("ready-to-use models", canvas.readyToUseModels());
		features.put("generative AI with Bedrock", canvas.generativeAi());
		features.put("direct deployment", canvas.directDeployment());
		features.put("time-series forecasting", canvas.timeSeriesForecasting());
		features.put("model registration", canvas.modelRegistration());
		features.put("local file upload", canvas.localFileUpload());
		return features.entrySet()
			.stream()
			.filter(Map.Entry::getValue)
			.map(Map.Entry::getKey)
			.collect(Collectors.joining(", "));
	}

	private static String bedrockRole(Facts role) {
		if (role.bedrockRoleCreated() == null) {
			return "Bedrock assumes this role itself for Canvas fine-tuning.";
		}
		return role.bedrockRoleCreated()
				? "Creates the role " + role.bedrockRoleName() + " that Bedrock assumes for Canvas fine-tuning."
				: "Bedrock assumes the existing role " + role.bedrockRoleArn() + " for Canvas fine-tuning.";
	}

	private static String targets(CanvasTargets targets) {
		String domain = (targets.domainId() == null) ? "the domain" : "domain " + targets.domainId();
		String profiles = (targets.userProfiles().size() == 1) ? "the user profile " : "the user profiles ";
		if (targets.domainDefault() && !targets.userProfiles().isEmpty()) {
			return "The Canvas settings apply to the default user settings of " + domain + " and to " + profiles
					+ String.join(", ", targets.userProfiles()) + ".";
		}
		if (targets.domainDefault()) {
			return "The Canvas settings apply to the default user settings of " + domain + ".";
		}
		if (!targets.userProfiles().isEmpty()) {
			return "The Canvas settings apply to " + profiles + String.join(", ", targets.userProfiles()) + " of "
					+ domain + ".";
		}
		return "The Canvas settings are not applied to any domain or user profile.";
	}

	private static String evaluation(EvaluationSettings evaluation) {
		String kinds = (evaluation.automatic() && evaluation.human()) ? "automatic and human-based"
				: evaluation.automatic() ? "automatic" : "human-based";
		String runs = "Runs " + kinds + " Bedrock model evaluations in the console";
		List<String> buckets = evaluation.corsBuckets();
		if (buckets.isEmpty()) {
			return runs + "; no bucket gets a CORS rule.";
		}
		return runs + ", with CORS rules on " + ((buckets.size() == 1) ? "the bucket " : "the buckets ")
				+ String.join(", ", buckets) + ".";
	}

	private static String count(int n, String singular, String plural) {
		return String.format(Locale.ROOT, "%d %s", n, (n == 1) ? singular : plural);
	}

	/** The names, the first {@value #LISTED} of them, then "and N more". */
	static String listed(List<String> names) {
		if (names.size() <= LISTED) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
	}

}
