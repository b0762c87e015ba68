package org.mlgov.console.draft;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The steps of the role wizard, in order. The path segment names the step in URLs. */
public enum WizardStep {

	BASICS("basics", "Role and persona"),
	ACTIVITIES("activities", "ML activities"),
	MODELS("models", "Generative models"),
	CANVAS("canvas", "Canvas settings"),
	COLLABORATION("collaboration", "Collaboration and evaluation"),
	SUMMARY("review", "Review");

	private final String path;

	private final String title;

	WizardStep(String path, String title) {
		this.path = path;
		this.title = title;
	}

	public String path() {
		return this.path;
	}

	/**
	 * The step's template under {@code templates/drafts/steps/}: its name in lower case ({@code summary} for the last
	 * step, whose URL segment stays {@code review}).
	 * @return the template name
	 */
	public String template() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String title() {
		return this.title;
	}

	public int number() {
		return ordinal() + 1;
	}

	public Optional<WizardStep> next() {
		return (ordinal() + 1 < values().length) ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	public Optional<WizardStep> previous() {
		return (ordinal() > 0) ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
	}

	public boolean isAfter(WizardStep other) {
		return ordinal() > other.ordinal();
	}

	public static Optional<WizardStep> fromPath(String path) {
		String p = (path == null) ? "" : path.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((s) -> s.path.equals(p)).findFirst();
	}

}
