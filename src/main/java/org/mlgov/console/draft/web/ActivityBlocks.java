package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ParameterDefinition;
import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The activities step's catalogue activities as the form shows them, worked out in Java: each activity's checkbox
 * (what th:field would write), name, description and badges, and the value lists of its parameters. Each block is a
 * value rendered through {@code #rendered} (see {@link org.mlgov.console.web.RenderedFragments}), so the markup of an
 * activity whose tick, values and messages are as before is not worked out again: the step's three dozen activities
 * with their lists made it one of the two slowest pages of the console. Used in templates as {@code @activityBlocks}.
 */
@Component("activityBlocks")
public class ActivityBlocks {

	/**
	 * One activity of the form.
	 * @param id the catalogue id (the element ids derive from it)
	 * @param name the activity's name
	 * @param description what it grants
	 * @param vpc whether it has a VPC variant
	 * @param kms whether it has a KMS variant
	 * @param index the activity's row in the form ({@code activities[index]})
	 * @param selected whether it is ticked
	 * @param selectedErrors the messages of its tick
	 * @param parameters the value lists of its parameters, in catalogue order
	 */
	public record Block(String id, String name, String description, boolean vpc, boolean kms, int index,
			boolean selected, List<String> selectedErrors, List<ValueRowsView.ValueList> parameters) {

		public Block {
			selectedErrors = List.copyOf(selectedErrors);
			parameters = List.copyOf(parameters);
		}

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Block that
					&& Objects.equals(this.id, that.id)
					&& Objects.equals(this.name, that.name)
					&& Objects.equals(this.description, that.description)
					&& this.vpc == that.vpc
					&& this.kms == that.kms
					&& this.index == that.index
					&& this.selected == that.selected
					&& Objects.equals(this.selectedErrors, that.selectedErrors)
					&& Objects.equals(this.parameters, that.parameters));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.id);
			h = 31 * h + Objects.hashCode(this.name);
			h = 31 * h + Objects.hashCode(this.description);
			h = 31 * h + Boolean.hashCode(this.vpc);
			h = 31 * h + Boolean.hashCode(this.kms);
			h = 31 * h + this.index;
			h = 31 * h + Boolean.hashCode(this.selected);
			h = 31 * h + Objects.hashCode(this.selectedErrors);
			h = 31 * h + Objects.hashCode(this.parameters);
			return h;
		}

	}

	private final Catalog catalog;

	private final ValueRowsView valueRows;

	private final MessageSource messages;

	public ActivityBlocks(Catalog catalog, ValueRowsView valueRows, MessageSource messages) {
		this.catalog = catalog;
		this.valueRows = valueRows;
		this.messages = messages;
	}

	/**
	 * The blocks of one kind of activity, in the form's (the catalogue's) order.
	 * @param kind {@code ROLE_MANAGER} or {@code CANVAS}
	 * @param form the form shown
	 * @param editable whether the page is editable
	 * @param post where the value lists' buttons post the form
	 * @param errors the form's errors under {@code activities} ({@code #fields.detailedErrors('activities*')}),
	 * {@code null} for none
	 * @return the blocks
	 */
	public List<Block> of(String kind, ActivitiesFormData form, boolean editable, String post,
			List<DetailedError> errors) {
		ActivityKind wanted = ActivityKind.valueOf(kind);
		Locale locale = LocaleContextHolder.getLocale();
		List<ActivitiesFormData.ActivityRow> rows = form.getActivities();
		List<Block> blocks = new ArrayList<>();
		for (int index = 0; index < rows.size(); index++) {
			ActivitiesFormData.ActivityRow row = rows.get(index);
			ActivityDefinition activity = this.catalog.activity(row.getId()).orElse(null);
			if (activity == null || activity.kind() != wanted) {
				continue;
			}
			List<ValueRowsView.ValueList> lists = new ArrayList<>(activity.parameters().size());
			for (ParameterDefinition p : activity.parameters()) {
				String key = "activity.parameter." + p.parameter().name();
				String field = form.listField(index, p.parameter());
				String help = this.messages.getMessage(key + ".help", null, locale)
						+ (p.required() ? " At least one is required." : "");
				lists.add(this.valueRows.list(field, this.messages.getMessage(key + ".label", null, locale), help,
						this.messages.getMessage(key + ".example", null, locale), row.rows(p.parameter()), editable,
						post, null, flagged(errors, field)));
			}
			blocks.add(new Block(activity.id(), activity.name(), activity.description(), activity.supportsVpc(),
					activity.supportsKms(), index, row.isSelected(),
					messages(errors, "activities[" + index + "].selected"), lists));
		}
		return blocks;
	}

	/** The errors of one list and its rows (its field, or its field followed by an index), or null for none. */
	private static List<DetailedError> flagged(List<DetailedError> errors, String field) {
		if (errors == null) {
			return null;
		}
		return errors.stream()
			.filter((e) -> field.equals(e.getFieldName()) || e.getFieldName().startsWith(field + "["))
			.toList();
	}

	private static List<String> messages(List<DetailedError> errors, String field) {
		return (errors == null) ? List.of()
				: errors.stream().filter((e) -> field.equals(e.getFieldName())).map(DetailedError::getMessage).toList();
	}

}
