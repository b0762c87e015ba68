package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ParameterDefinition;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.EncryptionSettings;
import org.mlgov.console.policy.RoleSpec.NetworkSettings;

import org.springframework.validation.Errors;

/**
 * Step 2, ML activities, as Role Manager's "Configure ML activities": which catalogue activities the role gets, the
 * values each one takes (S3 buckets, ECR repositories, roles it may pass, Athena workgroups, Glue databases), and the
 * network (VPC) and encryption (KMS) customization, entered once and applied to every selected activity that has a
 * VPC or KMS variant.
 * <p>
 * The form has one row per catalogue activity, in catalogue order, ticked or not. The values typed for an activity
 * that is not ticked stay in the form while the page is open (unticking and ticking again loses nothing), but only
 * selected activities are saved, with the values of the parameters they take. An activity that a persona change
 * deselected shows the values it had ({@link DraftContent#setAside()}), so that ticking it again restores them.
 */
public class ActivitiesFormData implements StepForm {

	/**
	 * Each activity parameter: its key in {@link ActivitySelection#parameters()} (the name the catalogue's templates
	 * use) and the form property holding its rows.
	 */
	private enum ParameterList {

		S3_BUCKETS(ActivityParameter.S3_BUCKETS, "S3Buckets", "s3Buckets"),
		ECR_REPOSITORY_ARNS(ActivityParameter.ECR_REPOSITORY_ARNS, "ECRRepoArns", "ecrRepositoryArns"),
		PASS_ROLES(ActivityParameter.PASS_ROLES, "PassRoles", "passRoles"),
		ATHENA_WORKGROUPS(ActivityParameter.ATHENA_WORKGROUPS, "WorkGroupNames", "athenaWorkgroups"),
		GLUE_DATABASES(ActivityParameter.GLUE_DATABASES, "GlueDbNames", "glueDatabases");

		private final ActivityParameter parameter;

		private final String specKey;

		private final String property;

		ParameterList(ActivityParameter parameter, String specKey, String property) {
			this.parameter = parameter;
			this.specKey = specKey;
			this.property = property;
		}

		static ParameterList of(ActivityParameter parameter) {
			return Arrays.stream(values()).filter((l) -> l.parameter == parameter).findFirst().orElseThrow();
		}

		static Optional<ParameterList> find(Predicate<ParameterList> test) {
			return Arrays.stream(values()).filter(test).findFirst();
		}

	}

	/** The specification lists of the VPC and KMS customization and the form lists that show them. */
	private static final Map<String, String> CUSTOMIZATION_LISTS = Map.of("vpc.subnetIds", "subnetIds",
			"vpc.securityGroupIds", "securityGroupIds", "kms.dataKeyArns", "dataKeyArns", "kms.volumeKeyArns",
			"volumeKeyArns");

	/** {@code activities[i]} and what follows it, in a specification field. */
	private static final Pattern SELECTION_FIELD = Pattern.compile("activities\\[(\\d{1,4})\\](.*)");

	/** {@code .parameters.<name>} and what follows it (an index, or nothing for the whole list). */
	private static final Pattern PARAMETER_FIELD = Pattern.compile("\\.parameters\\.([A-Za-z0-9_-]+)(\\[\\d+\\])?");

	/** A row list of an activity, as named in add/remove actions: {@code activities[4].passRoles}. */
	private static final Pattern ACTIVITY_LIST = Pattern.compile("activities\\[(\\d{1,4})\\]\\.(\\w+)");

	/** One catalogue activity: whether it is selected and the rows of every parameter an activity can take. */
	public static class ActivityRow {

		private String id;

		private boolean selected;

		private final Map<ActivityParameter, List<String>> lists = new EnumMap<>(ActivityParameter.class);

		public ActivityRow() {
			for (ActivityParameter parameter : ActivityParameter.values()) {
				this.lists.put(parameter, new ArrayList<>());
			}
		}

