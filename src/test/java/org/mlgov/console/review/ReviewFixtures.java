package org.mlgov.console.review;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.TestSpecs;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Drafts in each state of the security review, made through the use cases as their users make them (each call runs
 * signed in as that user), for web and service tests.
 */
public final class ReviewFixtures {

	private final DraftService drafts;

	private final ReviewService reviews;

	public ReviewFixtures(DraftService drafts, ReviewService reviews) {
		this.drafts = drafts;
		this.reviews = reviews;
	}

	/** A draft of {@code author} that went through every step with {@link TestSpecs#dataScientistEverything()}. */
	public Draft finished(String author, String name) {
		return finished(author, name, TestSpecs.dataScientistEverything());
	}

	/** A draft of {@code author} that went through every step with the given specification. */
	public Draft finished(String author, String name, RoleSpec spec) {
		return as(author, () -> {
			Draft draft = this.drafts.start(name, author);
			DraftContent content = new DraftContent(spec, RoleMode.NEW_ROLE,
					new CanvasTargets("d-abc123def456", true, List.of()));
			for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS,
					WizardStep.CANVAS, WizardStep.COLLABORATION)) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), author);
			}
			return draft;
		}, "ADMIN");
	}

	/** A draft of {@code author} that went through every step with the given specification and Canvas targets. */
	public Draft finished(String author, String name, RoleSpec spec, CanvasTargets targets) {
		return as(author, () -> {
			Draft draft = this.drafts.start(name, author);
			DraftContent content = new DraftContent(spec, RoleMode.NEW_ROLE, targets);
			for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS,
					WizardStep.CANVAS, WizardStep.COLLABORATION)) {
				draft = this.drafts.saveStep(draft.id(), step, content, draft.version(), author);
			}
			return draft;
		}, "ADMIN");
	}

	/** A finished draft submitted by its author and approved by {@code reviewer}: ready to push. */
	public Draft approved(Draft finished, String reviewer) {
		String author = finished.author();
		int revision = as(author,
				() -> this.reviews.submit(finished.id(), "Needed by " + finished.name(), finished.version(), author),
				"ADMIN")
			.number();
		return as(reviewer, () -> this.reviews.approve(finished.id(), revision, "fine", reviewer), "REVIEWER");
	}

	/** A finished draft submitted by its author as revision 1. */
	public Draft submitted(String author, String name) {
		Draft draft = finished(author, name);
		as(author, () -> this.reviews.submit(draft.id(), "Needed by " + name, draft.version(), author),
				"ADMIN");
		return as(author, () -> this.drafts.getForReading(draft.id()), "ADMIN");
	}

	/** A submitted draft that {@code reviewer} rejected. */
	public Draft rejected(String author, String name, String reviewer) {
		Draft draft = submitted(author, name);
		return as(reviewer, () -> this.reviews.reject(draft.id(), draft.currentRevision(), "Too wide", reviewer), "REVIEWER");
	}

	/** A rejected draft that its author took back to editing (it has revision 1 and is a DRAFT again). */
	public Draft reworked(String author, String name, String reviewer) {
		Draft draft = rejected(author, name, reviewer);
		return as(author, () -> this.reviews.rework(draft.id(), author), "ADMIN");
	}

	/**
	 * Runs an action signed in as a user with the given roles, then restores the previous sign-in.
	 * @param user the user name
	 * @param action what to run
	 * @param roles the roles, without {@code ROLE_}
	 * @return what the action returned
	 */
	public static <T> T as(String user, Supplier<T> action, String... roles) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
				AuthorityUtils.createAuthorityList(Arrays.stream(roles).map((r) -> "ROLE_" + r).toList())));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
