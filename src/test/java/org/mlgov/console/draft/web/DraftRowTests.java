package org.mlgov.console.draft.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.web.Times;

import static org.assertj.core.api.Assertions.assertThat;

/** What a drafts list row shows, worked out in Java once per row. */
class DraftRowTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final Instant UPDATED = Instant.parse("2026-03-04T05:06:07Z");

	@Test
	void anOwnDraftHasItsTextsAndLinksUnderTheContextPath() {
		DraftRow row = DraftRow.of(summary(DraftStatus.DRAFT, null, List.of()), CATALOG, new Times(), "admin",
				"/console");
		assertThat(row.badgeClass()).isEqualTo("badge text-bg-secondary");
		assertThat(row.status()).isEqualTo("DRAFT");
		assertThat(row.step()).isEqualTo("3. Generative models");
		assertThat(row.updated()).isEqualTo("2026-03-04 05:06 UTC");
		assertThat(row.persona()).isNull();
		assertThat(row.decision()).isNull();
		assertThat(row.own()).isTrue();
		assertThat(row.editable()).isTrue();
		assertThat(row.deletable()).isTrue();
		assertThat(row.href()).isEqualTo("/console/drafts/7");
		assertThat(row.resumeHref()).isEqualTo("/console/drafts/7/steps/models");
		assertThat(row.reviewHref()).isEqualTo("/console/reviews/7");
	}

	@Test
	void someoneElsesDraftIsNotOwnAndLinksFromTheRoot() {
		DraftRow row = DraftRow.of(summary(DraftStatus.DRAFT, null, List.of()), CATALOG, new Times(), "admin2", "");
		assertThat(row.own()).isFalse();
		assertThat(row.href()).isEqualTo("/drafts/7");
	}

	@Test
	void theBadgeAndTheDecisionFollowTheStatus() {
		Decision approval = new Decision(1, "reviewer", Decision.Verdict.APPROVED, "fine", UPDATED);
		Decision rejection = new Decision(1, "reviewer2", Decision.Verdict.REJECTED, "too wide", UPDATED);
		DraftRow approved = DraftRow.of(summary(DraftStatus.APPROVED, 1, List.of(approval)), CATALOG, new Times(),
				"admin", "");
		assertThat(approved.badgeClass()).isEqualTo("badge text-bg-success");
		assertThat(approved.decision()).isEqualTo("Approved by reviewer");
		assertThat(approved.editable()).isFalse();
		assertThat(approved.deletable()).isFalse();
		DraftRow rejected = DraftRow.of(summary(DraftStatus.REJECTED, 1, List.of(rejection)), CATALOG, new Times(),
				"admin", "");
		assertThat(rejected.badgeClass()).isEqualTo("badge text-bg-danger");
		assertThat(rejected.decision()).isEqualTo("Rejected by reviewer2: too wide");
		DraftRow submitted = DraftRow.of(summary(DraftStatus.SUBMITTED, 1, List.of()), CATALOG, new Times(), "admin",
				"");
		assertThat(submitted.badgeClass()).isEqualTo("badge text-bg-warning");
		assertThat(submitted.decision()).isEqualTo("Waiting for review (0 of 1 approval)");
		DraftRow pushed = DraftRow.of(summary(DraftStatus.PUSHED, 1, List.of(approval)), CATALOG, new Times(), "admin",
				"");
		assertThat(pushed.badgeClass()).isEqualTo("badge text-bg-secondary");
		assertThat(pushed.status()).isEqualTo("PUSHED");
	}

	private static DraftSummary summary(DraftStatus status, Integer currentRevision, List<Decision> decisions) {
		return new DraftSummary(7, "Fraud team", "admin", null, status, WizardStep.MODELS, UPDATED, "admin", 3,
				currentRevision, 1, decisions);
	}

}
