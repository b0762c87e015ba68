package org.mlgov.console.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;

/** What a revision freezes, and the check that its documents are still what was submitted. */
class DraftRevisionTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final PolicyGenerator GENERATOR = new PolicyGenerator(CATALOG);

	private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void aRevisionKeepsTheSpecificationButNotTheWizardsSetAsideValues() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		// A persona change sets the values of deselected activities aside and leaves a notice for step 2.
		DraftContent content = new DraftContent(spec, RoleMode.NEW_ROLE, new CanvasTargets(null, false, List.of()))
			.withPersona("mlops", CATALOG);
		assertThat(content.setAside()).isNotEmpty();
		assertThat(content.personaChange()).isNotNull();

		// The documents do not matter here (the changed persona's Manage Pipelines still lacks its PassRoles).
		DraftRevision revision = DraftRevision.of(7L, 1, content, FrozenDocuments.of(GENERATOR.generate(spec),
				content.roleMode(), content.canvasTargets()), "why", "alice", AT);

		DraftContent frozen = revision.draftContent();
		assertThat(frozen.spec()).isEqualTo(content.spec());
		assertThat(frozen.roleMode()).isEqualTo(RoleMode.NEW_ROLE);
		assertThat(frozen.setAside()).isEqualTo(Map.of());
		assertThat(frozen.personaChange()).isNull();
		assertThat(revision.intact()).isTrue();
	}

	@Test
	void aRevisionWhoseDocumentsChangedIsNoLongerIntact() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		DraftRevision revision = DraftRevision.of(7L, 1, new DraftContent(spec, RoleMode.NEW_ROLE, null),
				FrozenDocuments.of(GENERATOR.generate(spec), RoleMode.NEW_ROLE, null), "why", "alice", AT);
		DraftRevision tampered = new DraftRevision(revision.id(), revision.draftId(), revision.number(),
				revision.content(), revision.documents().replace("sagemaker:", "sagemakeR:"),
				revision.documentsSha256(), revision.catalogVersion(), revision.justification(), revision.submittedBy(),
				revision.submittedAt());
		assertThat(tampered.intact()).isFalse();
	}

}
