package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mlgov.console.catalog.ArnGlob;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;

import org.springframework.stereotype.Component;

/**
 * What the generative-models step shows of the catalogue: the models of each family grouped for the picker
 * (Bedrock by provider, JumpStart by family), the four modes, and how many catalogued models a choice lets Canvas
 * users use. Used in templates as {@code @modelPickers}.
 */
@Component("modelPickers")
public class ModelPickers {

	/** One mode with what it does. */
	public record Mode(AccessMode mode, String label, String explanation) {
	}

	/** One catalogue model of the picker; {@code filterText} is what the search box matches (lower case). */
	public record Option(String id, String name, boolean legacy, String filterText) {
	}

	/** The models of one provider or family. */
	public record Group(String name, List<Option> options) {

		/** How many of the group's models are among {@code picked} (the group starts open when some are). */
		public long ticked(List<String> picked) {
			return (picked == null) ? 0 : this.options.stream().filter((o) -> picked.contains(o.id())).count();
		}
	}

	/** How many of the catalogued models a choice allows and denies. */
	public record Counts(int allowed, int denied, int total) {
	}

	/**
	 * One model family as the step shows it: {@code field} is its form field, {@code verb} what Canvas users do with
	 * its models, {@code example} a pattern for the rows, {@code fineTuning} whether fine-tuning can be denied too.
	 */
	public record Family(String field, String title, String noun, String verb, String example, boolean fineTuning,
			List<Group> groups, List<String> ids) {

		/** How many catalogued models the access these values give lets Canvas users use, and how many it denies. */
		public Counts counts(ModelsFormData.ModelChoice choice) {
			ModelAccess access = choice.toAccess(this.fineTuning);
			int allowed = (int) this.ids.stream().filter((id) -> permits(access, id)).count();
			return new Counts(allowed, this.ids.size() - allowed, this.ids.size());
		}

	}

	private static final List<Mode> MODES = List.of(
			new Mode(AccessMode.NO_RESTRICTION, "No restriction", "whatever the attached policies allow"),
			new Mode(AccessMode.DENY_ALL, "Deny all", "an explicit Deny of every model"),
			new Mode(AccessMode.DENY_LISTED, "Deny these", "an explicit Deny of the models and patterns below"),
			new Mode(AccessMode.ALLOW_LISTED, "Allow only these", "an explicit Deny of everything else"));

	private final List<Family> families;

	public ModelPickers(Catalog catalog) {
		this.families = List.of(bedrock(catalog.bedrockModels()), jumpStart(catalog.jumpStartModels()));
	}

	public List<Mode> modes() {
		return MODES;
	}

	public List<Family> families() {
		return this.families;
	}

	private static Family bedrock(List<BedrockModel> models) {
		Map<String, List<Option>> byProvider = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (BedrockModel m : models) {
			byProvider.computeIfAbsent(m.provider(), (p) -> new ArrayList<>())
				.add(new Option(m.modelId(), m.name(), !m.active(), filterText(m.modelId(), m.provider(), m.name())));
		}
		return new Family(ModelsFormData.BEDROCK, "Amazon Bedrock", "Bedrock", "invoke", "cohere.command-text-*", true,
				groups(byProvider), models.stream().map(BedrockModel::modelId).toList());
	}

	private static Family jumpStart(List<JumpStartModel> models) {
		Map<String, List<Option>> byFamily = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (JumpStartModel m : models) {
			byFamily.computeIfAbsent(m.family(), (f) -> new ArrayList<>())
				.add(new Option(m.modelId(), null, false, filterText(m.modelId(), m.family(), m.familyPattern())));
		}
		return new Family(ModelsFormData.JUMP_START, "SageMaker JumpStart", "JumpStart", "deploy",
				"huggingface-llm-falcon-*", false, groups(byFamily), models.stream().map(JumpStartModel::modelId).toList());
	}

	private static List<Group> groups(Map<String, List<Option>> options) {
		return options.entrySet().stream().map((e) -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	private static String filterText(String... parts) {
		return String.join(" ", parts).toLowerCase(Locale.ROOT);
	}

	/** Whether the access lets Canvas users use the model, as the guardrail statements decide it. */
	static boolean permits(ModelAccess access, String modelId) {
		return switch (access.mode()) {
			case NO_RESTRICTION -> true;
			case DENY_ALL -> false;
			case DENY_LISTED -> !matchesAny(access.denied(), modelId);
			case ALLOW_LISTED -> matchesAny(access.allowed(), modelId) && !matchesAny(access.denied(), modelId);
		};
	}

	private static boolean matchesAny(List<String> patterns, String modelId) {
		return patterns.stream().anyMatch((p) -> ArnGlob.matches(p, modelId));
	}

}
