package org.mlgov.console.draft.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memo of {@link DraftPreview#ofSaved}: a saved content is generated once while it stays among the recently shown
 * ones; another content, or unsaved values, are generated anew.
 */
class DraftPreviewMemoTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private final DraftPreview preview = new DraftPreview(new PolicyGenerator(CATALOG));

	private static Draft saved(String roleName) {
		DraftContent content = DraftContent.empty()
			.withSpec(TestSpecs.everyActivity(roleName, 3, null, null));
		return Draft.complete("Team " + roleName, "alice", content, Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void theSameSavedContentIsGeneratedOnce() {
		Draft draft = saved("SageMaker-Memo");
		DraftPreview.Preview first = this.preview.ofSaved(draft, draft.content());
		// The same text loaded again (another request) is the same content.
		Draft again = saved("SageMaker-Memo");
		DraftPreview.Preview second = this.preview.ofSaved(again, again.content());

		assertThat(first.ready()).isTrue();
		assertThat(second.result()).isSameAs(first.result());
		assertThat(second.result().role().name()).isEqualTo("SageMaker-Memo");
	}

	@Test
	void anotherContentAndUnsavedValuesAreGeneratedAgain() {
		Draft draft = saved("SageMaker-Memo");
		GenerationResult memo = this.preview.ofSaved(draft, draft.content()).result();
		Draft other = saved("SageMaker-Other");

		assertThat(this.preview.ofSaved(other, other.content()).result().role().name()).isEqualTo("SageMaker-Other");
		assertThat(this.preview.of(draft.content()).result()).isNotSameAs(memo).isEqualTo(memo);
		assertThat(this.preview.ofSaved(draft, draft.content()).result()).isSameAs(memo);
	}

	@Test
	void aSavedContentsPanelViewIsTheSameObjectEveryTimeAndEqualToAnUnsavedOneOfTheSameValues() {
		// What #rendered keys the preview's documents by: for a saved content, an identity check per page.
		Draft draft = saved("SageMaker-Memo");
		DraftPreview.Preview first = this.preview.ofSaved(draft, draft.content());
		DraftPreview.Preview second = this.preview.ofSaved(draft, draft.content());
		DraftPreview.Preview unsaved = this.preview.of(draft.content());
		Draft other = saved("SageMaker-Other");

		assertThat(first.saved()).isTrue();
		assertThat(unsaved.saved()).isFalse();
		assertThat(second.documents()).isSameAs(first.documents());
		assertThat(unsaved.documents()).isNotSameAs(first.documents()).isEqualTo(first.documents())
			.hasSameHashCodeAs(first.documents());
		assertThat(this.preview.ofSaved(other, other.content()).documents()).isNotEqualTo(first.documents());
		assertThat(first.documents().result()).isSameAs(first.result());
		assertThat(first.documents().attachedPolicyQuota()).isEqualTo(first.attachedPolicyQuota());
	}

	@Test
	void anIncompleteContentIsRememberedWithWhatItMisses() {
		Draft draft = Draft.complete("Empty", "alice", DraftContent.empty(), Instant.parse("2026-01-01T00:00:00Z"));
		DraftPreview.Preview first = this.preview.ofSaved(draft, draft.content());
		DraftPreview.Preview second = this.preview.ofSaved(draft, draft.content());

		assertThat(first.ready()).isFalse();
		assertThat(first.documents()).isNull();
		assertThat(first.missing()).extracting((e) -> e.field()).contains("accountId", "region", "roleName");
		assertThat(second.missing()).isSameAs(first.missing());
	}

	@Test
	void theMemoKeepsOnlyTheMostRecentlyShownContents() {
		Draft first = saved("SageMaker-First");
		GenerationResult firstResult = this.preview.ofSaved(first, first.content()).result();
		Draft recent = null;
		GenerationResult recentResult = null;
		for (int i = 0; i < DraftPreview.MEMO_SIZE; i++) {
			recent = saved("SageMaker-" + i);
			recentResult = this.preview.ofSaved(recent, recent.content()).result();
		}

		assertThat(this.preview.ofSaved(recent, recent.content()).result()).as("a recent one is kept")
			.isSameAs(recentResult);
		assertThat(this.preview.ofSaved(first, first.content()).result()).as("the first was evicted")
			.isNotSameAs(firstResult)
			.isEqualTo(firstResult);
	}

	@Test
	void aRememberedResultCannotBeChangedByItsReaders() {
		Draft draft = saved("SageMaker-Memo");
		GenerationResult result = this.preview.ofSaved(draft, draft.content()).result();

		assertThatThrownBy(() -> result.policies().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> result.policies().get(0).document().statements().get(0).conditions().clear())
			.isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> result.cors().get(0).rules().get(0).allowedOrigins().clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

}