		ActivityRow(String id) {
			this();
			this.id = id;
		}

		/** The rows of one parameter (mutable: rows are added and removed in place). */
		List<String> rows(ActivityParameter parameter) {
			return this.lists.get(parameter);
		}

		private void setRows(ActivityParameter parameter, List<String> rows) {
			this.lists.put(parameter, FormValues.rows(rows));
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public boolean isSelected() {
			return this.selected;
		}

		public void setSelected(boolean selected) {
			this.selected = selected;
		}

		public List<String> getS3Buckets() {
			return rows(ActivityParameter.S3_BUCKETS);
		}

		public void setS3Buckets(List<String> rows) {
			setRows(ActivityParameter.S3_BUCKETS, rows);
		}

		public List<String> getEcrRepositoryArns() {
			return rows(ActivityParameter.ECR_REPOSITORY_ARNS);
		}

		public void setEcrRepositoryArns(List<String> rows) {
			setRows(ActivityParameter.ECR_REPOSITORY_ARNS, rows);
		}

		public List<String> getPassRoles() {
			return rows(ActivityParameter.PASS_ROLES);
		}

		public void setPassRoles(List<String> rows) {
			setRows(ActivityParameter.PASS_ROLES, rows);
		}

		public List<String> getAthenaWorkgroups() {
			return rows(ActivityParameter.ATHENA_WORKGROUPS);
		}

		public void setAthenaWorkgroups(List<String> rows) {
			setRows(ActivityParameter.ATHENA_WORKGROUPS, rows);
		}

		public List<String> getGlueDatabases() {
			return rows(ActivityParameter.GLUE_DATABASES);
		}

		public void setGlueDatabases(List<String> rows) {
			setRows(ActivityParameter.GLUE_DATABASES, rows);
		}

	}

	private long version;

	private List<ActivityRow> activities = new ArrayList<>();

	private boolean vpcEnabled;

	private List<String> subnetIds = new ArrayList<>();

	private List<String> securityGroupIds = new ArrayList<>();

	private boolean kmsEnabled;

	private List<String> dataKeyArns = new ArrayList<>();

	private List<String> volumeKeyArns = new ArrayList<>();

	/**
	 * The form of a draft: a row per catalogue activity, selected if the specification lists it (or, when it lists
	 * none at all, if the persona brings it, as the generator does), with the values saved for its parameters. Every
	 * list starts with at least one row to type in.
	 */
	public static ActivitiesFormData from(DraftContent content, Catalog catalog) {
		RoleSpec spec = content.spec();
		List<ActivitySelection> chosen = (spec.activities() != null) ? spec.activities()
				: BasicsFormData.preselect(catalog, spec.persona());
		Map<String, ActivitySelection> byId = new LinkedHashMap<>();
		chosen.stream().filter((s) -> s != null && s.id() != null).forEach((s) -> byId.putIfAbsent(s.id(), s));
		ActivitiesFormData form = new ActivitiesFormData();
		for (ActivityDefinition activity : catalog.activities()) {
			ActivityRow row = new ActivityRow(activity.id());
			ActivitySelection selection = byId.get(activity.id());
			row.selected = selection != null;
			// An activity a persona change deselected shows the values typed for it, ready to be ticked again.
			Map<String, List<String>> values = (selection != null) ? selection.parameters()
					: content.setAside().getOrDefault(activity.id(), Map.of());
			for (ParameterDefinition parameter : activity.parameters()) {
				row.setRows(parameter.parameter(),
						FormValues.rowsToType(values.get(ParameterList.of(parameter.parameter()).specKey)));
			}
			form.activities.add(row);
		}
		NetworkSettings vpc = spec.vpc();
		form.vpcEnabled = vpc != null;
		form.subnetIds = FormValues.rowsToType((vpc != null) ? vpc.subnetIds() : null);
		form.securityGroupIds = FormValues.rowsToType((vpc != null) ? vpc.securityGroupIds() : null);
		EncryptionSettings kms = spec.kms();
		form.kmsEnabled = kms != null;
		form.dataKeyArns = FormValues.rowsToType((kms != null) ? kms.dataKeyArns() : null);
		form.volumeKeyArns = FormValues.rowsToType((kms != null) ? kms.volumeKeyArns() : null);
		return form;
	}

