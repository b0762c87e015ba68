package org.mlgov.console.draft.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.BedrockRoleChoice;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;

import org.springframework.validation.Errors;

/**
 * Step 4, Canvas settings: the Canvas features (ready-to-use models, generative AI with the role Bedrock assumes,
 * direct deployment, time-series forecasting, model registration, local file upload) and where they apply: the
 * domain's default settings and/or named user profiles of the domain. The targets are kept beside the specification,
 * so this form checks them itself.
 */
public class CanvasFormData implements StepForm {

	static final String SECTION = "canvas";

	static final int MAX_USER_PROFILES = 50;

	/** SageMaker's DomainId pattern; at most 63 characters. */
	private static final Pattern DOMAIN_ID = Pattern.compile("d-(-*[a-z0-9]){1,61}");

	private static final int MAX_DOMAIN_ID = 63;

	/** SageMaker's UserProfileName pattern; at most 63 characters. */
	private static final Pattern USER_PROFILE = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

	private static final int MAX_USER_PROFILE = 63;

	private long version;

	private boolean readyToUseModels;

	private boolean generativeAi;

	private BedrockRoleChoice bedrockRole = BedrockRoleChoice.EXECUTION_ROLE;

	private String bedrockRoleArn;

	private String bedrockRoleName;

	private boolean directDeployment;

	private boolean timeSeriesForecasting;

	private String forecastRoleArn;

	private boolean modelRegistration;

	private String crossAccountModelRegisterRoleArn;

	private boolean localFileUpload;

	private String canvasBucket;

	private String domainId;

	private boolean domainDefault;

	private List<String> userProfiles = FormValues.rows(null);

	public static CanvasFormData from(DraftContent content, Catalog catalog) {
		CanvasSettings c = (content.spec().canvas() != null) ? content.spec().canvas() : CanvasSettings.none();
		CanvasFormData form = new CanvasFormData();
		form.readyToUseModels = c.readyToUseModels();
		form.generativeAi = c.generativeAi();
		form.bedrockRole = c.bedrockRole();
		form.bedrockRoleArn = c.bedrockRoleArn();
		form.bedrockRoleName = c.bedrockRoleName();
		form.directDeployment = c.directDeployment();
		form.timeSeriesForecasting = c.timeSeriesForecasting();
		form.forecastRoleArn = c.forecastRoleArn();
		form.modelRegistration = c.modelRegistration();
		form.crossAccountModelRegisterRoleArn = c.crossAccountModelRegisterRoleArn();
		form.localFileUpload = c.localFileUpload();
		form.canvasBucket = c.canvasBucket();
		CanvasTargets targets = content.canvasTargets();
		form.domainId = targets.domainId();
		form.domainDefault = targets.domainDefault();
		form.userProfiles = FormValues.rows(targets.userProfiles());
		return form;
	}

	@Override
	public DraftContent applyTo(DraftContent content, Catalog catalog) {
		RoleSpec s = content.spec();
		CanvasSettings canvas = new CanvasSettings(this.readyToUseModels, this.generativeAi, this.bedrockRole,
				FormValues.text(this.bedrockRoleArn), FormValues.text(this.bedrockRoleName), this.directDeployment,
				this.timeSeriesForecasting, FormValues.text(this.forecastRoleArn), this.modelRegistration,
				FormValues.text(this.crossAccountModelRegisterRoleArn), this.localFileUpload,
				FormValues.text(this.canvasBucket));
		RoleSpec spec = s.withCanvas(canvas);
		CanvasTargets targets = new CanvasTargets(FormValues.text(this.domainId), this.domainDefault,
				FormValues.values(this.userProfiles));
		return content.withSpec(spec).withCanvasTargets(targets);
	}

	/**
	 * Checks the targets: a domain id when anything is targeted, valid and distinct user profile names, and a target
	 * when any Canvas feature is on. The JSON API's {@code POST /api/drafts} checks its targets with this too.
	 */
	@Override
	public void validate(DraftContent applied, Errors errors) {
		CanvasTargets targets = applied.canvasTargets();
		boolean targeted = targets.domainDefault() || !targets.userProfiles().isEmpty();
		String domain = targets.domainId();
		if (domain == null) {
			if (targeted) {
				errors.rejectValue("domainId", "required",
						"Domain id is required to apply the settings to the domain or its user profiles.");
			}
		}
		else if (!isDomainId(domain)) {
			errors.rejectValue("domainId", "pattern", "Domain id " + quote(domain)
					+ " must look like d-xxxxxxxxxxxx: 'd-' then lowercase letters, digits and hyphens, at most 63 characters.");
		}
		userProfiles(targets.userProfiles(), errors);
		if (applied.spec().canvas() != null && applied.spec().canvas().anyEnabled() && !targeted) {
			errors.rejectValue("domainDefault", "target", "Choose where these Canvas settings apply: the domain's "
					+ "default settings, user profiles, or both.");
		}
	}

	private static void userProfiles(List<String> names, Errors errors) {
		if (names.size() > MAX_USER_PROFILES) {
			errors.rejectValue("userProfiles", "size", "At most " + MAX_USER_PROFILES + " user profiles (got "
					+ names.size() + "): apply the settings to the domain default instead.");
			return;
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String field = "userProfiles[" + i + "]";
			Integer first = seen.putIfAbsent(name, i);
			if (first != null) {
				errors.rejectValue(field, "duplicate", "User profile " + quote(name) + " is listed twice (also in row "
						+ (first + 1) + ").");
			}
			else if (name.length() > MAX_USER_PROFILE || !USER_PROFILE.matcher(name).matches()) {
				errors.rejectValue(field, "pattern", "User profile name " + quote(name)
						+ " may only contain letters, digits and hyphens, must start and end with a letter or a "
						+ "digit, and has at most 63 characters.");
			}
		}
	}

