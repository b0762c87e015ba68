package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.mlgov.console.catalog.ArnGlob;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.stereotype.Component;

/**
 * What the generative-models step shows of the catalogue: the models of each family grouped for the picker
 * (Bedrock by provider, JumpStart by family), the four modes, and how many catalogued models a choice lets Canvas
 * users use. Used in templates as {@code @modelPickers}.
 * <p>
 * A group's boxes as a form shows them are a {@link GroupView}, a value the page renders through {@code #rendered}
 * (see {@link org.mlgov.console.web.RenderedFragments}): the markup of a group whose ticks and messages are the same
 * as before is not worked out again, so the step costs about what its other content costs rather than a dozen
 * expressions for each of some 250 catalogued models.
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
	}

	/**
	 * One provider or family of a form: {@code open} when some of its models are ticked, {@code count} its summary's
	 * count ({@code (4 models, 2 ticked)}).
	 */
	public record GroupView(String name, String count, boolean open, List<OptionView> options) {

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof GroupView that
					&& Objects.equals(this.name, that.name)
					&& Objects.equals(this.count, that.count)
					&& this.open == that.open
					&& Objects.equals(this.options, that.options));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.name);
			h = 31 * h + Objects.hashCode(this.count);
			h = 31 * h + Boolean.hashCode(this.open);
			h = 31 * h + Objects.hashCode(this.options);
			return h;
		}

	}

	/**
	 * One model's box: {@code inputId} is what th:field would give it (the family's field, {@code .picked} and a
	 * number from 1 across the family), {@code errors} the messages of the picked entry it is, if any.
	 */
	public record OptionView(String id, String name, boolean legacy, String filterText, String field, String inputId,
			boolean checked, List<String> errors) {

		public OptionView {
			errors = List.copyOf(errors);
		}

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof OptionView that
					&& Objects.equals(this.id, that.id)
					&& Objects.equals(this.name, that.name)
					&& this.legacy == that.legacy
					&& Objects.equals(this.filterText, that.filterText)
					&& Objects.equals(this.field, that.field)
					&& Objects.equals(this.inputId, that.inputId)
					&& this.checked == that.checked
					&& Objects.equals(this.errors, that.errors));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.id);
			h = 31 * h + Objects.hashCode(this.name);
			h = 31 * h + Boolean.hashCode(this.legacy);
			h = 31 * h + Objects.hashCode(this.filterText);
			h = 31 * h + Objects.hashCode(this.field);
			h = 31 * h + Objects.hashCode(this.inputId);
			h = 31 * h + Boolean.hashCode(this.checked);
			h = 31 * h + Objects.hashCode(this.errors);
			return h;
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

		/** How many catalogued models an access lets Canvas users use, and how many it denies. */
		Counts counts(ModelAccess access) {
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

	/** Counts already worked out, by family and access: a page shows the same ones on every reload. */
	private final ViewMemo<CountsKey, Counts> counts = new ViewMemo<>(256);

	private record CountsKey(String family, ModelAccess access) {
	}

	/**
	 * The group views of recently shown ticks without errors (the usual GET), by family and ticked ids: the same
	 * list object for every page that shows the same ticks, so that the memo of {@code #rendered} finds its entries
	 * by an identity check rather than comparing a thousand boxes, and the boxes are not built again.
	 */
	private final ViewMemo<GroupsKey, List<GroupView>> groupViews = new ViewMemo<>(64);

	private record GroupsKey(String family, List<String> picked) {
	}

	public ModelPickers(Catalog catalog) {
		this.families = List.of(bedrock(catalog.bedrockModels()), jumpStart(catalog.jumpStartModels()));
	}

	public List<Mode> modes() {
		return MODES;
	}

	public List<Family> families() {
		return this.families;
	}

	/**
	 * How many catalogued models the access these values give lets Canvas users use, and how many it denies,
	 * remembered: matching every catalogued model against every
	 * pattern of a long list took a tenth of the step's time on each reload.
	 * @param family the family
	 * @param choice the values of the form
	 * @return how many catalogued models the access allows and denies
	 */
	public Counts counts(Family family, ModelsFormData.ModelChoice choice) {
		ModelAccess access = choice.toAccess(family.fineTuning());
		return this.counts.get(new CountsKey(family.field(), access), (key) -> family.counts(key.access()));
	}

	/**
	 * The groups of a family as a form shows them.
	 * @param family the family
	 * @param picked the ids ticked in the form, may be {@code null}
	 * @param errors the errors of {@code <field>.picked} and its entries ({@code #fields.detailedErrors}), {@code null}
	 * for none
	 * @return the groups in catalogue order
	 */
	public List<GroupView> groupViews(Family family, List<String> picked, List<DetailedError> errors) {
		// A copy the form cannot change (it may hold nulls: an indexed entry posted past the end grows the list).
		List<String> ticked = (picked != null) ? Collections.unmodifiableList(new ArrayList<>(picked)) : List.of();
		if (errors == null) {
			return this.groupViews.get(new GroupsKey(family.field(), ticked),
					(key) -> buildGroupViews(family, key.picked(), null));
		}
		return buildGroupViews(family, ticked, errors);
	}

	private List<GroupView> buildGroupViews(Family family, List<String> ticked, List<DetailedError> errors) {
		String field = family.field() + ".picked";
		List<GroupView> views = new ArrayList<>(family.groups().size());
		int seq = 0;
		for (Group group : family.groups()) {
			List<OptionView> options = new ArrayList<>(group.options().size());
			int tickedHere = 0;
			for (Option o : group.options()) {
				int k = ticked.indexOf(o.id());
				tickedHere += (k >= 0) ? 1 : 0;
				List<String> messages = (k < 0 || errors == null) ? List.of()
						: errors.stream()
							.filter((e) -> (field + "[" + k + "]").equals(e.getFieldName()))
							.map(DetailedError::getMessage)
							.toList();
				options.add(new OptionView(o.id(), o.name(), o.legacy(), o.filterText(), field, field + (++seq), k >= 0,
						messages));
			}
			int size = group.options().size();
			String count = "(" + size + ((size == 1) ? " model" : " models")
					+ ((tickedHere > 0) ? ", " + tickedHere + " ticked" : "") + ")";
			views.add(new GroupView(group.name(), count, tickedHere > 0, List.copyOf(options)));
		}
		return List.copyOf(views);
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
