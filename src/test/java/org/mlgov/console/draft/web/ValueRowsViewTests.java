package org.mlgov.console.draft.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.util.DetailedError;

import static org.assertj.core.api.Assertions.assertThat;

class ValueRowsViewTests {

	private final ValueRowsView rows = new ValueRowsView(new ErrorLinks());

	@Test
	void eachValueIsARowNamedAfterItsFieldAndIndex() {
		ValueRowsView.ValueList list = this.rows.list("activities[2].s3Buckets", "S3 buckets", "Bucket names.",
				"my-bucket", List.of("ml-data", "ml-output"), true, "/drafts/7/steps/activities", null, null);

		assertThat(list.rows()).containsExactly(
				new ValueRowsView.Row("activities[2].s3Buckets0", "activities[2].s3Buckets[0]", "ml-data", "S3 buckets 1",
						"remove:activities[2].s3Buckets:0", "Remove row 1", "Remove S3 buckets 1", List.of()),
				new ValueRowsView.Row("activities[2].s3Buckets1", "activities[2].s3Buckets[1]", "ml-output",
						"S3 buckets 2", "remove:activities[2].s3Buckets:1", "Remove row 2", "Remove S3 buckets 2",
						List.of()));
		assertThat(list).extracting(ValueRowsView.ValueList::id, ValueRowsView.ValueList::add,
				ValueRowsView.ValueList::errorsId, ValueRowsView.ValueList::post)
			.containsExactly("rows-activities[2]-s3Buckets", "add:activities[2].s3Buckets", "activities2.s3Buckets",
					"/drafts/7/steps/activities");
	}

	@Test
	void anEmptyEditableListShowsOneEmptyRowAndAReadOnlyOneNone() {
		ValueRowsView.ValueList editable = this.rows.list("subnetIds", "Subnet ids", null, "subnet-1", List.of(), true,
				"/drafts/7/steps/activities", null, null);
		assertThat(editable.rows()).singleElement()
			.satisfies((row) -> assertThat(row.value()).isEmpty())
			.satisfies((row) -> assertThat(row.name()).isEqualTo("subnetIds[0]"));
		assertThat(editable.empty()).isFalse();
		assertThat(this.rows.list("subnetIds", "Subnet ids", null, "", null, true, "/x", null, null).rows()).hasSize(1);

		ValueRowsView.ValueList readOnly = this.rows.list("subnetIds", "Subnet ids", null, "", List.of(), false, "/x",
				null, null);
		assertThat(readOnly.rows()).isEmpty();
		assertThat(readOnly.empty()).isTrue();
		assertThat(readOnly.post()).as("no buttons, no URL").isNull();
		assertThat(this.rows.list("subnetIds", "Subnet ids", null, "", List.of("subnet-1"), false, null, null, null)
			.rows()).extracting(ValueRowsView.Row::value).containsExactly("subnet-1");
	}

	@Test
	void messagesGoToTheListOrToTheirRow() {
		List<DetailedError> errors = List.of(new DetailedError("subnetIds", "Size", null, "Give both."),
				new DetailedError("subnetIds[1]", "Pattern", null, "Starts with subnet-."),
				new DetailedError("subnetIds[1]", "Size", null, "Too long."),
				new DetailedError("subnetIdsOther", "X", null, "Not this list's."));

		ValueRowsView.ValueList list = this.rows.list("subnetIds", "Subnet ids", null, "", List.of("subnet-1", "x"),
				true, "/x", null, errors);

		assertThat(list.errors()).containsExactly("Give both.");
		assertThat(list.rows()).extracting(ValueRowsView.Row::errors)
			.containsExactly(List.of(), List.of("Starts with subnet-.", "Too long."));
	}

	@Test
	void equalListsAreEqualViews() {
		assertThat(this.rows.list("subnetIds", "Subnet ids", "h", "p", List.of("a"), true, "/x", "dl", null))
			.isEqualTo(this.rows.list("subnetIds", "Subnet ids", "h", "p", List.of("a"), true, "/x", "dl", null))
			.isNotEqualTo(this.rows.list("subnetIds", "Subnet ids", "h", "p", List.of("b"), true, "/x", "dl", null));
	}

}