	/**
	 * The selected rows, in the order of the rows (the catalogue's), each with the non-blank values of the parameters
	 * its activity takes; the VPC and KMS customization, or null where it is off. The rest of the content is kept; a
	 * persona change counts as seen, and values set aside for the activities now selected are theirs again.
	 */
	@Override
	public DraftContent applyTo(DraftContent content, Catalog catalog) {
		List<ActivitySelection> selections = new ArrayList<>();
		for (ActivityRow row : selectedRows()) {
			String id = FormValues.text(row.id);
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			catalog.activity(id).ifPresent((activity) -> activity.parameters().forEach((p) -> {
				List<String> values = FormValues.values(row.rows(p.parameter()));
				if (!values.isEmpty()) {
					parameters.put(ParameterList.of(p.parameter()).specKey, values);
				}
			}));
			selections.add(new ActivitySelection(id, parameters));
		}
		NetworkSettings vpc = this.vpcEnabled
				? new NetworkSettings(FormValues.values(this.subnetIds), FormValues.values(this.securityGroupIds))
				: null;
		EncryptionSettings kms = this.kmsEnabled
				? new EncryptionSettings(FormValues.values(this.dataKeyArns), FormValues.values(this.volumeKeyArns))
				: null;
		return content.withSpec(content.spec().toBuilder().activities(selections).vpc(vpc).kms(kms).build())
			.withActivitiesReviewed();
	}

	/** The rows that become the specification's activities: selected, with an id. */
	private List<ActivityRow> selectedRows() {
		return this.activities.stream().filter((r) -> r.selected && FormValues.text(r.id) != null).toList();
	}

	/** A customization switched on with no value at all would be saved as on, yet change nothing. */
	@Override
	public void validate(DraftContent applied, Errors errors) {
		NetworkSettings vpc = applied.spec().vpc();
		if (vpc != null && !vpc.enabled()) {
			errors.rejectValue("subnetIds", "vpc",
					"Enter at least one subnet and one security group, or switch the network customization off.");
		}
		EncryptionSettings kms = applied.spec().kms();
		if (kms != null && !kms.enabled()) {
			errors.rejectValue("dataKeyArns", "kms",
					"Enter at least one data key and one volume key, or switch the encryption customization off.");
		}
	}

	@Override
	public boolean owns(String specField) {
		return FormValues.startsWithField(specField, "activities") || FormValues.startsWithField(specField, "vpc")
				|| FormValues.startsWithField(specField, "kms");
	}

	/**
	 * {@code activities[i]} of the specification is the i-th selected row, so its parameter errors go to that row's
	 * lists ({@code activities[1].parameters.PassRoles[0]} to {@code activities[4].passRoles[0]} when the second
	 * selected activity is the fifth row); VPC and KMS lists map by name, and the whole selection to the top of the
	 * activities. Errors about a whole activity go above the form.
	 */
	@Override
	public String formField(String specField) {
		for (Map.Entry<String, String> list : CUSTOMIZATION_LISTS.entrySet()) {
			if (FormValues.startsWithField(specField, list.getKey())) {
				return list.getValue() + specField.substring(list.getKey().length());
			}
		}
		if (specField.equals("activities")) {
			return "activities";
		}
		Matcher selection = SELECTION_FIELD.matcher(specField);
		if (!selection.matches()) {
			return null;
		}
		List<ActivityRow> selected = selectedRows();
		int index = Integer.parseInt(selection.group(1));
		Matcher parameter = PARAMETER_FIELD.matcher(selection.group(2));
		if (index >= selected.size() || !parameter.matches()) {
			return null;
		}
		int row = this.activities.indexOf(selected.get(index));
		String element = (parameter.group(2) != null) ? parameter.group(2) : "";
		return ParameterList.find((l) -> l.specKey.equals(parameter.group(1)))
			.map((l) -> listField(row, l.parameter) + element)
			.orElse(null);
	}

