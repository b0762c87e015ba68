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
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated documents of a draft as the review step shows and downloads them: each under the name it is
 * downloaded by, policies statement by statement with the findings of each statement beside it, and the findings
 * grouped by severity with a link to the statement or document they concern.
 * <p>
 * Findings name their document the generator's way ({@code trust}, a policy name, {@code bedrock-role-trust},
 * {@code cors:<bucket>}); a statement's anchor is {@code stmt-<that name>-<Sid>}.
 * <p>
 * The reviewer's page shows a frozen revision through {@link #frozen}, built from the stored JSON, with the same cards,
 * the same pretty-printing statement by statement, the same file names ({@code <role>-<document>.json}) and the same
 * zip of them all with a README ({@link #zip()}).
 */
public final class SummaryDocuments {

	/** One statement of a policy, pretty-printed, with its findings. */
	public record StatementView(String sid, String anchor, String json, List<FindingView> findings) {
	}

	/**
	 * One downloadable document. {@code quota} is 0 for documents IAM does not size (CanvasAppSettings, CORS rules);
	 * {@code statements} is empty for documents that are not IAM policies. {@code measured} is what IAM counts
	 * against the quota: the document's own {@code size}, except for an inline policy of a role with several, where
	 * the quota is the role's inline aggregate and counts all of them together.
	 */
	public record DocumentView(String name, String findingKey, String title, String kind, String json, int size, int quota,
			int measured, List<StatementView> statements, List<FindingView> findings) {

		/** Statements shown unfolded at most; a longer list starts folded, its count in its summary. */
		static final int UNFOLDED = 3;

		/**
		 * The longest JSON written twice into the page, as its statements and again whole. A longer document's whole
		 * text (which its statements already show) is fetched from its download URL when it is opened or copied, so
		 * that a large role's review page does not carry every policy twice.
		 */
		public static final int INLINE_WHOLE_LIMIT = 4096;

		DocumentView(String name, String findingKey, String title, String kind, String json, int size, int quota,
				List<StatementView> statements, List<FindingView> findings) {
			this(name, findingKey, title, kind, json, size, quota, size, statements, findings);
		}

		public boolean sized() {
			return this.quota > 0;
		}

		/** Whether the whole document is fetched when opened rather than written into the page (see above). */
		public boolean wholeFetched() {
			return !this.statements.isEmpty() && this.json.length() > INLINE_WHOLE_LIMIT;
		}

		/** How many statements have findings of their own (said on the folded list of statements). */
		public long flaggedStatements() {
			return this.statements.stream().filter((s) -> !s.findings().isEmpty()).count();
		}

		/** Whether the list of statements starts folded: when it is longer than {@value #UNFOLDED} statements. */
		public boolean folded() {
			return this.statements.size() > UNFOLDED;
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
	public record FindingView(Finding finding, String anchor, String location) {

		static FindingView unlinked(Finding finding) {
			return new FindingView(finding, null, null);
		}

		public String badge() {
			return SummaryDocuments.badge(this.finding.severity());
		}

	}

	/** The findings of one severity. */
	public record SeverityGroup(Severity severity, List<FindingView> findings) {

		public String badge() {
			return SummaryDocuments.badge(this.severity);
		}

	}

	static final String TRUST_POLICY = "trust-policy";

	static final String CANVAS_APP_SETTINGS = "canvas-app-settings";

	static final String BEDROCK_ROLE_TRUST_POLICY = "bedrock-role-trust-policy";

	private final String roleName;

	private final DocumentView trust;

	private final List<DocumentView> policies;

	private final DocumentView bedrockRoleTrust;

	private final DocumentView canvasAppSettings;

	private final List<DocumentView> cors;

	private final List<SeverityGroup> findingGroups;

	private SummaryDocuments(GenerationResult result) {
		List<Finding> findings = result.findings();
		this.roleName = result.role().name();
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

	private SummaryDocuments(String roleName, DocumentView trust, List<DocumentView> policies,
			DocumentView bedrockRoleTrust, DocumentView canvasAppSettings, List<DocumentView> cors,
			List<Finding> findings) {
		this.roleName = roleName;
		this.trust = trust;
		this.policies = policies;
		this.bedrockRoleTrust = bedrockRoleTrust;
		this.canvasAppSettings = canvasAppSettings;
		this.cors = cors;
		this.findingGroups = groups(findings, all());
	}

	/** A permission policy of a frozen revision. */
	public record FrozenPolicy(String name, boolean inline, String json, int size, int quota) {
	}

	/** The CORS rules of one bucket in a frozen revision. */
	public record FrozenCors(String bucket, String purpose, String json) {
	}

	/**
	 * The documents of a frozen revision, from their stored JSON (shown and downloaded as stored), laid out as the
	 * author's step 6 lays them out.
	 * @param bedrockRoleName the Bedrock role the revision creates, or null (then {@code bedrockTrustJson} is null)
	 */
	public static SummaryDocuments frozen(String roleName, String trustJson, int trustSize, int trustQuota,
			List<FrozenPolicy> policies, String bedrockRoleName, String bedrockTrustJson, String canvasJson,
			List<FrozenCors> cors, List<Finding> findings) {
		List<FrozenPolicy> inline = policies.stream().filter(FrozenPolicy::inline).toList();
		int inlineAggregate = inline.stream().mapToInt(FrozenPolicy::size).sum();
		DocumentView trust = parsed(TRUST_POLICY, "trust", "Trust policy of " + roleName, "Trust policy", trustJson,
				trustSize, trustQuota, trustSize, findings);
		List<DocumentView> permissions = policies.stream()
			.map((p) -> parsed(p.name(), p.name(), p.name(), p.inline() ? "Inline policy" : "Customer managed policy",
					p.json(), p.size(), p.quota(), (p.inline() && inline.size() > 1) ? inlineAggregate : p.size(),
					findings))
			.toList();
		DocumentView bedrock = (bedrockTrustJson == null) ? null
				: parsed(BEDROCK_ROLE_TRUST_POLICY, "bedrock-role-trust", "Trust policy of " + bedrockRoleName,
						"Bedrock role trust policy", bedrockTrustJson, Json.iamSize(bedrockTrustJson), trustQuota,
						Json.iamSize(bedrockTrustJson), findings);
		DocumentView canvas = (canvasJson == null) ? null
				: plain(CANVAS_APP_SETTINGS, "canvas-app-settings", "CanvasAppSettings", "SageMaker Canvas settings",
						canvasJson, findings);
		List<DocumentView> rules = cors.stream()
			.map((c) -> plain("cors-" + c.bucket(), "cors:" + c.bucket(), "CORS rules of bucket " + c.bucket(),
					"S3 CORS configuration: " + c.purpose(), c.json(), findings))
			.toList();
		return new SummaryDocuments(roleName, trust, permissions, bedrock, canvas, rules, findings);
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** A stored IAM policy, statement by statement, pretty-printed as the generator prints them. */
	private static DocumentView parsed(String name, String findingKey, String title, String kind, String json,
			int size, int quota, int measured, List<Finding> findings) {
		Object tree = MAPPER.readValue(json, Object.class);
		Object statements = (tree instanceof Map<?, ?> map) ? map.get("Statement") : null;
		List<?> list = (statements instanceof List<?> l) ? l : (statements == null) ? List.of() : List.of(statements);
		List<StatementView> views = list.stream().map((statement) -> {
			Object sid = (statement instanceof Map<?, ?> m) ? m.get("Sid") : null;
			String id = (sid == null) ? null : sid.toString();
			return new StatementView(id, (id == null) ? null : anchor(findingKey, id), Json.pretty(statement),
					findings.stream()
						.filter((f) -> findingKey.equals(f.document()) && f.sid() != null && f.sid().equals(id))
						.map(FindingView::unlinked)
						.toList());
		}).toList();
		return new DocumentView(name, findingKey, title, kind, json, size, quota, measured, views,
				documentFindings(findingKey, findings));
	}

	/**
	 * What a document's card shows: the view of {@code drafts/document :: cardView}, rendered through
	 * {@code #rendered} (once per distinct value; the documents of a saved content are built once, see
	 * {@code SummaryPage}).
	 * @param doc the document
	 * @param url where it is downloaded (and fetched whole when long)
	 * @param fileName the name it is downloaded by
	 */
	public record Card(DocumentView doc, String url, String fileName) {
	}

	/**
	 * The card of one of these documents.
	 * @param document the document
	 * @param url its download URL
	 * @return its card's view
	 */
	public Card card(DocumentView document, String url) {
		return new Card(document, url, fileName(document));
	}

	/** The name a document is downloaded by: {@code <role name>-<document>.json}. */
	public String fileName(DocumentView document) {
		return this.roleName + "-" + document.name() + ".json";
	}

	/** The name of the zip of every document: {@code <role name>-documents.zip}. */
	public String zipName() {
		return this.roleName + "-documents.zip";
	}

	/** What each file of the zip is, as its README.txt says. */
	public String readme() {
		StringBuilder out = new StringBuilder();
		out.append("The generated documents of role ").append(this.roleName).append(", one JSON file each:\n\n");
		for (DocumentView document : all()) {
			out.append(fileName(document)).append("\n    ").append(document.kind()).append(": ")
				.append(document.title());
			if (document.sized()) {
				out.append(" (").append(document.sizeText()).append(')');
			}
			out.append('\n');
		}
		out.append("\nIAM policies are shown with their statements in the console, and every finding beside the "
				+ "statement it concerns.\n");
		return out.toString();
	}

	/** Every document as {@link #fileName} and a README.txt that says what each is. */
	public byte[] zip() {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes,
				java.nio.charset.StandardCharsets.UTF_8)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
			zip.write(readme().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
			for (DocumentView document : all()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(fileName(document)));
				zip.write(document.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	public static SummaryDocuments of(GenerationResult result) {
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
	public Optional<DocumentView> find(String name) {
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
