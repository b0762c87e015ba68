package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.WizardStep;

import org.springframework.lang.Nullable;

/**
 * The list of steps beside a wizard page: the view of {@code fragments/wizard :: stepsNavView}, rendered through
 * {@code #rendered} (once per distinct value, see {@code web.RenderedFragments}). Built by
 * {@link StepLinks#nav}.
 *
 * @param defaultSubmit whether the page has the hidden default "Next" button (an editable step with a next one)
 * @param items the steps, in order
 */
public record StepsNav(boolean defaultSubmit, List<Item> items) {

	public StepsNav {
		items = List.copyOf(items);
	}

	/**
	 * One step of the list: the page's own step or one not reachable is a plain text; another reachable step is a
	 * button that saves the form and goes there ({@code gotoValue}, inside an editable draft) or a link
	 * ({@code href}).
	 * @param title the step's title
	 * @param classes the list item's classes
	 * @param current whether it is the step shown
	 * @param gotoValue the value of its button ({@code goto:<path>}), or null
	 * @param href its link, or null
	 */
	public record Item(String title, String classes, boolean current, @Nullable String gotoValue,
			@Nullable String href) {

		// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Item that
					&& Objects.equals(this.title, that.title)
					&& Objects.equals(this.classes, that.classes)
					&& this.current == that.current
					&& Objects.equals(this.gotoValue, that.gotoValue)
					&& Objects.equals(this.href, that.href));
		}

		@Override
		public int hashCode() {
			int h = Objects.hashCode(this.title);
			h = 31 * h + Objects.hashCode(this.classes);
			h = 31 * h + Boolean.hashCode(this.current);
			h = 31 * h + Objects.hashCode(this.gotoValue);
			h = 31 * h + Objects.hashCode(this.href);
			return h;
		}

	}

	static StepsNav of(WizardStep step, Draft draft, boolean editable, StepLinks links, String contextPath) {
		boolean buttons = editable && step != WizardStep.SUMMARY;
		List<Item> items = new ArrayList<>();
		for (WizardStep s : WizardStep.values()) {
			String classes = "list-group-item d-flex align-items-start"
					+ ((s == step) ? " active" : s.isAfter(draft.stepReached()) ? " text-body-tertiary" : "");
			boolean plain = s == step || !links.reachable(s, draft, editable);
			items.add(new Item(s.title(), classes, s == step, (plain || !buttons) ? null : "goto:" + s.path(),
					(plain || buttons) ? null : contextPath + "/drafts/" + draft.id() + "/steps/" + s.path()));
		}
		return new StepsNav(buttons && step.next().isPresent(), items);
	}

	// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof StepsNav that
				&& this.defaultSubmit == that.defaultSubmit
				&& Objects.equals(this.items, that.items));
	}

	@Override
	public int hashCode() {
		int h = Boolean.hashCode(this.defaultSubmit);
		h = 31 * h + Objects.hashCode(this.items);
		return h;
	}

}
