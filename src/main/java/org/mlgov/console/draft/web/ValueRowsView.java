package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The rows of a list of values as {@code fragments/rows.html} shows them: the texts of each row's input and remove
 * button, worked out once in Java. The fragment reads them as record components (compiled expressions) instead of
 * concatenating the field name, the index and the label in several expressions per row: a long list (a JumpStart deny
 * list of 200 ids) made the models step the slowest page of the console.
 */
@Component("valueRows")
public class ValueRowsView {

	/**
	 * One row.
	 * @param id the input's id ({@code field} and the index, as th:field would write it)
	 * @param name the input's name, which is also the field of its errors ({@code field[index]})
	 * @param value the value typed
	 * @param label the (visually hidden) label: the list's label and the row's number from 1
	 * @param remove the value of the remove button ({@code remove:field:index}, see {@link WizardAction})
	 * @param removeTitle the remove button's title
	 * @param removeLabel the remove button's accessible name
	 */
	public record Row(String id, String name, String value, String label, String remove, String removeTitle,
			String removeLabel) {
	}

	/**
	 * The rows shown for a list: one per value, or a single empty row to type in when an editable list is empty.
	 * @param field the list's field path ({@code subnetIds}, {@code activities[2].s3Buckets})
	 * @param label the list's label
	 * @param values the values, may be {@code null}
	 * @param editable whether the page is editable
	 * @return the rows
	 */
	public List<Row> of(String field, String label, List<String> values, boolean editable) {
		List<String> shown = (values == null || values.isEmpty()) ? (editable ? List.of("") : List.of()) : values;
		List<Row> rows = new ArrayList<>(shown.size());
		for (int i = 0; i < shown.size(); i++) {
			String number = Integer.toString(i + 1);
			rows.add(new Row(field + i, field + "[" + i + "]", shown.get(i), label + " " + number,
					"remove:" + field + ":" + i, "Remove row " + number, "Remove " + label + " " + number));
		}
		return rows;
	}

}
