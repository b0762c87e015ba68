package org.mlgov.console.catalog;

import java.util.List;

/**
 * An Amazon Bedrock foundation model of the catalogue. {@code active} is false for models absent from the 2026
 * ListFoundationModels snapshots (legacy or end of life): they stay in the catalogue because existing policies still
 * name them.
 */
public record BedrockModel(String modelId, String provider, String name, List<String> inputModalities,
		List<String> outputModalities, Boolean responseStreamingSupported, List<String> inferenceTypes,
		boolean inferenceProfileSupported, String lifecycle, boolean active) {

	public BedrockModel {
		inputModalities = List.copyOf(inputModalities);
		outputModalities = List.copyOf(outputModalities);
		inferenceTypes = List.copyOf(inferenceTypes);
	}

}
