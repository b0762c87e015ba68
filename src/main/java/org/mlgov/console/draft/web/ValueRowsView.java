package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.stereotype.Component;

/**
 * A list of values as {@code fragments/rows.html} shows it, worked out once in Java: the list's texts, each row's
 * input and remove button, and the error messages of the list and of each row. The result is a value (records of
 * strings and read-only lists), so the page renders the list through {@code #rendered} (see
 * {@link org.mlgov.console.web.RenderedFragments}): a list equal to one shown before, as on every reload of a step,
 * costs a look-up instead of a dozen expressions per row. A long list (a JumpStart deny list of 200 ids) once made
 * the models step the slowest page of the console. Used in templates as {@code @valueRows}.
 */
@Component("valueRows")
public class ValueRowsView {

	private final ErrorLinks errorLinks;

	public ValueRowsView(ErrorLinks errorLinks) {
		this.errorLinks = errorLinks;
	}

	/**
	 * One list as shown.
	 * @param id the list's element id ({@code rows-} and the field with dots as dashes), also what htmx swaps
	 * @param label the list's label
	 * @param help the help under the label, may be {@code null}
	 * @param placeholder the placeholder of every row's input
	 * @param datalist the id of a {@code <datalist>} the rows offer, may be {@code null}
	 * @param editable whether the page is editable (rows with remove buttons, an "Add a row" button)
	 * @param post where the buttons post the form ({@code null} when not editable)
	 * @param add the value of the add button ({@code add:field}, see {@link WizardAction})
	 * @param errorsId the id of the list's own messages (what the error summary links to)
	 * @param errors the list's own messages (not its rows')
	 * @param rows the rows
	 */
	public record ValueList(String id, String label, String help, String placeholder, String datalist,
			boolean editable, String post, String add, String errorsId, List<String> errors, List<Row> rows) {

		/** Whether the list has no row: only a read-only empty list, which shows "None.". */
		public boolean empty() {
			return this.rows.isEmpty();
		}

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof ValueList that
					&& Objects.equals(this.id, that.id)
					&& Objects.equals(this.label, that.label)
					&& Objects.equals(this.help, that.help)
					&& Objects.equals(this.placeholder, that.placeholder)
					&& Objects.equals(this.datalist, that.datalist)
					&& this.editable == that.editable
					&& Objects.equals(this.post, that.post)
					&& Objects.equals(this.add, that.add)
					&& Objects.equals(this.errorsId, that.errorsId)
					&& Objects.equals(this.errors, that.errors)
					&& Objects.equals(this.rows, that.rows));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.id);
			h = 31 * h + Objects.hashCode(this.label);
			h = 31 * h + Objects.hashCode(this.help);
			h = 31 * h + Objects.hashCode(this.placeholder);
			h = 31 * h + Objects.hashCode(this.datalist);
			h = 31 * h + Boolean.hashCode(this.editable);
			h = 31 * h + Objects.hashCode(this.post);
			h = 31 * h + Objects.hashCode(this.add);
			h = 31 * h + Objects.hashCode(this.errorsId);
			h = 31 * h + Objects.hashCode(this.errors);
			h = 31 * h + Objects.hashCode(this.rows);
			return h;
		}

	}

	/**
	 * One row.
	 * @param id the input's id ({@code field} and the index, as th:field would write it)
	 * @param name the input's name, which is also the field of its errors ({@code field[index]})
	 * @param value the value typed
	 * @param label the (visually hidden) label: the list's label and the row's number from 1
	 * @param remove the value of the remove button ({@code remove:field:index}, see {@link WizardAction})
	 * @param removeTitle the remove button's title
	 * @param removeLabel the remove button's accessible name
	 * @param errors the row's messages (empty when it has none)
	 */
	public record Row(String id, String name, String value, String label, String remove, String removeTitle,
			String removeLabel, List<String> errors) {

		public Row {
			errors = List.copyOf(errors);
		}

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Row that
					&& Objects.equals(this.id, that.id)
					&& Objects.equals(this.name, that.name)
					&& Objects.equals(this.value, that.value)
					&& Objects.equals(this.label, that.label)
					&& Objects.equals(this.remove, that.remove)
					&& Objects.equals(this.removeTitle, that.removeTitle)
					&& Objects.equals(this.removeLabel, that.removeLabel)
					&& Objects.equals(this.errors, that.errors));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.id);
			h = 31 * h + Objects.hashCode(this.name);
			h = 31 * h + Objects.hashCode(this.value);
			h = 31 * h + Objects.hashCode(this.label);
			h = 31 * h + Objects.hashCode(this.remove);
			h = 31 * h + Objects.hashCode(this.removeTitle);
			h = 31 * h + Objects.hashCode(this.removeLabel);
			h = 31 * h + Objects.hashCode(this.errors);
			return h;
		}

	}

	/**
	 * A list as shown.
	 * @param field the list's field path ({@code subnetIds}, {@code activities[2].s3Buckets})
	 * @param label the list's label
	 * @param help the help under the label, may be {@code null}
	 * @param placeholder the placeholder of the rows' inputs
	 * @param values the values, may be {@code null}
	 * @param editable whether the page is editable
	 * @param post where the buttons post the form, may be {@code null} when not editable
	 * @param datalist the id of a {@code <datalist>} for the rows, may be {@code null}
	 * @param errors the errors of the list and its rows ({@code #fields.detailedErrors('field*')}), {@code null} for
	 * none
	 * @return the list
	 */
	public ValueList list(String field, String label, String help, String placeholder, List<String> values,
			boolean editable, String post, String datalist, List<DetailedError> errors) {
		List<DetailedError> flagged = (errors != null) ? errors : List.of();
		List<String> own = messages(flagged, field);
		List<String> shown = (values == null || values.isEmpty()) ? (editable ? List.of("") : List.of()) : values;
		List<Row> rows = new ArrayList<>(shown.size());
		for (int i = 0; i < shown.size(); i++) {
			String number = Integer.toString(i + 1);
			String name = field + "[" + i + "]";
			rows.add(new Row(field + i, name, shown.get(i), label + " " + number, "remove:" + field + ":" + i,
					"Remove row " + number, "Remove " + label + " " + number,
					flagged.isEmpty() ? List.of() : messages(flagged, name)));
		}
		return new ValueList("rows-" + field.replace('.', '-'), label, help, placeholder, datalist, editable,
				editable ? post : null, "add:" + field, this.errorLinks.id(field), own, List.copyOf(rows));
	}

	private static List<String> messages(List<DetailedError> errors, String field) {
		return errors.stream().filter((e) -> field.equals(e.getFieldName())).map(DetailedError::getMessage).toList();
	}

}
