package org.mlgov.console.draft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;

/**
 * What a draft holds: the role specification the generator works from, whether it creates or updates a role, and
 * where its Canvas settings apply; besides, what the last persona change did to the activities (until the activities
 * step is saved again) and the values typed for activities that a persona change deselected, so that selecting them
 * again restores them.
 *
 * @param spec the role specification
 * @param roleMode a new role or an update of an existing one
 * @param canvasTargets where the Canvas settings apply
 * @param personaChange the persona change the activities step has not shown yet, or null
 * @param setAside the parameters of activities deselected by a persona change, by activity id; never part of the
 * specification
 */
public record DraftContent(RoleSpec spec, RoleMode roleMode, CanvasTargets canvasTargets, PersonaChange personaChange,
		Map<String, Map<String, List<String>>> setAside) {

	public DraftContent {
		roleMode = (roleMode == null) ? RoleMode.NEW_ROLE : roleMode;
		canvasTargets = (canvasTargets == null) ? CanvasTargets.none() : canvasTargets;
		setAside = (setAside == null) ? Map.of() : copy(setAside);
	}

	public DraftContent(RoleSpec spec, RoleMode roleMode, CanvasTargets canvasTargets) {
		this(spec, roleMode, canvasTargets, null, Map.of());
	}

	/** An empty draft: nothing chosen yet, the defaults of the generator apply. */
	public static DraftContent empty() {
		return new DraftContent(RoleSpec.builder().activities(List.of()).build(), RoleMode.NEW_ROLE,
				CanvasTargets.none());
	}

	public DraftContent withSpec(RoleSpec newSpec) {
		return new DraftContent(newSpec, this.roleMode, this.canvasTargets, this.personaChange, this.setAside);
	}

	public DraftContent withRoleMode(RoleMode newMode) {
		return new DraftContent(this.spec, newMode, this.canvasTargets, this.personaChange, this.setAside);
	}

	public DraftContent withCanvasTargets(CanvasTargets targets) {
		return new DraftContent(this.spec, this.roleMode, targets, this.personaChange, this.setAside);
	}

	/**
	 * The content with another persona. The new persona's activities are selected, each with the values already
	 * typed for it (selected before, or set aside by an earlier change); the values of activities no longer selected
	 * are set aside, and the change (from, to, activities added and removed) is kept for the activities step to
	 * show. Choosing the first persona of a draft, or the persona it has, changes nothing else.
	 * @param persona the persona's id (null or unknown: no activity is preselected)
	 * @param catalog the catalogue the persona's activities come from
	 * @return the content with the persona and its activities
	 */
	public DraftContent withPersona(String persona, Catalog catalog) {
		String before = this.spec.persona();
		if (Objects.equals(before, persona)) {
			return this;
		}
		List<ActivitySelection> selectedBefore = (this.spec.activities() != null) ? this.spec.activities()
				: activitiesOf(before, catalog).stream().map((id) -> new ActivitySelection(id, Map.of())).toList();
		Map<String, Map<String, List<String>>> typed = new LinkedHashMap<>(this.setAside);
		selectedBefore.stream()
			.filter((a) -> a != null && a.id() != null)
			.forEach((a) -> typed.put(a.id(), a.parameters()));
		List<String> chosen = activitiesOf(persona, catalog);
		List<ActivitySelection> selections = chosen.stream()
			.map((id) -> new ActivitySelection(id, typed.getOrDefault(id, Map.of())))
			.toList();
		Set<String> idsBefore = new LinkedHashSet<>();
		selectedBefore.stream().filter((a) -> a != null && a.id() != null).forEach((a) -> idsBefore.add(a.id()));
		Map<String, Map<String, List<String>>> aside = new LinkedHashMap<>(this.setAside);
		idsBefore.stream()
			.filter((id) -> !chosen.contains(id))
			.filter((id) -> !typed.getOrDefault(id, Map.of()).isEmpty())
			.forEach((id) -> aside.put(id, typed.get(id)));
		chosen.forEach(aside::remove);
		RoleSpec newSpec = this.spec.toBuilder().persona(persona).activities(selections).build();
		PersonaChange change = (before == null) ? null : change(before, persona, idsBefore, chosen, catalog);
		return new DraftContent(newSpec, this.roleMode, this.canvasTargets, change, aside);
	}

	/**
	 * The change to show: from the persona the activities step last showed to the new one, with the activities added
	 * and removed since then (a second change before the activities step is saved adds up with the first).
	 */
	private PersonaChange change(String before, String persona, Set<String> idsBefore, List<String> chosen,
			Catalog catalog) {
		String from = before;
		Set<String> original = new LinkedHashSet<>(idsBefore);
		if (this.personaChange != null) {
			from = this.personaChange.from();
			original.removeAll(this.personaChange.added());
			original.addAll(this.personaChange.removed());
		}
		if (Objects.equals(from, persona)) {
			return null;
		}
		List<String> catalogue = catalog.activities().stream().map(ActivityDefinition::id).toList();
		Comparator<String> inCatalogueOrder = Comparator.comparingInt(
				(id) -> catalogue.contains(id) ? catalogue.indexOf(id) : Integer.MAX_VALUE);
		List<String> added = chosen.stream().filter((id) -> !original.contains(id)).sorted(inCatalogueOrder).toList();
		List<String> removed = original.stream()
			.filter((id) -> !chosen.contains(id))
			.sorted(inCatalogueOrder)
			.toList();
		return new PersonaChange(from, persona, added, removed);
	}

	/**
	 * What a submission freezes: the specification with its role mode and Canvas targets, without the wizard's own
	 * state (a pending persona-change notice, values set aside for deselected activities), which is not part of
	 * what reviewers decide on. The draft itself keeps that state.
	 */
	public DraftContent asSubmitted() {
		return new DraftContent(this.spec, this.roleMode, this.canvasTargets, null, Map.of());
	}

	/**
	 * The content as the activities step saves it: the persona change has been shown, and values set aside for
	 * activities selected again are in the specification now.
	 */
	public DraftContent withActivitiesReviewed() {
		Map<String, Map<String, List<String>>> aside = new LinkedHashMap<>(this.setAside);
		if (this.spec.activities() != null) {
			this.spec.activities().stream().filter(Objects::nonNull).map(ActivitySelection::id).forEach(aside::remove);
		}
		return new DraftContent(this.spec, this.roleMode, this.canvasTargets, null, aside);
	}

	private static List<String> activitiesOf(String persona, Catalog catalog) {
		return (persona == null) ? List.of() : catalog.persona(persona).map(Persona::activities).orElse(List.of());
	}

	private static Map<String, Map<String, List<String>>> copy(Map<String, Map<String, List<String>>> values) {
		Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
		values.forEach((id, parameters) -> {
			Map<String, List<String>> lists = new LinkedHashMap<>();
			if (parameters != null) {
				parameters.forEach((name, list) -> lists.put(name,
						(list == null) ? List.of() : Collections.unmodifiableList(new ArrayList<>(list))));
			}
			copy.put(id, Collections.unmodifiableMap(lists));
		});
		return Collections.unmodifiableMap(copy);
	}

}
