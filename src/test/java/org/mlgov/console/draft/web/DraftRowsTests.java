package org.mlgov.console.draft.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.web.RowList;
import org.mlgov.console.web.Times;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drafts list's rows are built once for the same summaries (the same objects) and the same user, list and context
 * path, and anew when any of them differs.
 */
class DraftRowsTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private final DraftRows rows = new DraftRows(CATALOG, new Times());

	private final List<DraftSummary> page = List.of(summary(1, "First", 3), summary(2, "Second", 1));

	@Test
	void theSameSummariesForTheSameListGiveTheRowsBuiltBefore() {
		RowList<DraftRowView> built = this.rows.of(this.page, "admin", false, "");
		assertThat(built.rows()).extracting((v) -> v.row().name()).containsExactly("First", "Second");
		assertThat(this.rows.of(List.copyOf(this.page), "admin", false, "")).isSameAs(built);
	}

	@Test
	void anEqualSummaryReadAgainIsBuiltAgain() {
		RowList<DraftRowView> built = this.rows.of(this.page, "admin", false, "");
		List<DraftSummary> readAgain = List.of(this.page.get(0), summary(2, "Second", 1));
		RowList<DraftRowView> again = this.rows.of(readAgain, "admin", false, "");
		assertThat(again).isNotSameAs(built).isEqualTo(built);
	}

	@Test
	void aChangedPageGivesItsOwnRows() {
		this.rows.of(this.page, "admin", false, "");
		List<DraftSummary> renamed = List.of(this.page.get(0), summary(2, "Second, renamed", 2));
		assertThat(this.rows.of(renamed, "admin", false, "").rows()).extracting((v) -> v.row().name())
			.containsExactly("First", "Second, renamed");
		assertThat(this.rows.of(this.page.subList(0, 1), "admin", false, "").rows()).extracting((v) -> v.row().name())
			.containsExactly("First");
	}

	@Test
	void anotherUserListOrContextPathGetsItsOwnRows() {
		RowList<DraftRowView> mine = this.rows.of(this.page, "admin", false, "");
		RowList<DraftRowView> someoneElses = this.rows.of(this.page, "admin2", false, "");
		assertThat(someoneElses.rows()).allSatisfy((v) -> assertThat(v.row().own()).isFalse());
		assertThat(mine.rows()).allSatisfy((v) -> assertThat(v.row().own()).isTrue());
		RowList<DraftRowView> all = this.rows.of(this.page, "admin", true, "");
		assertThat(all.rows()).allSatisfy((v) -> assertThat(v.withAuthor()).isTrue());
		RowList<DraftRowView> underAPath = this.rows.of(this.page, "admin", false, "/console");
		assertThat(underAPath.rows().get(0).row().href()).isEqualTo("/console/drafts/1");
		// Each kept apart: the first list is still the one built first.
		assertThat(this.rows.of(this.page, "admin", false, "")).isSameAs(mine);
	}

	@Test
	void aRefusedRenameShowsOnItsRowAndIsNotKept() {
		RowList<DraftRowView> plain = this.rows.of(this.page, "admin", false, "");
		RowList<DraftRowView> refused = this.rows.withRefusal(this.page, "admin", false, "",
				new DraftsController.RefusedRename(2, "Give the draft a name of 1 to 200 characters.", " "));
		assertThat(refused.rows().get(1).renameProblem()).isEqualTo("Give the draft a name of 1 to 200 characters.");
		assertThat(refused.rows().get(1).typedRename()).isEqualTo(" ");
		assertThat(refused.rows().get(0).renameProblem()).isNull();
		assertThat(this.rows.of(this.page, "admin", false, "")).isSameAs(plain);
	}

	private static DraftSummary summary(long id, String name, long version) {
		return new DraftSummary(id, name, "admin", null, DraftStatus.DRAFT, WizardStep.BASICS,
				Instant.parse("2026-03-04T05:06:07Z"), "admin", version, null, 1, List.of());
	}

}
