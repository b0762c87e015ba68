package org.mlgov.console.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftContentJson;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the fixtures of the current stored formats, for the golden tests ({@link StoredRevisionFormatTests},
 * {@code StoredDraftContentFormatTests}): run it once when a format version is added, then commit the new files and
 * test them. It never overwrites a fixture (a fixture is what was stored then) and is not part of the suite (run it
 * with {@code -Dtest=StoredFormatFixtureWriter -DstoredFormat.writeFixtures=true}).
 */
@EnabledIfSystemProperty(named = "storedFormat.writeFixtures", matches = "true")
class StoredFormatFixtureWriter {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	@Test
	void writeTheFixturesOfTheCurrentFormats() throws Exception {
		ObjectNode example = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("docs/examples/data-scientist.json")));
		example.put("maxSessionDurationSeconds", 7200);
		example.put("permissionsBoundaryArn", "arn:aws:iam::111122223333:policy/ml-team-boundary");
		example.withArray("tags").addObject().put("key", "cost-center").put("value", "1234");
		RoleSpec spec = MAPPER.treeToValue(example, RoleSpec.class);
		CanvasTargets targets = new CanvasTargets("d-abc123def456", true, List.of("alice"));
		DraftContent content = new DraftContent(spec, RoleMode.NEW_ROLE, targets);
		GenerationResult result = new PolicyGenerator(CATALOG).generate(spec);
		assertThat(result.findings()).noneMatch((f) -> f.blocking());
		DraftRevision revision = DraftRevision.of(42L, 1, content,
				FrozenDocuments.of(result, content.roleMode(), content.canvasTargets()),
				"Data scientists of the fraud team need Studio, Canvas and Bedrock evaluation", "alice",
				Instant.parse("2026-11-23T10:15:30.123456Z"));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("_about", "A draft_revision row exactly as DraftRevisionRepository stored it in format "
				+ RevisionJson.FORMAT_VERSION + " of the documents and format " + DraftContentJson.FORMAT_VERSION
				+ " of the content. Never regenerate: frozen revisions stay as they were stored; documents_sha256 "
				+ "is the SHA-256 of the documents text.");
		row.put("id", 1);
		row.put("draft_id", revision.draftId());
		row.put("number", revision.number());
		row.put("account_id", spec.accountId());
		row.put("role_name", spec.roleName());
		row.put("content", revision.content());
		row.put("documents", revision.documents());
		row.put("documents_sha256", revision.documentsSha256());
		row.put("catalog_version", revision.catalogVersion());
		row.put("justification", revision.justification());
		row.put("submitted_by", revision.submittedBy());
		row.put("submitted_at", revision.submittedAt().toString());
		create(Path.of("src/test/resources/fixtures/revision-format-" + RevisionJson.FORMAT_VERSION + ".json"),
				MAPPER.writeValueAsString(row) + "\n");

		Map<String, List<String>> passRoles = spec.activities().get(0).parameters();
		RoleSpec mlops = spec.toBuilder()
			.persona("mlops")
			.activities(List.of(new ActivitySelection("run-studio-apps", passRoles),
					new ActivitySelection("manage-models", passRoles),
					new ActivitySelection("manage-endpoints", Map.of()),
					new ActivitySelection("manage-pipelines", passRoles),
					new ActivitySelection("visualize-experiments", Map.of())))
			.build();
		DraftContent draft = new DraftContent(mlops, RoleMode.NEW_ROLE, targets).withPersona("data-scientist",
				CATALOG);
		create(Path.of("src/test/resources/fixtures/draft-content-format-" + DraftContentJson.FORMAT_VERSION
				+ ".json"), DraftContentJson.write(draft));
	}

	private static void create(Path path, String text) throws IOException {
		if (Files.exists(path)) {
			System.out.println(path + " exists: kept as it is");
			return;
		}
		Files.writeString(path, text, StandardOpenOption.CREATE_NEW);
	}

}
