package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.FieldError;

/**
 * What the review step shows besides the draft and its preview: the fields still to fix (each with the step that
 * owns it), or the plain-language summary and the documents.
 *
 * @param missing the fields that prevent generation (empty once the specification is complete)
 * @param summary the summary sentences (empty while the specification is incomplete)
 * @param documents the generated documents (null while the specification is incomplete)
 */
record SummaryPage(List<MissingField> missing, List<RoleSummary.Line> summary, SummaryDocuments documents) {

	/** A field to fix and the step of the wizard where it is entered. */
	public record MissingField(String field, String message, WizardStep step) {
	}

	/** The first segment of a specification field and the step that owns it; every other field is step 1's. */
	private static final Map<String, WizardStep> STEP_OF_FIELD = Map.of("activities", WizardStep.ACTIVITIES, "vpc",
			WizardStep.ACTIVITIES, "kms", WizardStep.ACTIVITIES, "bedrock", WizardStep.MODELS, "jumpStart",
			WizardStep.MODELS, "canvas", WizardStep.CANVAS, "collaboration", WizardStep.COLLABORATION, "evaluation",
			WizardStep.COLLABORATION);

	static SummaryPage of(DraftContent content, DraftPreview.Preview preview, Catalog catalog) {
		if (!preview.ready()) {
			List<MissingField> missing = preview.missing()
				.stream()
				.map((e) -> new MissingField(e.field().isEmpty() ? "specification" : e.field(), e.message(),
						stepOf(e)))
				.toList();
			return new SummaryPage(missing, List.of(), null);
		}
		return new SummaryPage(List.of(), RoleSummary.of(content, preview.result(), catalog),
				SummaryDocuments.of(preview.result()));
	}

	/**
	 * The step where a field is entered, from the first segment of its path ({@code evaluation.corsBuckets[0]} →
	 * collaboration): account, Region, partition, role, description, tags, session, boundary and persona are step 1's.
	 */
	static WizardStep stepOf(FieldError error) {
		String first = error.field().split("[.\\[]", 2)[0];
		return STEP_OF_FIELD.getOrDefault(first, WizardStep.BASICS);
	}

	public boolean ready() {
		return this.documents != null;
	}

	/** The summary sentence about a topic, or null if the summary has none. */
	public String sentence(String topic) {
		return this.summary.stream().filter((l) -> l.topic().equals(topic)).map(RoleSummary.Line::text).findFirst()
			.orElse(null);
	}

}
