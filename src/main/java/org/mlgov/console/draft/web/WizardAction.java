package org.mlgov.console.draft.web;

import java.util.Optional;

import org.mlgov.console.draft.WizardStep;

/**
 * What a button of a wizard form asks for, from the value of its {@code _action} parameter: {@code next},
 * {@code back}, {@code save}, {@code goto:<step>}, {@code add:<list>}, {@code remove:<list>:<index>}. Anything else
 * is treated as {@code save}.
 */
record WizardAction(Kind kind, WizardStep target, String list, int index) {

	enum Kind {

		NEXT, BACK, SAVE, GOTO, ADD_ROW, REMOVE_ROW

	}

	static WizardAction parse(String raw) {
		String value = (raw == null) ? "save" : raw.strip();
		if (value.equals("next")) {
			return new WizardAction(Kind.NEXT, null, null, -1);
		}
		if (value.equals("back")) {
			return new WizardAction(Kind.BACK, null, null, -1);
		}
		if (value.startsWith("goto:")) {
			Optional<WizardStep> step = WizardStep.fromPath(value.substring(5));
			if (step.isPresent()) {
				return new WizardAction(Kind.GOTO, step.get(), null, -1);
			}
		}
		if (value.startsWith("add:") && value.length() > 4) {
			return new WizardAction(Kind.ADD_ROW, null, value.substring(4), -1);
		}
		if (value.startsWith("remove:")) {
			int colon = value.lastIndexOf(':');
			try {
				return new WizardAction(Kind.REMOVE_ROW, null, value.substring(7, colon),
						Integer.parseInt(value.substring(colon + 1)));
			}
			catch (NumberFormatException | IndexOutOfBoundsException ex) {
				return new WizardAction(Kind.SAVE, null, null, -1);
			}
		}
		return new WizardAction(Kind.SAVE, null, null, -1);
	}

	boolean editsRows() {
		return this.kind == Kind.ADD_ROW || this.kind == Kind.REMOVE_ROW;
	}

	/** True for Back and the step list: the author asked to go to another step, not to go on. */
	boolean leaves() {
		return this.kind == Kind.BACK || this.kind == Kind.GOTO;
	}

	/** The step to go to after a successful save. */
	WizardStep destination(WizardStep current) {
		return switch (this.kind) {
			case NEXT -> current.next().orElse(current);
			case BACK -> current.previous().orElse(current);
			case GOTO -> this.target;
			default -> current;
		};
	}

}
