package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mlgov.console.policy.BedrockRoleDefinition;
import org.mlgov.console.policy.BucketCors;
import org.mlgov.console.policy.Finding;
import org.mlgov.console.policy.GeneratedPolicy;
import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.IamQuotas;
import org.mlgov.console.policy.Json;
import org.mlgov.console.policy.PolicyDocument;
import org.mlgov.console.policy.PolicyKind;
import org.mlgov.console.policy.PolicyRendering;
import org.mlgov.console.policy.Severity;

/**
 * The generated documents of a draft as the review step shows and downloads them: each under the name it is
 * downloaded by, policies statement by statement with the findings of each statement beside it, and the findings
 * grouped by severity with a link to the statement or document they concern.
 * <p>
 * Findings name their document the generator's way ({@code trust}, a policy name, {@code bedrock-role-trust},
 * {@code cors:<bucket>}); a statement's anchor is {@code stmt-<that name>-<Sid>}.
 */
final class SummaryDocuments {

	/** One statement of a policy, pretty-printed, with its findings. */
	record StatementView(String sid, String anchor, String json, List<FindingView> findings) {
	}

	/**
	 * One downloadable document. {@code quota} is 0 for documents IAM does not size (CanvasAppSettings, CORS rules);
	 * {@code statements} is empty for documents that are not IAM policies. {@code measured} is what IAM counts
	 * against the quota: the document's own {@code size}, except for an inline policy of a role with several, where
	 * the quota is the role's inline aggregate and counts all of them together.
	 */
	record DocumentView(String name, String findingKey, String title, String kind, String json, int size, int quota,
			int measured, List<StatementView> statements, List<FindingView> findings) {

		DocumentView(String name, String findingKey, String title, String kind, String json, int size, int quota,
				List<StatementView> statements, List<FindingView> findings) {
			this(name, findingKey, title, kind, json, size, quota, size, statements, findings);
		}

		public boolean sized() {
			return this.quota > 0;
		}

		/**
		 * The share of the quota used, in whole percent: rounded down within the quota and up beyond it, so that it
		 * reads 100 only when the document is exactly at its quota, never when it is just under or just over.
		 */
		public int percent() {
			long scaled = 100L * this.measured;
			return (int) ((this.measured > this.quota) ? (scaled + this.quota - 1) / this.quota
					: scaled / this.quota);
		}

		/** Width of the size bar: full when the quota is exceeded. */
		public int barWidth() {
			return Math.min(100, percent());
		}

		/** The Bootstrap colour of the size bar: warning from 90 % of the quota, danger above it. */
		public String barClass() {
			if (this.measured > this.quota) {
				return "bg-danger";
			}
			return (this.measured >= this.quota * IamQuotas.NEAR_QUOTA) ? "bg-warning" : "";
		}

		public String sizeText() {
			if (this.measured != this.size) {
				return String.format(Locale.ROOT,
						"%,d characters; with the role's other inline policies %,d of the %,d-character inline "
								+ "aggregate (%d %%)",
						this.size, this.measured, this.quota, percent());
			}
			return String.format(Locale.ROOT, "%,d of %,d characters (%d %%)", this.size, this.quota, percent());
		}

	}

	/** A finding and where the page shows it ({@code #anchor}), or null when it concerns no shown document. */
	record FindingView(Finding finding, String anchor, String location) {

		static FindingView unlinked(Finding finding) {
			return new FindingView(finding, null, null);
		}

		public String badge() {
			return SummaryDocuments.badge(this.finding.severity());
		}

	}

	/** The findings of one severity. */
	record SeverityGroup(Severity severity, List<FindingView> findings) {

		public String badge() {
			return SummaryDocuments.badge(this.severity);
		}

	}

	static final String TRUST_POLICY = "trust-policy";

	static final String CANVAS_APP_SETTINGS = "canvas-app-settings";

	static final String BEDROCK_ROLE_TRUST_POLICY = "bedrock-role-trust-policy";

	private final DocumentView trust;

	private final List<DocumentView> policies;

	private final DocumentView bedrockRoleTrust;

	private final DocumentView canvasAppSettings;

	private final List<DocumentView> cors;

	private final List<SeverityGroup> findingGroups;

	private SummaryDocuments(GenerationResult result) {
		List<Finding> findings = result.findings();
		this.trust = policy(TRUST_POLICY, "trust", "Trust policy of " + result.role().name(), "Trust policy",
				result.role().trustPolicy(), result.role().trustPolicyJson(), result.role().trustPolicySize(),
				result.role().trustPolicyQuota(), findings);
		List<GeneratedPolicy> inline = result.inlinePolicies();
		int inlineAggregate = inline.stream().mapToInt(GeneratedPolicy::size).sum();
		this.policies = result.policies()
			.stream()
			.map((p) -> policy(p, (p.kind() == PolicyKind.INLINE && inline.size() > 1) ? inlineAggregate : p.size(),
					findings))
			.toList();
		BedrockRoleDefinition bedrockRole = result.bedrockRole();
		this.bedrockRoleTrust = (bedrockRole == null || !bedrockRole.create()) ? null
				: policy(BEDROCK_ROLE_TRUST_POLICY, "bedrock-role-trust", "Trust policy of " + bedrockRole.name(),
						"Bedrock role trust policy", bedrockRole.trustPolicy(), bedrockRole.trustPolicyJson(),
						PolicyRendering.iamSize(bedrockRole.trustPolicy()), result.role().trustPolicyQuota(), findings);
		this.canvasAppSettings = (result.canvasAppSettingsJson() == null) ? null
				: plain(CANVAS_APP_SETTINGS, "canvas-app-settings", "CanvasAppSettings", "SageMaker Canvas settings",
						result.canvasAppSettingsJson(), findings);
		this.cors = result.cors().stream().map((c) -> cors(c, findings)).toList();
		this.findingGroups = groups(findings, all());
	}

