package org.mlgov.console.draft.web;

import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftContent;

import org.springframework.validation.Errors;

/**
 * The form object of one wizard step. It is built from a draft's content, applies its values to a content (changing
 * nothing that belongs to other steps), says which fields of the specification it owns (their validation errors are
 * shown on this step) and where each error is shown, and edits its lists of values row by row.
 */
public interface StepForm {

	long getVersion();

	void setVersion(long version);

	/** The content with this step's values applied; other steps' values are kept as they are. */
	DraftContent applyTo(DraftContent content, Catalog catalog);

	/** True if an error on this specification field (a path such as {@code tags[1].key}) belongs to this step. */
	boolean owns(String specField);

	/** The form field that shows an error of a specification field, or null to show it above the form. */
	String formField(String specField);

	/** Checks beyond the specification validator (for values kept outside the specification). */
	default void validate(DraftContent applied, Errors errors) {
	}

	/**
	 * The form's lists of text rows by form field name ({@code corsBuckets}, {@code bedrock.patterns}), the lists
	 * themselves: a form that names them here needs no code of its own to add, remove and drop blank rows.
	 */
	default Map<String, List<String>> textRows() {
		return Map.of();
	}

	/** Adds an empty row to the named list; false if there is no such list. */
	default boolean addRow(String list) {
		return FormValues.addRow(textRows(), list);
	}

	/** Removes a row of the named list; false if there is no such list or row. */
	default boolean removeRow(String list, int index) {
		return FormValues.removeRow(textRows(), list, index);
	}

	/** Drops blank rows of every list before validation and saving. */
	default void dropBlankRows() {
		FormValues.dropBlankRows(textRows());
	}

}
