package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.RoleSpec;

/**
 * Step 1, role basics and persona: target account, Region and partition, a new role or an update of an existing one,
 * name, path, description, tags, maximum session, permissions boundary, persona. Choosing another persona
 * preselects its activities, keeping the values already entered for activities that stay selected and setting aside
 * those of the others (selecting them again restores them); the activities step then says what changed.
 */
public class BasicsFormData implements StepForm {

	private static final Set<String> FIELDS = Set.of("accountId", "region", "partition", "roleName", "rolePath",
			"description", "tags", "maxSessionDurationSeconds", "permissionsBoundaryArn", "persona");

	/** One tag row. */
	public static class TagRow {

		private String key;

		private String value;

		public TagRow() {
		}

		TagRow(String key, String value) {
			this.key = key;
			this.value = value;
		}

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		boolean blank() {
			return FormValues.text(this.key) == null && FormValues.text(this.value) == null;
		}

	}

	private long version;

	private String accountId;

	private String region;

	private String partition = "aws";

	private RoleMode roleMode = RoleMode.NEW_ROLE;

	private String roleName;

	private String rolePath;

	private String description;

	private List<TagRow> tags = new ArrayList<>();

	private Integer maxSessionDurationSeconds;

	private String permissionsBoundaryArn;

	private String persona;

	public static BasicsFormData from(DraftContent content, Catalog catalog) {
		RoleSpec spec = content.spec();
		BasicsFormData form = new BasicsFormData();
		form.accountId = spec.accountId();
		form.region = spec.region();
		form.partition = (spec.partition() == null) ? "aws" : spec.partition();
		form.roleMode = content.roleMode();
		form.roleName = spec.roleName();
		form.rolePath = spec.rolePath();
		form.description = spec.description();
		if (spec.tags() != null) {
			spec.tags().forEach((t) -> form.tags.add(new TagRow(t.key(), t.value())));
		}
		form.maxSessionDurationSeconds = spec.maxSessionDurationSeconds();
		form.permissionsBoundaryArn = spec.permissionsBoundaryArn();
		form.persona = spec.persona();
		return form;
	}

	/**
	 * This step's values; another persona than the saved one selects its activities as
	 * {@link DraftContent#withPersona} describes (values typed for activities that stay are kept, the others' set
	 * aside).
	 */
	@Override
	public DraftContent applyTo(DraftContent content, Catalog catalog) {
		DraftContent withPersona = content.withPersona(FormValues.text(this.persona), catalog);
		List<RoleSpec.Tag> tagList = new ArrayList<>();
		for (TagRow row : this.tags) {
			if (!row.blank()) {
				tagList.add(new RoleSpec.Tag(FormValues.text(row.key), (row.value == null) ? "" : row.value.strip()));
			}
		}
		RoleSpec spec = withPersona.spec()
			.toBuilder()
			.accountId(FormValues.text(this.accountId))
			.region(FormValues.text(this.region))
			.partition(FormValues.text(this.partition))
			.roleName(FormValues.text(this.roleName))
			.rolePath(FormValues.text(this.rolePath))
			.description(FormValues.text(this.description))
			.tags(tagList)
			.maxSessionDurationSeconds(this.maxSessionDurationSeconds)
			.permissionsBoundaryArn(FormValues.text(this.permissionsBoundaryArn))
			.build();
		return withPersona.withSpec(spec).withRoleMode(this.roleMode);
	}

	/** The persona's activities, with no values (what the generator uses when a specification lists none). */
	static List<RoleSpec.ActivitySelection> preselect(Catalog catalog, String personaId) {
		Persona persona = (personaId == null) ? null : catalog.persona(personaId).orElse(null);
		return (persona == null) ? List.of()
				: persona.activities().stream().map((id) -> new RoleSpec.ActivitySelection(id, Map.of())).toList();
	}

	@Override
	public boolean owns(String specField) {
		return specField.isEmpty() || FIELDS.stream().anyMatch((f) -> FormValues.startsWithField(specField, f));
	}

	@Override
	public String formField(String specField) {
		if (specField.isEmpty()) {
			return null;
		}
		// tags[i].key / tags[i].value map one to one; a problem with the whole list ("at most 50") is shown above the
		// rows, at the list.
		return specField;
	}

	@Override
	public boolean addRow(String list) {
		if (!"tags".equals(list)) {
			return false;
		}
		this.tags.add(new TagRow());
		return true;
	}

	@Override
	public boolean removeRow(String list, int index) {
		return "tags".equals(list) && FormValues.remove(this.tags, index);
	}

	@Override
	public void dropBlankRows() {
		this.tags.removeIf(TagRow::blank);
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public void setVersion(long version) {
		this.version = version;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(String accountId) {
		this.accountId = accountId;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getPartition() {
		return this.partition;
	}

	public void setPartition(String partition) {
		this.partition = partition;
	}

	public RoleMode getRoleMode() {
		return this.roleMode;
	}

	public void setRoleMode(RoleMode roleMode) {
		this.roleMode = roleMode;
	}

	public String getRoleName() {
		return this.roleName;
	}

	public void setRoleName(String roleName) {
		this.roleName = roleName;
	}

	public String getRolePath() {
		return this.rolePath;
	}

	public void setRolePath(String rolePath) {
		this.rolePath = rolePath;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<TagRow> getTags() {
		return this.tags;
	}

	public void setTags(List<TagRow> tags) {
		this.tags = (tags == null) ? new ArrayList<>() : tags;
	}

	public Integer getMaxSessionDurationSeconds() {
		return this.maxSessionDurationSeconds;
	}

	public void setMaxSessionDurationSeconds(Integer maxSessionDurationSeconds) {
		this.maxSessionDurationSeconds = maxSessionDurationSeconds;
	}

	public String getPermissionsBoundaryArn() {
		return this.permissionsBoundaryArn;
	}

	public void setPermissionsBoundaryArn(String permissionsBoundaryArn) {
		this.permissionsBoundaryArn = permissionsBoundaryArn;
	}

	public String getPersona() {
		return this.persona;
	}

	public void setPersona(String persona) {
		this.persona = persona;
	}

}
