package org.mlgov.console.draft.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.Scope;

/**
 * Step 5, collaboration and evaluation: Studio Classic model sharing and its scope, and the Bedrock model-evaluation
 * console permissions (automatic, human-based), the buckets that get the evaluation CORS rule, its allowed origins
 * and the scope of the S3 permissions.
 */
public class CollaborationFormData implements StepForm {

	static final String COLLABORATION = "collaboration";

	static final String EVALUATION = "evaluation";

	/** The origin a CORS rule gets when none is given, as in the Bedrock guide's minimal rule. */
	static final String EVERY_ORIGIN = "*";

	private long version;

	private boolean studioClassicModelSharing;

	private Scope sharingScope = Scope.NARROWED;

	private boolean automatic;

	private boolean human;

	private List<String> corsBuckets = FormValues.rows(null);

	private List<String> corsAllowedOrigins = FormValues.rows(null);

	private Scope s3Scope = Scope.NARROWED;

	public static CollaborationFormData from(DraftContent content, Catalog catalog) {
		RoleSpec spec = content.spec();
		CollaborationFormData form = new CollaborationFormData();
		if (spec.collaboration() != null) {
			form.studioClassicModelSharing = spec.collaboration().studioClassicModelSharing();
			form.sharingScope = spec.collaboration().scope();
		}
		EvaluationSettings evaluation = spec.evaluation();
		if (evaluation != null) {
			form.automatic = evaluation.automatic();
			form.human = evaluation.human();
			form.corsBuckets = FormValues.rows(evaluation.corsBuckets());
			// The default origin is shown as no row, as it was entered.
			form.corsAllowedOrigins = evaluation.corsAllowedOrigins().equals(List.of(EVERY_ORIGIN))
					? FormValues.rows(null) : FormValues.rows(evaluation.corsAllowedOrigins());
			form.s3Scope = evaluation.s3Scope();
		}
		return form;
	}

	@Override
	public DraftContent applyTo(DraftContent content, Catalog catalog) {
		RoleSpec s = content.spec();
		CollaborationSettings collaboration = new CollaborationSettings(this.studioClassicModelSharing,
				this.sharingScope);
		EvaluationSettings evaluation = new EvaluationSettings(this.automatic, this.human,
				FormValues.values(this.corsBuckets), FormValues.values(this.corsAllowedOrigins), this.s3Scope);
		return content.withSpec(s.toBuilder().collaboration(collaboration).evaluation(evaluation).build());
	}

	/** True if the evaluation CORS rule allows every origin: no origin given, or {@code *} among them. */
	/**
	 * Whether the step's CORS rule would allow every origin and is used at all: model evaluation is ticked and a bucket
	 * is named (nothing is said about the origins before).
	 */
	public boolean warnsOfEveryOrigin() {
		return (this.automatic || this.human) && !FormValues.values(this.corsBuckets).isEmpty() && allowsEveryOrigin();
	}

	public boolean allowsEveryOrigin() {
		List<String> origins = FormValues.values(this.corsAllowedOrigins);
		return origins.isEmpty() || origins.contains(EVERY_ORIGIN);
	}

	@Override
	public boolean owns(String specField) {
		return FormValues.startsWithField(specField, COLLABORATION) || FormValues.startsWithField(specField, EVALUATION);
	}

	@Override
	public String formField(String specField) {
		String collaboration = FormValues.inSection(specField, COLLABORATION);
		if (collaboration != null) {
			return collaboration.equals("scope") ? "sharingScope" : collaboration;
		}
		return FormValues.inSection(specField, EVALUATION);
	}

	@Override
	public Map<String, List<String>> textRows() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		rows.put("corsBuckets", this.corsBuckets);
		rows.put("corsAllowedOrigins", this.corsAllowedOrigins);
		return rows;
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isStudioClassicModelSharing() {
		return this.studioClassicModelSharing;
	}

	public void setStudioClassicModelSharing(boolean studioClassicModelSharing) {
		this.studioClassicModelSharing = studioClassicModelSharing;
	}

	public Scope getSharingScope() {
		return this.sharingScope;
	}

	public void setSharingScope(Scope sharingScope) {
		this.sharingScope = (sharingScope == null) ? Scope.NARROWED : sharingScope;
	}

	public boolean isAutomatic() {
		return this.automatic;
	}

	public void setAutomatic(boolean automatic) {
		this.automatic = automatic;
	}

	public boolean isHuman() {
		return this.human;
	}

	public void setHuman(boolean human) {
		this.human = human;
	}

	public List<String> getCorsBuckets() {
		return this.corsBuckets;
	}

	public void setCorsBuckets(List<String> corsBuckets) {
		this.corsBuckets = FormValues.rows(corsBuckets);
	}

	public List<String> getCorsAllowedOrigins() {
		return this.corsAllowedOrigins;
	}

	public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
		this.corsAllowedOrigins = FormValues.rows(corsAllowedOrigins);
	}

	public Scope getS3Scope() {
		return this.s3Scope;
	}

	public void setS3Scope(Scope s3Scope) {
		this.s3Scope = (s3Scope == null) ? Scope.NARROWED : s3Scope;
	}

}