	static SummaryDocuments of(GenerationResult result) {
		return new SummaryDocuments(result);
	}

	public DocumentView trust() {
		return this.trust;
	}

	public List<DocumentView> policies() {
		return this.policies;
	}

	/** The trust policy of the Bedrock role the console creates, or null when no role is created. */
	public DocumentView bedrockRoleTrust() {
		return this.bedrockRoleTrust;
	}

	/** The CanvasAppSettings, or null when no Canvas setting is chosen. */
	public DocumentView canvasAppSettings() {
		return this.canvasAppSettings;
	}

	public List<DocumentView> cors() {
		return this.cors;
	}

	public List<SeverityGroup> findingGroups() {
		return this.findingGroups;
	}

	/** Every document, in the order of the page. */
	public List<DocumentView> all() {
		List<DocumentView> all = new ArrayList<>();
		all.add(this.trust);
		all.addAll(this.policies);
		if (this.bedrockRoleTrust != null) {
			all.add(this.bedrockRoleTrust);
		}
		if (this.canvasAppSettings != null) {
			all.add(this.canvasAppSettings);
		}
		all.addAll(this.cors);
		return all;
	}

	/** The document downloaded as {@code <name>.json}. */
	Optional<DocumentView> find(String name) {
		return all().stream().filter((d) -> d.name().equals(name)).findFirst();
	}

	static String badge(Severity severity) {
		return switch (severity) {
			case ERROR -> "text-bg-danger";
			case WARNING -> "text-bg-warning";
			case INFO -> "text-bg-info";
		};
	}

	/** A permission policy; {@code measured} is what counts against its quota (see {@link DocumentView}). */
	private static DocumentView policy(GeneratedPolicy policy, int measured, List<Finding> findings) {
		String kind = (policy.kind() == PolicyKind.INLINE) ? "Inline policy" : "Customer managed policy";
		return policy(policy.name(), policy.name(), policy.name(), kind, policy.document(), policy.json(),
				policy.size(), policy.quota(), measured, findings);
	}

	private static DocumentView policy(String name, String findingKey, String title, String kind,
			PolicyDocument document, String json, int size, int quota, List<Finding> findings) {
		return policy(name, findingKey, title, kind, document, json, size, quota, size, findings);
	}

	private static DocumentView policy(String name, String findingKey, String title, String kind,
			PolicyDocument document, String json, int size, int quota, int measured, List<Finding> findings) {
		List<StatementView> statements = document.statements()
			.stream()
			.map((s) -> new StatementView(s.sid(), (s.sid() == null) ? null : anchor(findingKey, s.sid()),
					Json.pretty(PolicyRendering.tree(s)), findings.stream()
						.filter((f) -> findingKey.equals(f.document()) && f.sid() != null && f.sid().equals(s.sid()))
						.map(FindingView::unlinked)
						.toList()))
			.toList();
		return new DocumentView(name, findingKey, title, kind, json, size, quota, measured, statements,
				documentFindings(findingKey, findings));
	}

	private static DocumentView cors(BucketCors cors, List<Finding> findings) {
		return plain("cors-" + cors.bucket(), "cors:" + cors.bucket(), "CORS rules of bucket " + cors.bucket(),
				"S3 CORS configuration: " + cors.purpose(), cors.json(), findings);
	}

	private static DocumentView plain(String name, String findingKey, String title, String kind, String json,
			List<Finding> findings) {
		return new DocumentView(name, findingKey, title, kind, json, 0, 0, List.of(),
				documentFindings(findingKey, findings));
	}

	private static List<FindingView> documentFindings(String findingKey, List<Finding> findings) {
		return findings.stream()
			.filter((f) -> f.sid() == null && findingKey.equals(f.document()))
			.map(FindingView::unlinked)
			.toList();
	}

	private static String anchor(String findingKey, String sid) {
		return "stmt-" + findingKey + "-" + sid;
	}

	private static List<SeverityGroup> groups(List<Finding> findings, List<DocumentView> documents) {
		Map<String, DocumentView> byKey = new LinkedHashMap<>();
		documents.forEach((d) -> byKey.put(d.findingKey(), d));
		List<SeverityGroup> groups = new ArrayList<>();
		Arrays.stream(Severity.values())
			.sorted(Comparator.comparing(Severity::ordinal).reversed())
			.forEach((severity) -> {
				List<FindingView> views = findings.stream()
					.filter((f) -> f.severity() == severity)
					.map((f) -> view(f, byKey.get(f.document())))
					.toList();
				if (!views.isEmpty()) {
					groups.add(new SeverityGroup(severity, views));
				}
			});
		return groups;
	}

	private static FindingView view(Finding finding, DocumentView document) {
		if (document == null) {
			return FindingView.unlinked(finding);
		}
		if (finding.sid() != null) {
			boolean shown = document.statements().stream().anyMatch((s) -> Objects.equals(s.sid(), finding.sid()));
			if (shown) {
				return new FindingView(finding, anchor(document.findingKey(), finding.sid()),
						document.title() + ", statement " + finding.sid());
			}
		}
		return new FindingView(finding, "doc-" + document.name(), document.title());
	}

}
