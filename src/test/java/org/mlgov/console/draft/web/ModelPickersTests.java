package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.CatalogLoader;
import org.thymeleaf.spring6.util.DetailedError;

import static org.assertj.core.api.Assertions.assertThat;

/** The boxes of the models step, and the memo that shares them between pages showing the same ticks. */
class ModelPickersTests {

	private final ModelPickers pickers = new ModelPickers(CatalogLoader.loadDefault());

	private final ModelPickers.Family bedrock = this.pickers.families().get(0);

	private List<String> tickedIds(List<ModelPickers.GroupView> groups) {
		return groups.stream()
			.flatMap((g) -> g.options().stream())
			.filter(ModelPickers.OptionView::checked)
			.map(ModelPickers.OptionView::id)
			.toList();
	}

	@Test
	void pagesShowingTheSameTicksShareTheSameBoxesAndOtherTicksGetTheirOwn() {
		List<String> ids = this.bedrock.groups().get(0).options().stream().map(ModelPickers.Option::id).toList();
		List<String> picked = new ArrayList<>(ids.subList(0, 1));

		List<ModelPickers.GroupView> first = this.pickers.groupViews(this.bedrock, picked, null);
		List<ModelPickers.GroupView> again = this.pickers.groupViews(this.bedrock, new ArrayList<>(picked), null);
		picked.add(ids.get(ids.size() - 1)); // the form's list changing later changes nothing kept
		List<ModelPickers.GroupView> other = this.pickers.groupViews(this.bedrock, picked, null);

		assertThat(again).isSameAs(first);
		assertThat(tickedIds(first)).containsExactly(ids.get(0));
		assertThat(tickedIds(other)).containsExactlyInAnyOrder(ids.get(0), ids.get(ids.size() - 1));
		assertThat(first.get(0).open()).isTrue();
		assertThat(this.pickers.groupViews(this.bedrock, null, null)).isSameAs(
				this.pickers.groupViews(this.bedrock, List.of(), null));
	}

	@Test
	void withErrorsTheBoxesAreBuiltForThePageWithTheirMessages() {
		String id = this.bedrock.groups().get(0).options().get(0).id();
		List<ModelPickers.GroupView> plain = this.pickers.groupViews(this.bedrock, List.of(id), null);
		List<ModelPickers.GroupView> flagged = this.pickers.groupViews(this.bedrock, List.of(id),
				List.of(new DetailedError("bedrock.picked[0]", "Pattern", null, "Not a catalogued model.")));

		assertThat(flagged).isNotSameAs(plain);
		assertThat(flagged.get(0).options().get(0).errors()).containsExactly("Not a catalogued model.");
		assertThat(plain.get(0).options().get(0).errors()).isEmpty();
	}

	@Test
	void anIndexedEntryPostedPastTheEndLeavesNullsThatDoNotBreakTheBoxes() {
		String id = this.bedrock.groups().get(0).options().get(0).id();
		List<String> grown = Arrays.asList(null, null, id);

		assertThat(tickedIds(this.pickers.groupViews(this.bedrock, grown, null))).containsExactly(id);
	}

}
