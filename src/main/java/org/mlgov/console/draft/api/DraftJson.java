package org.mlgov.console.draft.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.WizardStep;
import org.mlgov.console.policy.RoleSpec;

/**
 * A draft as the JSON API shows it.
 *
 * @param id the draft's id
 * @param version its optimistic-lock version (the {@code version} a submission names)
 * @param status {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED}
 * @param name its name
 * @param author its author
 * @param stepReached the wizard step reached ({@code SUMMARY}: every step, ready to submit)
 * @param complete whether every step of the wizard is reached
 * @param roleMode a new role or an update of an existing one
 * @param canvasTargets where the Canvas settings apply
 * @param roleName the role it defines
 * @param accountId the account of the role
 * @param currentRevision the revision submitted last, or null
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param updatedBy who changed it last
 * @param links the wizard and the review pages, and this resource
 */
public record DraftJson(long id, long version, String status, String name, String author, String stepReached,
		boolean complete, String roleMode, CanvasTargets canvasTargets, String roleName, String accountId,
		Integer currentRevision, Instant createdAt, Instant updatedAt, String updatedBy, Map<String, String> links) {

	public static DraftJson of(Draft draft) {
		DraftContent content = draft.content();
		RoleSpec spec = content.spec();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", "/api/drafts/" + draft.id());
		links.put("wizard", "/drafts/" + draft.id() + "/steps/" + draft.stepReached().path());
		if (draft.currentRevision() != null) {
			links.put("review", "/reviews/" + draft.id());
		}
		return new DraftJson(draft.id(), draft.version(), draft.status().name(), draft.name(), draft.author(),
				draft.stepReached().name(), draft.stepReached() == WizardStep.SUMMARY, content.roleMode().name(),
				content.canvasTargets(), spec.roleName(), spec.accountId(), draft.currentRevision(), draft.createdAt(),
				draft.updatedAt(), draft.updatedBy(), links);
	}

}
