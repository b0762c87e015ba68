package org.mlgov.console.draft.web;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.draft.WizardStep;

import org.springframework.lang.Nullable;

/**
 * Everything a wizard step page shows when it is read as saved (a GET, the form built from the stored content): the
 * key under which {@code #rendered.page} keeps the page's markup (see {@code web.RenderedFragments}). The same key means
 * the same markup: the step, the draft as the header, the list of steps and the buttons show it, its stored content
 * (the form's values, the preview, the persona change), whether the viewer may edit it and is its author, the
 * "saved" and "notice" messages of the redirect that led here, the context path of the links, and what the page
 * shows besides the draft, read when the page is asked for (the Canvas step's SageMaker domains and user profiles:
 * {@link StepSupport.LiveAttributes}). A page that shows anything else (a refused form, typed values) is not read
 * through the memo.
 * <p>
 * equals and hashCode are written out (see {@code RenderedFragments}); the hash leaves out the content, which equals
 * compares last, once everything cheaper agreed.
 *
 * @param step the step shown
 * @param draftId the draft's id
 * @param version the draft's version
 * @param name the draft's name
 * @param author the draft's author
 * @param status the draft's status
 * @param reached the step the draft reached
 * @param updatedAt when the draft was saved last
 * @param content the stored content (JSON, as in the database)
 * @param editable whether the viewer may change the draft
 * @param viewerIsAuthor whether the viewer wrote it
 * @param saved the "saved" message of the redirect, or null
 * @param notice the notice of the redirect, or null
 * @param contextPath the context path links start with
 * @param live the model attributes the step adds from outside the draft (values compared with equals), or null
 */
public record StepPage(WizardStep step, long draftId, long version, String name, String author, DraftStatus status,
		WizardStep reached, Instant updatedAt, String content, boolean editable, boolean viewerIsAuthor,
		@Nullable String saved, @Nullable String notice, String contextPath, @Nullable Map<String, Object> live) {

	static StepPage of(WizardStep step, Draft draft, boolean editable, String viewer, @Nullable Object saved,
			@Nullable Object notice, String contextPath, Map<String, Object> live) {
		return new StepPage(step, draft.id(), draft.version(), draft.name(), draft.author(), draft.status(),
				draft.stepReached(), draft.updatedAt(), draft.storedContent(), editable, draft.author().equals(viewer),
				(saved != null) ? saved.toString() : null, (notice != null) ? notice.toString() : null, contextPath,
				live.isEmpty() ? null : Map.copyOf(live));
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof StepPage that
				&& this.draftId == that.draftId
				&& this.version == that.version
				&& this.step == that.step
				&& this.editable == that.editable
				&& this.viewerIsAuthor == that.viewerIsAuthor
				&& this.status == that.status
				&& this.reached == that.reached
				&& Objects.equals(this.name, that.name)
				&& Objects.equals(this.author, that.author)
				&& Objects.equals(this.updatedAt, that.updatedAt)
				&& Objects.equals(this.saved, that.saved)
				&& Objects.equals(this.notice, that.notice)
				&& Objects.equals(this.contextPath, that.contextPath)
				&& Objects.equals(this.live, that.live)
				&& Objects.equals(this.content, that.content));
	}

	@Override
	public int hashCode() {
		int hash = 31 * this.step.hashCode() + Long.hashCode(this.draftId);
		hash = 31 * hash + Long.hashCode(this.version);
		return 31 * hash + (this.editable ? 2 : 0) + (this.viewerIsAuthor ? 1 : 0);
	}

}
