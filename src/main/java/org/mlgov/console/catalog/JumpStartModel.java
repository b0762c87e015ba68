package org.mlgov.console.catalog;

/** A SageMaker JumpStart model id (public hub content name) and the family pattern it belongs to. */
public record JumpStartModel(String modelId, String family, String familyPattern, boolean fineTunable,
		String latestVersion) {
}