	private static String quote(String value) {
		return "'" + ((value.length() <= 80) ? value : value.substring(0, 80) + "…") + "'";
	}

	/** Whether the value has the form of a SageMaker domain id ({@code d-} and up to 61 more characters). */
	static boolean isDomainId(String value) {
		return value.length() <= MAX_DOMAIN_ID && DOMAIN_ID.matcher(value).matches();
	}

	/** The bucket local file upload uses: the one given, or the default Canvas bucket of the role's account. */
	public String uploadBucket(RoleSpec spec) {
		String given = FormValues.text(this.canvasBucket);
		return (given != null) ? given : defaultBucket(spec);
	}

	/** The default Canvas bucket, {@code sagemaker-<region>-<account>}, with the role's Region and account. */
	public String defaultBucket(RoleSpec spec) {
		return "sagemaker-" + ((spec.region() != null) ? spec.region() : "<region>") + "-"
				+ ((spec.accountId() != null) ? spec.accountId() : "<account>");
	}

	/**
	 * The trust policy of the role Bedrock assumes, as the preview generated it: the execution role's or the new
	 * role's; null for an existing role (nothing is changed on it) or while the preview cannot be generated.
	 */
	public String bedrockTrustJson(DraftPreview.Preview preview) {
		if (!this.generativeAi || !preview.ready()) {
			return null;
		}
		GenerationResult result = preview.result();
		return switch (this.bedrockRole) {
			case EXECUTION_ROLE -> result.role().trustPolicyJson();
			case CREATE -> (result.bedrockRole() != null) ? result.bedrockRole().trustPolicyJson() : null;
			case EXISTING -> null;
		};
	}

	@Override
	public boolean owns(String specField) {
		return FormValues.startsWithField(specField, SECTION);
	}

	@Override
	public String formField(String specField) {
		return FormValues.inSection(specField, SECTION);
	}

	@Override
	public Map<String, List<String>> textRows() {
		return Map.of("userProfiles", this.userProfiles);
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isReadyToUseModels() {
		return this.readyToUseModels;
	}

	public void setReadyToUseModels(boolean readyToUseModels) {
		this.readyToUseModels = readyToUseModels;
	}

	public boolean isGenerativeAi() {
		return this.generativeAi;
	}

	public void setGenerativeAi(boolean generativeAi) {
		this.generativeAi = generativeAi;
	}

	public BedrockRoleChoice getBedrockRole() {
		return this.bedrockRole;
	}

	public void setBedrockRole(BedrockRoleChoice bedrockRole) {
		this.bedrockRole = (bedrockRole == null) ? BedrockRoleChoice.EXECUTION_ROLE : bedrockRole;
	}

	public String getBedrockRoleArn() {
		return this.bedrockRoleArn;
	}

	public void setBedrockRoleArn(String bedrockRoleArn) {
		this.bedrockRoleArn = bedrockRoleArn;
	}

	public String getBedrockRoleName() {
		return this.bedrockRoleName;
	}

	public void setBedrockRoleName(String bedrockRoleName) {
		this.bedrockRoleName = bedrockRoleName;
	}

	public boolean isDirectDeployment() {
		return this.directDeployment;
	}

	public void setDirectDeployment(boolean directDeployment) {
		this.directDeployment = directDeployment;
	}

	public boolean isTimeSeriesForecasting() {
		return this.timeSeriesForecasting;
	}

	public void setTimeSeriesForecasting(boolean timeSeriesForecasting) {
		this.timeSeriesForecasting = timeSeriesForecasting;
	}

	public String getForecastRoleArn() {
		return this.forecastRoleArn;
	}

	public void setForecastRoleArn(String forecastRoleArn) {
		this.forecastRoleArn = forecastRoleArn;
	}

	public boolean isModelRegistration() {
		return this.modelRegistration;
	}

	public void setModelRegistration(boolean modelRegistration) {
		this.modelRegistration = modelRegistration;
	}

	public String getCrossAccountModelRegisterRoleArn() {
		return this.crossAccountModelRegisterRoleArn;
	}

	public void setCrossAccountModelRegisterRoleArn(String crossAccountModelRegisterRoleArn) {
		this.crossAccountModelRegisterRoleArn = crossAccountModelRegisterRoleArn;
	}

	public boolean isLocalFileUpload() {
		return this.localFileUpload;
	}

	public void setLocalFileUpload(boolean localFileUpload) {
		this.localFileUpload = localFileUpload;
	}

	public String getCanvasBucket() {
		return this.canvasBucket;
	}

	public void setCanvasBucket(String canvasBucket) {
		this.canvasBucket = canvasBucket;
	}

	public String getDomainId() {
		return this.domainId;
	}

	public void setDomainId(String domainId) {
		this.domainId = domainId;
	}

	public boolean isDomainDefault() {
		return this.domainDefault;
	}

	public void setDomainDefault(boolean domainDefault) {
		this.domainDefault = domainDefault;
	}

	public List<String> getUserProfiles() {
		return this.userProfiles;
	}

	public void setUserProfiles(List<String> userProfiles) {
		this.userProfiles = FormValues.rows(userProfiles);
	}

}
