package org.mlgov.console.draft.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueRowsViewTests {

	private final ValueRowsView rows = new ValueRowsView();

	@Test
	void eachValueIsARowNamedAfterItsFieldAndIndex() {
		assertThat(this.rows.of("activities[2].s3Buckets", "S3 buckets", List.of("ml-data", "ml-output"), true))
			.containsExactly(
					new ValueRowsView.Row("activities[2].s3Buckets0", "activities[2].s3Buckets[0]", "ml-data",
							"S3 buckets 1", "remove:activities[2].s3Buckets:0", "Remove row 1", "Remove S3 buckets 1"),
					new ValueRowsView.Row("activities[2].s3Buckets1", "activities[2].s3Buckets[1]", "ml-output",
							"S3 buckets 2", "remove:activities[2].s3Buckets:1", "Remove row 2", "Remove S3 buckets 2"));
	}

	@Test
	void anEmptyEditableListShowsOneEmptyRowAndAReadOnlyOneNone() {
		assertThat(this.rows.of("subnetIds", "Subnet ids", List.of(), true)).singleElement()
			.satisfies((row) -> assertThat(row.value()).isEmpty())
			.satisfies((row) -> assertThat(row.name()).isEqualTo("subnetIds[0]"));
		assertThat(this.rows.of("subnetIds", "Subnet ids", null, true)).hasSize(1);
		assertThat(this.rows.of("subnetIds", "Subnet ids", List.of(), false)).isEmpty();
		assertThat(this.rows.of("subnetIds", "Subnet ids", List.of("subnet-1"), false)).extracting(ValueRowsView.Row::value)
			.containsExactly("subnet-1");
	}

}
