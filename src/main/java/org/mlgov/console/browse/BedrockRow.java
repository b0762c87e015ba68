package org.mlgov.console.browse;

import org.mlgov.console.catalog.BedrockModel;

/**
 * One line of the Bedrock models table, with its texts joined and chosen in Java. The catalogue does not change
 * while the console runs, so {@link CatalogController} builds these once; the row template (about a hundred rows on
 * the unfiltered page) only reads these components instead of calling {@code #strings.listJoin} and nested ternaries.
 *
 * @param model the model, for searching and grouping
 * @param modelId its id
 * @param name its name
 * @param inputModalities its input modalities, comma separated ("TEXT, IMAGE")
 * @param outputModalities its output modalities, comma separated
 * @param inferenceTypes its inference types, comma separated, or "not observed" for none
 * @param streaming "yes", "no" or "unknown"
 * @param badgeClass the classes of the status badge
 * @param status "active" or "legacy"
 */
public record BedrockRow(BedrockModel model, String modelId, String name, String inputModalities,
		String outputModalities, String inferenceTypes, String streaming, String badgeClass, String status) {

	static BedrockRow of(BedrockModel model) {
		Boolean streaming = model.responseStreamingSupported();
		return new BedrockRow(model, model.modelId(), model.name(), String.join(", ", model.inputModalities()),
				String.join(", ", model.outputModalities()),
				model.inferenceTypes().isEmpty() ? "not observed" : String.join(", ", model.inferenceTypes()),
				(streaming == null) ? "unknown" : (streaming ? "yes" : "no"),
				model.active() ? "badge text-bg-success" : "badge text-bg-secondary",
				model.active() ? "active" : "legacy");
	}

}
