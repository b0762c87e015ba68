package org.mlgov.console.draft.web;

import java.util.Objects;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.Decision;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.DraftSummary;
import org.mlgov.console.web.Times;

import org.springframework.lang.Nullable;

/**
 * One line of a drafts list, with what the template shows already worked out in Java: the status badge's classes,
 * the step and time as texts, whether the signed-in user wrote the draft, and its links. A list page renders 50 of
 * these; each expression a row evaluates (and each {@code @{...}} link it builds) is paid 50 times per request, so
 * the row template only reads these components (compiled SpEL, no reflection, no link builder).
 *
 * @param id the draft's id
 * @param name its name
 * @param author who wrote it
 * @param persona the persona's name, its id if the catalogue no longer has it, or null for none (the row shows a
 *        dash, written as an entity: a literal one would make Java build the whole page in UTF-16)
 * @param status its status ({@code DRAFT}, {@code SUBMITTED}, ...)
 * @param badgeClass the classes of the status badge ({@code badge text-bg-success} for an approved draft)
 * @param decision what the reviewers decided, or null when there is nothing to say
 * @param step the step reached as shown ("1. Role and persona")
 * @param updated when it last changed, as {@link Times#format} shows it
 * @param updatedBy who changed it last
 * @param version its optimistic-lock version (for the rename form)
 * @param own whether the signed-in user wrote it (only then are the actions shown)
 * @param editable whether it is still a draft (Resume and Rename rather than Open review)
 * @param deletable false once the draft was ever submitted (its review is kept)
 * @param href the draft (context path included), which opens its step or its review
 * @param resumeHref the step reached in the wizard
 * @param reviewHref its review page
 */
public record DraftRow(long id, String name, String author, @Nullable String persona, String status, String badgeClass,
		@Nullable String decision, String step, String updated, String updatedBy, long version, boolean own,
		boolean editable, boolean deletable, String href, String resumeHref, String reviewHref) {

	/**
	 * The row of a draft.
	 * @param draft the draft's summary
	 * @param catalog for the persona's name
	 * @param times to show when it changed
	 * @param user the signed-in user's name
	 * @param contextPath the request's context path ("" at the root), that links start with
	 * @return the row
	 */
	static DraftRow of(DraftSummary draft, Catalog catalog, Times times, String user, String contextPath) {
		String personaId = draft.persona();
		String persona = (personaId == null) ? null : catalog.persona(personaId).map(Persona::name).orElse(personaId);
		String decision = switch (draft.status()) {
			case REJECTED -> draft.lastRejection()
				.map((d) -> "Rejected by " + d.reviewer() + ": " + d.comment())
				.orElse("Rejected");
			case APPROVED, PUSHING, PUSHED, PUSH_FAILED -> "Approved by " + String.join(", ", draft.approvals().stream().map(Decision::reviewer).toList());
			case SUBMITTED -> "Waiting for review (" + draft.approvals().size() + " of " + draft.requiredApprovals()
					+ ((draft.requiredApprovals() == 1) ? " approval)" : " approvals)");
			case DRAFT -> draft.lastRejection().map((d) -> "Reworking after a rejection by " + d.reviewer()).orElse(null);
		};
		String href = contextPath + "/drafts/" + draft.id();
		return new DraftRow(draft.id(), draft.name(), draft.author(), persona, draft.status().name(),
				badgeClass(draft.status()), decision,
				draft.stepReached().number() + ". " + draft.stepReached().title(), times.format(draft.updatedAt()),
				draft.updatedBy(), draft.version(), draft.author().equals(user), draft.status() == DraftStatus.DRAFT,
				draft.isDeletableBy(draft.author()), href, href + "/steps/" + draft.stepReached().path(),
				contextPath + "/reviews/" + draft.id());
	}

	/** Green when approved, red when rejected, yellow while submitted, grey otherwise (pushing, pushed, ...). */
	static String badgeClass(DraftStatus status) {
		return switch (status) {
			case APPROVED -> "badge text-bg-success";
			case REJECTED -> "badge text-bg-danger";
			case SUBMITTED -> "badge text-bg-warning";
			default -> "badge text-bg-secondary";
		};
	}

	// equals and hashCode written out: the memo of #rendered compares views on every page (see RenderedFragments).
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof DraftRow that
				&& this.id == that.id
				&& Objects.equals(this.name, that.name)
				&& Objects.equals(this.author, that.author)
				&& Objects.equals(this.persona, that.persona)
				&& Objects.equals(this.status, that.status)
				&& Objects.equals(this.badgeClass, that.badgeClass)
				&& Objects.equals(this.decision, that.decision)
				&& Objects.equals(this.step, that.step)
				&& Objects.equals(this.updated, that.updated)
				&& Objects.equals(this.updatedBy, that.updatedBy)
				&& this.version == that.version
				&& this.own == that.own
				&& this.editable == that.editable
				&& this.deletable == that.deletable
				&& Objects.equals(this.href, that.href)
				&& Objects.equals(this.resumeHref, that.resumeHref)
				&& Objects.equals(this.reviewHref, that.reviewHref));
	}

	@Override
	public int hashCode() {
		int h = Long.hashCode(this.id);
		h = 31 * h + Objects.hashCode(this.name);
		h = 31 * h + Objects.hashCode(this.author);
		h = 31 * h + Objects.hashCode(this.persona);
		h = 31 * h + Objects.hashCode(this.status);
		h = 31 * h + Objects.hashCode(this.badgeClass);
		h = 31 * h + Objects.hashCode(this.decision);
		h = 31 * h + Objects.hashCode(this.step);
		h = 31 * h + Objects.hashCode(this.updated);
		h = 31 * h + Objects.hashCode(this.updatedBy);
		h = 31 * h + Long.hashCode(this.version);
		h = 31 * h + Boolean.hashCode(this.own);
		h = 31 * h + Boolean.hashCode(this.editable);
		h = 31 * h + Boolean.hashCode(this.deletable);
		h = 31 * h + Objects.hashCode(this.href);
		h = 31 * h + Objects.hashCode(this.resumeHref);
		h = 31 * h + Objects.hashCode(this.reviewHref);
		return h;
	}

}
