package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ModelAccess;

/**
 * Step 3, generative models: for Bedrock and for JumpStart, the access mode, the catalogue models ticked in the picker
 * and patterns typed as rows (together the list the mode names: denied with "Deny these", allowed with "Allow only
 * these"), and, with "Allow only these", models denied inside the allow list. Bedrock also says whether fine-tuning of
 * the governed models is denied.
 */
public class ModelsFormData implements StepForm {

	static final String BEDROCK = "bedrock";

	static final String JUMP_START = "jumpStart";

	/** The form of one model family. */
	public static class ModelChoice {

		private AccessMode mode = AccessMode.NO_RESTRICTION;

		private List<String> picked = new ArrayList<>();

		private List<String> patterns = new ArrayList<>();

		private List<String> exceptions = new ArrayList<>();

		private Boolean denyFineTuning = Boolean.TRUE;

		/** The saved access split into catalogue models (the picker) and other entries (the pattern rows). */
		static ModelChoice from(ModelAccess access, Predicate<String> catalogued) {
			ModelChoice choice = new ModelChoice();
			if (access == null) {
				return choice;
			}
			choice.mode = access.mode();
			List<String> named = (access.mode() == AccessMode.ALLOW_LISTED) ? access.allowed() : access.denied();
			for (String entry : named) {
				(catalogued.test(entry) ? choice.picked : choice.patterns).add(entry);
			}
			if (access.mode() == AccessMode.ALLOW_LISTED) {
				choice.exceptions.addAll(access.denied());
			}
			choice.denyFineTuning = access.fineTuningDenied();
			return choice;
		}

		/**
		 * The access these values give. Modes that name no models keep both lists empty, whatever is ticked;
		 * {@code fineTuning} is false for families without fine-tuning (the setting stays unset).
		 */
		ModelAccess toAccess(boolean fineTuning) {
			Boolean denyTuning = fineTuning ? Boolean.TRUE.equals(this.denyFineTuning) : null;
			List<String> named = named();
			return switch (this.mode) {
				case NO_RESTRICTION, DENY_ALL -> new ModelAccess(this.mode, List.of(), List.of(), denyTuning);
				case DENY_LISTED -> new ModelAccess(this.mode, List.of(), named, denyTuning);
				case ALLOW_LISTED -> new ModelAccess(this.mode, named, FormValues.values(this.exceptions), denyTuning);
			};
		}

		/** The list the mode names: the ticked models first, then the patterns. */
		private List<String> named() {
			List<String> named = new ArrayList<>(this.picked);
			named.addAll(FormValues.values(this.patterns));
			return named;
		}

		/**
		 * The form field that shows an error of this family's specification field ({@code allowed[3]},
		 * {@code denied}): the ticked model or the pattern row of that entry, or the exceptions; null above the form.
		 */
		String formField(String prefix, String field) {
			String namedList = (this.mode == AccessMode.ALLOW_LISTED) ? "allowed" : "denied";
			if (FormValues.startsWithField(field, namedList)) {
				int index = FormValues.index(field, namedList);
				if (index < 0) {
					return prefix + ".picked";
				}
				int picks = this.picked.size();
				return (index < picks) ? prefix + ".picked[" + index + "]"
						: prefix + ".patterns[" + (index - picks) + "]";
			}
			if (this.mode == AccessMode.ALLOW_LISTED && FormValues.startsWithField(field, "denied")) {
				int index = FormValues.index(field, "denied");
				return (index < 0) ? prefix + ".exceptions" : prefix + ".exceptions[" + index + "]";
			}
			return null;
		}

		public AccessMode getMode() {
			return this.mode;
		}

		public void setMode(AccessMode mode) {
			this.mode = (mode == null) ? AccessMode.NO_RESTRICTION : mode;
		}

		public List<String> getPicked() {
			return this.picked;
		}

		public void setPicked(List<String> picked) {
			// Each ticked model once, so that every entry of the saved list has its own checkbox to show its error.
			this.picked = new ArrayList<>(new LinkedHashSet<>(FormValues.values(picked)));
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = FormValues.rows(patterns);
		}

		public List<String> getExceptions() {
			return this.exceptions;
		}

		public void setExceptions(List<String> exceptions) {
			this.exceptions = FormValues.rows(exceptions);
		}

		public Boolean getDenyFineTuning() {
			return this.denyFineTuning;
		}

		public void setDenyFineTuning(Boolean denyFineTuning) {
			this.denyFineTuning = denyFineTuning;
		}

	}

	private long version;

	private ModelChoice bedrock = new ModelChoice();

	private ModelChoice jumpStart = new ModelChoice();

	public static ModelsFormData from(DraftContent content, Catalog catalog) {
		RoleSpec spec = content.spec();
		ModelsFormData form = new ModelsFormData();
		form.bedrock = ModelChoice.from(spec.bedrock(), (id) -> catalog.bedrockModel(id).isPresent());
		form.jumpStart = ModelChoice.from(spec.jumpStart(), (id) -> catalog.jumpStartModel(id).isPresent());
		return form;
	}

	@Override
	public DraftContent applyTo(DraftContent content, Catalog catalog) {
		return content.withSpec(content.spec()
			.toBuilder()
			.bedrock(this.bedrock.toAccess(true))
			.jumpStart(this.jumpStart.toAccess(false))
			.build());
	}

	@Override
	public boolean owns(String specField) {
		return FormValues.startsWithField(specField, BEDROCK) || FormValues.startsWithField(specField, JUMP_START);
	}

	@Override
	public String formField(String specField) {
		String bedrockField = FormValues.inSection(specField, BEDROCK);
		if (bedrockField != null) {
			return this.bedrock.formField(BEDROCK, bedrockField);
		}
		String jumpStartField = FormValues.inSection(specField, JUMP_START);
		return (jumpStartField != null) ? this.jumpStart.formField(JUMP_START, jumpStartField) : null;
	}

	@Override
	public Map<String, List<String>> textRows() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		rows.put(BEDROCK + ".patterns", this.bedrock.patterns);
		rows.put(BEDROCK + ".exceptions", this.bedrock.exceptions);
		rows.put(JUMP_START + ".patterns", this.jumpStart.patterns);
		rows.put(JUMP_START + ".exceptions", this.jumpStart.exceptions);
		return rows;
	}

	/** The form of a family by its field name, for templates that show both families alike. */
	public ModelChoice choice(String family) {
		return BEDROCK.equals(family) ? this.bedrock : this.jumpStart;
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public void setVersion(long version) {
		this.version = version;
	}

	public ModelChoice getBedrock() {
		return this.bedrock;
	}

	public void setBedrock(ModelChoice bedrock) {
		this.bedrock = (bedrock == null) ? new ModelChoice() : bedrock;
	}

	public ModelChoice getJumpStart() {
		return this.jumpStart;
	}

	public void setJumpStart(ModelChoice jumpStart) {
		this.jumpStart = (jumpStart == null) ? new ModelChoice() : jumpStart;
	}

}
