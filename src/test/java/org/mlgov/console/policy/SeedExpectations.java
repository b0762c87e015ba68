package org.mlgov.console.policy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents the generator must produce for the seed scenarios: the seed pages' documents
 * ({@code src/test/resources/seeds}) with each of their defects corrected here, by name and with the reason, so that
 * the generator tests ({@link SeedGoldenTests}) and the JSON API tests expect exactly the same thing. Each method
 * returns a fresh copy that the caller may change.
 */
public final class SeedExpectations {

	/** The account of the seed scenarios (the seed pages' placeholder account of the Canvas role trust policy). */
	public static final String ACCOUNT = "111122223333";

	/** The models of the Bedrock "deny these" scenario, as full ids (the page writes shorthand ids). */
	public static final String[] BEDROCK_DENIED = { "ai21.j2-mid-v1", "cohere.command-text-*" };

	/** The patterns of the JumpStart "deny these" scenario. */
	public static final String[] JUMPSTART_DENIED = { "huggingface-textgeneration1-mpt-7b-*",
			"huggingface-text2text-flan-t5-*" };

	private SeedExpectations() {
	}

	/** Bedrock "deny all", as the page prints it. */
	public static ObjectNode bedrockDenyAll() {
		return SemanticPolicy.seed("bedrock-deny-all.json");
	}

	/**
	 * Bedrock "deny all" with fine-tuning denied too: the post's "bedrock:FineTune" does not exist in IAM;
	 * fine-tuning is {@code bedrock:CreateModelCustomizationJob}, denied by the same statement.
	 */
	public static ObjectNode bedrockDenyAllAndFineTuning() {
		ObjectNode expected = bedrockDenyAll();
		((ArrayNode) expected.at("/Statement/0/Action")).add("bedrock:CreateModelCustomizationJob");
		return expected;
	}

	/** Bedrock "deny these" for {@link #BEDROCK_DENIED}. */
	public static ObjectNode bedrockDenyListed() {
		ObjectNode expected = SemanticPolicy.seed("bedrock-deny-listed.json");
		ArrayNode resources = (ArrayNode) expected.get("Statement").get(0).get("Resource");
		resources.removeAll();
		// Correction 1: the post writes shorthand ids; a foundation-model ARN needs the full id with its provider.
		for (String model : BEDROCK_DENIED) {
			resources.add("arn:aws:bedrock:*::foundation-model/" + model);
		}
		// Correction 2: each listed model also covers the system inference profiles that route to it.
		for (String model : BEDROCK_DENIED) {
			resources.add("arn:aws:bedrock:*:" + ACCOUNT + ":inference-profile/*." + model);
		}
		return expected;
	}

	/**
	 * JumpStart "deny all". The post writes {@code "Null": {"…jumpstart-model-id": "*"}}; {@code Null} only takes
	 * {@code "true"} or {@code "false"}, and {@code "false"} means the tag is present.
	 */
	public static ObjectNode jumpStartDenyAll() {
		ObjectNode expected = SemanticPolicy.seed("jumpstart-deny-all.json");
		((ObjectNode) expected.at("/Statement/0/Condition/Null")).put(ModelGuardrails.JUMPSTART_TAG, "false");
		return expected;
	}

	/** JumpStart "deny these" for {@link #JUMPSTART_DENIED}, as the page prints it. */
	public static ObjectNode jumpStartDenyListed() {
		return SemanticPolicy.seed("jumpstart-deny-listed.json");
	}

	/** Studio Classic model sharing, as the page prints it (no Sid). */
	public static ObjectNode studioClassicSharing() {
		return SemanticPolicy.seed("studio-classic-sharing.json");
	}

	/** The console permissions of automatic model evaluation, as the page prints them (with Sids). */
	public static ObjectNode automaticEvaluation() {
		return SemanticPolicy.seed("evaluation-automatic.json");
	}

	/** Human-based evaluation: the page's human policy comes on top of the automatic one, its base. */
	public static ObjectNode humanEvaluation() {
		ObjectNode expected = automaticEvaluation();
		ArrayNode statements = (ArrayNode) expected.get("Statement");
		SemanticPolicy.seed("evaluation-human.json").get("Statement").forEach(statements::add);
		return expected;
	}

	/** The CORS rules every bucket of a console evaluation job needs, as the page prints them. */
	public static JsonNode evaluationCors() {
		return SemanticPolicy.seedArray("evaluation-cors.json");
	}

	/** The trust policy of the role the SageMaker console creates for Canvas and Bedrock. */
	public static ObjectNode canvasBedrockRoleTrust() {
		return SemanticPolicy.seed("canvas-bedrock-role-trust.json");
	}

}