	/** The form path of an activity's parameter rows, as the page names them: {@code activities[4].passRoles}. */
	public String listField(int row, ActivityParameter parameter) {
		return "activities[" + row + "]." + ParameterList.of(parameter).property;
	}

	/** The catalogue activities selected (the page says which of them the VPC and KMS customization changes). */
	public List<ActivityDefinition> selected(Catalog catalog) {
		return selectedRows().stream().flatMap((r) -> catalog.activity(FormValues.text(r.id)).stream()).toList();
	}

	@Override
	public boolean addRow(String list) {
		List<String> rows = rowList(list);
		return rows != null && rows.add("");
	}

	@Override
	public boolean removeRow(String list, int index) {
		return FormValues.remove(rowList(list), index);
	}

	@Override
	public void dropBlankRows() {
		for (ActivityRow row : this.activities) {
			row.lists.values().forEach(FormValues::dropBlank);
		}
		customizationRows().values().forEach(FormValues::dropBlank);
	}

	/** The VPC and KMS rows by list name. */
	private Map<String, List<String>> customizationRows() {
		return Map.of("subnetIds", this.subnetIds, "securityGroupIds", this.securityGroupIds, "dataKeyArns",
				this.dataKeyArns, "volumeKeyArns", this.volumeKeyArns);
	}

	/** The rows named in an add or remove action, or null if there is no such list. */
	private List<String> rowList(String list) {
		List<String> customization = customizationRows().get(list);
		if (customization != null) {
			return customization;
		}
		Matcher matcher = ACTIVITY_LIST.matcher(list);
		if (!matcher.matches()) {
			return null;
		}
		int row = Integer.parseInt(matcher.group(1));
		Optional<ParameterList> parameter = ParameterList.find((l) -> l.property.equals(matcher.group(2)));
		return (row < this.activities.size() && parameter.isPresent())
				? this.activities.get(row).rows(parameter.get().parameter) : null;
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public void setVersion(long version) {
		this.version = version;
	}

	public List<ActivityRow> getActivities() {
		return this.activities;
	}

	public void setActivities(List<ActivityRow> activities) {
		this.activities = (activities == null) ? new ArrayList<>() : activities;
	}

	public boolean isVpcEnabled() {
		return this.vpcEnabled;
	}

	public void setVpcEnabled(boolean vpcEnabled) {
		this.vpcEnabled = vpcEnabled;
	}

	public List<String> getSubnetIds() {
		return this.subnetIds;
	}

	public void setSubnetIds(List<String> subnetIds) {
		this.subnetIds = FormValues.rows(subnetIds);
	}

	public List<String> getSecurityGroupIds() {
		return this.securityGroupIds;
	}

	public void setSecurityGroupIds(List<String> securityGroupIds) {
		this.securityGroupIds = FormValues.rows(securityGroupIds);
	}

	public boolean isKmsEnabled() {
		return this.kmsEnabled;
	}

	public void setKmsEnabled(boolean kmsEnabled) {
		this.kmsEnabled = kmsEnabled;
	}

	public List<String> getDataKeyArns() {
		return this.dataKeyArns;
	}

	public void setDataKeyArns(List<String> dataKeyArns) {
		this.dataKeyArns = FormValues.rows(dataKeyArns);
	}

	public List<String> getVolumeKeyArns() {
		return this.volumeKeyArns;
	}

	public void setVolumeKeyArns(List<String> volumeKeyArns) {
		this.volumeKeyArns = FormValues.rows(volumeKeyArns);
	}

}
