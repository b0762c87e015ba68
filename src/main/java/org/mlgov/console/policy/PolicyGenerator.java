package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.ActivityKind;
import org.mlgov.console.catalog.Catalog;

/**
 * Turns an ML administrator's {@link RoleSpec} into the documents AWS accepts: the execution role and its trust
 * policy, permission policies (inline and customer managed) within IAM's quotas, the AWS managed policies to attach,
 * the optional Bedrock role, the SageMaker {@code CanvasAppSettings}, the S3 CORS rules, and findings. Plain Java: no
 * Spring, no AWS SDK, so it runs the same in the console, in tests and in the benchmark. Thread-safe.
 */
public final class PolicyGenerator {

	private final Catalog catalog;

	private final IamQuotas quotas;

	public PolicyGenerator(Catalog catalog) {
		this(catalog, IamQuotas.DEFAULTS);
	}

	public PolicyGenerator(Catalog catalog, IamQuotas quotas) {
		this.catalog = catalog;
		this.quotas = quotas;
	}

	public Catalog catalog() {
		return this.catalog;
	}

	/** The IAM quotas the generated documents are checked and packed against. */
	public IamQuotas quotas() {
		return this.quotas;
	}

	/**
	 * @throws InvalidSpecException if the specification has field errors (nothing is generated from it)
	 */
	public GenerationResult generate(RoleSpec raw) {
		List<FieldError> errors = new SpecValidator(this.catalog).validate(raw);
		if (!errors.isEmpty()) {
			throw new InvalidSpecException(errors);
		}
		RoleSpec spec = raw.withDefaults();
		Findings findings = new Findings();
		GenerationContext context = new GenerationContext(spec, this.catalog, findings);

		List<RoleSpec.ActivitySelection> selections = selectedActivities(spec);
		Set<String> trust = new LinkedHashSet<>(List.of("sagemaker"));
		Set<String> managedNames = new LinkedHashSet<>();
		List<Statement> permissions = new ArrayList<>();
		ActivityStatements expander = new ActivityStatements(context);
		boolean canvasCore = false;
		for (RoleSpec.ActivitySelection selection : selections) {
			ActivityDefinition activity = this.catalog.activity(selection.id()).orElseThrow();
			trust.addAll(activity.trust());
			if (activity.kind() == ActivityKind.CANVAS) {
				managedNames.addAll(activity.managedPolicies());
				canvasCore |= activity.id().equals("canvas-core-access");
			}
			else {
				permissions.addAll(expander.expand(activity, selection));
			}
		}

		CanvasFeatures canvas = new CanvasFeatures(context);
		canvas.apply(spec.canvas(), canvasCore);
		managedNames.addAll(canvas.managedPolicies);
		trust.addAll(canvas.trustServices);
		permissions.addAll(canvas.statements);

		CollaborationAndEvaluation collaboration = new CollaborationAndEvaluation(context);
		permissions.addAll(collaboration.sharing(spec.collaboration()));
		permissions.addAll(collaboration.evaluation(spec.evaluation()));

		ModelGuardrails guardrails = new ModelGuardrails(context);
		guardrails.lint(spec.bedrock(), spec.jumpStart());
		// A long allow list is compacted; when its entries alone overflow the room, without writing it out first.
		List<Statement> guardrailStatements = null;
		boolean compact = guardrails.allowListMinimumSize(spec.bedrock()) > inlineRoom();
		if (!compact) {
			guardrailStatements = new ArrayList<>(guardrails.bedrock(spec.bedrock(), false));
			compact = allowListTooLarge(guardrailStatements);
		}
		if (compact) {
			guardrailStatements = new ArrayList<>(guardrails.bedrock(spec.bedrock(), true));
			findings.atStatement("BEDROCK_ALLOW_LIST_COMPACTED", Severity.INFO, "The Bedrock allow list is too long "
					+ "to list each model's inference profiles, so it names all inference profiles of the account "
					+ "instead: a call through a profile is still denied unless its foundation model is on the list.",
					ModelGuardrails.BEDROCK_ALLOW_LISTED);
		}
		guardrailStatements.addAll(guardrails.jumpStart(spec.jumpStart()));

		Map<String, List<BucketCors.CorsRule>> corsRules = new LinkedHashMap<>(canvas.cors);
		for (String bucket : spec.evaluation().enabled() ? spec.evaluation().corsBuckets() : List.<String>of()) {
			corsRules.computeIfAbsent(bucket, (b) -> new ArrayList<>())
				.add(CollaborationAndEvaluation.evaluationRule(spec.evaluation().corsAllowedOrigins()));
		}

		List<String> awsManaged = managedNames.stream()
			.map((name) -> this.catalog.managedPolicy(name).arn(spec.partition()))
			.toList();
		if (permissions.isEmpty() && awsManaged.isEmpty()) {
			// Valid for IAM (a role needs no policy), but almost certainly a mistake in the wizard: the guardrails
			// only ever deny, so a job or app running with this role could not even write its logs.
			findings.warn("NO_PERMISSIONS", "The role grants no permissions: no ML activity, Canvas feature, "
					+ "sharing or evaluation is selected, so SageMaker jobs and apps that run with it cannot call "
					+ "any AWS API. Select at least one activity.");
		}
		int managedSlots = Math.max(0, this.quotas.attachedPolicies() - awsManaged.size());
		PolicyPacker.Placement placement = new PolicyPacker(this.quotas)
			.place(uniqueSids(guardrailStatements, new HashMap<>()), uniqueSids(permissions, new HashMap<>()),
					managedSlots);
		List<GeneratedPolicy> policies = new ArrayList<>();
		if (!placement.guardrails().isEmpty()) {
			policies.add(policy(PolicyPacker.GUARDRAIL_POLICY, PolicyKind.INLINE, null, placement.guardrails(),
					placement));
		}
		if (!placement.inlineOverflow().isEmpty()) {
			policies.add(policy(spec.roleName() + PolicyPacker.INLINE_OVERFLOW_SUFFIX, PolicyKind.INLINE, null,
					placement.inlineOverflow(), placement));
		}
		for (int i = 0; i < placement.managed().size(); i++) {
			policies.add(policy(spec.roleName() + "-permissions-" + (i + 1), PolicyKind.CUSTOMER_MANAGED,
					spec.rolePath(), placement.managed().get(i), placement));
		}

		PolicyDocument trustPolicy = TrustPolicies.of(context, trust);
		PolicyRendering.Rendered trustJson = PolicyRendering.render(trustPolicy);
		RoleDefinition role = new RoleDefinition(spec.roleName(), spec.rolePath(), spec.roleArn(), spec.description(),
				spec.maxSessionDurationSeconds(), spec.permissionsBoundaryArn(), spec.tags(), trustPolicy,
				trustJson.json(), trustJson.size(), this.quotas.trustPolicy());

		List<BucketCors> cors = new ArrayList<>();
		corsRules.forEach((bucket, rules) -> cors.add(bucketCors(bucket, rules, findings)));

		checkAndLint(spec, role, policies, canvas.bedrockRole, findings);
		checkQuotas(role, policies, awsManaged.size(), findings);

		String appSettings = (canvas.appSettings == null) ? null : Json.pretty(canvas.appSettings);
		// Findings about statements are located now that the packer has placed (and perhaps cut) them.
		List<Finding> located = findings.resolve(new StatementIndex(policies, placement.sourceSids()));
		return new GenerationResult(this.catalog.version(), role, policies, awsManaged, canvas.bedrockRole,
				appSettings, cors, located);
	}

	/** A generated policy; its IAM size is that of its JSON (white space does not count), counted as it is written. */
	private GeneratedPolicy policy(String name, PolicyKind kind, String path, List<Statement> statements,
			PolicyPacker.Placement placement) {
		PolicyDocument document = new PolicyDocument(statements);
		PolicyRendering.Rendered rendered = PolicyRendering.render(document, placement.written()::get);
		int quota = (kind == PolicyKind.INLINE) ? this.quotas.inlineAggregate() : this.quotas.managedPolicy();
		return new GeneratedPolicy(name, kind, path, document, rendered.json(), rendered.size(), quota);
	}

	private List<RoleSpec.ActivitySelection> selectedActivities(RoleSpec spec) {
		if (spec.activities() != null) {
			return spec.activities();
		}
		return this.catalog.persona(spec.persona())
			.orElseThrow()
			.activities()
			.stream()
			.map((id) -> new RoleSpec.ActivitySelection(id, Map.of()))
			.toList();
	}

	private boolean allowListTooLarge(List<Statement> bedrockStatements) {
		int inlineRoom = inlineRoom();
		return bedrockStatements.stream()
			.anyMatch((s) -> !s.notResources().isEmpty() && PolicyRendering.iamSize(s) > inlineRoom);
	}

	/** The largest statement an inline policy can hold. */
	private int inlineRoom() {
		return this.quotas.inlineAggregate() - PolicyRendering.iamSize(new PolicyDocument(List.of()));
	}

	/** Makes Sids unique across the role (a repeated Sid gets a numeric suffix), so findings can point at them. */
	private static List<Statement> uniqueSids(List<Statement> statements, Map<String, Integer> seen) {
		List<Statement> out = new ArrayList<>();
		for (Statement s : statements) {
			String sid = s.sid();
			int count = seen.merge(sid, 1, Integer::sum);
			out.add((count == 1) ? s : s.withSid(sid + "Dup" + count));
		}
		return out;
	}

	private static BucketCors bucketCors(String bucket, List<BucketCors.CorsRule> rules, Findings findings) {
		List<Map<String, Object>> tree = new ArrayList<>();
		List<String> purposes = new ArrayList<>();
		for (BucketCors.CorsRule rule : rules) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("AllowedHeaders", rule.allowedHeaders());
			node.put("AllowedMethods", rule.allowedMethods());
			node.put("AllowedOrigins", rule.allowedOrigins());
			node.put("ExposeHeaders", rule.exposeHeaders());
			tree.add(node);
			purposes.add((rule == CanvasFeatures.LOCAL_UPLOAD_RULE) ? "Canvas local file upload"
					: "Bedrock model evaluation in the console");
			if (rule.allowedOrigins().contains("*")) {
				findings.add("CORS_WILDCARD_ORIGIN", Severity.WARNING, "The CORS rule on bucket " + bucket
						+ " allows every origin (\"*\"), as the Bedrock guide's minimal rule does; restrict it to the "
						+ "console's origin (e.g. https://*.console.aws.amazon.com) if your browsers allow it.",
						"cors:" + bucket, null);
			}
		}
		return new BucketCors(bucket, String.join("; ", purposes), rules, Json.pretty(tree));
	}

	private void checkAndLint(RoleSpec spec, RoleDefinition role, List<GeneratedPolicy> policies,
			BedrockRoleDefinition bedrockRole, Findings findings) {
		ServiceAuthorizationCheck check = new ServiceAuthorizationCheck(this.catalog.serviceAuthorization());
		PolicyLinter linter = new PolicyLinter(this.catalog.serviceAuthorization());
		findings.addAll(check.check("trust", role.trustPolicy(), spec.partition()));
		for (GeneratedPolicy policy : policies) {
			findings.addAll(check.check(policy.name(), policy.document(), spec.partition()));
			findings.addAll(linter.lint(policy.name(), policy.document()));
		}
		if (bedrockRole != null && bedrockRole.create()) {
			findings.addAll(check.check("bedrock-role-trust", bedrockRole.trustPolicy(), spec.partition()));
		}
	}

	/**
	 * Quota findings. {@code QUOTA_EXCEEDED} (ERROR, blocks submission) for any document over its size quota and for
	 * more attached policies than the quota. {@code NEAR_QUOTA} (WARNING) where the role is close to a limit that more
	 * content could not get round, at {@link IamQuotas#NEAR_QUOTA} (90 %) of the quota:
	 * <ul>
	 * <li>the trust policy ({@code trust}): there is only one;</li>
	 * <li>the inline aggregate (the inline policy, or {@code role} when there are several): every inline policy shares
	 * it, and it is the last room the packer uses;</li>
	 * <li>the attached policies ({@code role}), 9 or 10 of 10: one more, or none, can be attached, by the generator or
	 * by hand;</li>
	 * <li>a customer managed policy, only when the role has no room for a further policy: all attachments are used and
	 * the inline aggregate is itself near its quota. Otherwise the packer fills managed policies close to their quota
	 * on purpose (more content opens another policy or goes inline), and a warning on each would be noise.</li>
	 * </ul>
	 */
	private void checkQuotas(RoleDefinition role, List<GeneratedPolicy> policies, int awsManagedCount,
			Findings findings) {
		quota(findings, "trust", "trust policy", role.trustPolicySize(), this.quotas.trustPolicy());
		List<GeneratedPolicy> inline = policies.stream().filter((p) -> p.kind() == PolicyKind.INLINE).toList();
		int inlineAggregate = inline.stream().mapToInt(GeneratedPolicy::size).sum();
		// The aggregate is the role's; with a single inline policy it is that policy's size, so it points there.
		quota(findings, (inline.size() == 1) ? inline.get(0).name() : "role", "inline aggregate of the role",
				inlineAggregate, this.quotas.inlineAggregate());
		List<GeneratedPolicy> managed = policies.stream()
			.filter((p) -> p.kind() == PolicyKind.CUSTOMER_MANAGED)
			.toList();
		int attached = awsManagedCount + managed.size();
		int attachedQuota = this.quotas.attachedPolicies();
		boolean noRoomLeft = attached >= attachedQuota && near(inlineAggregate, this.quotas.inlineAggregate());
		for (GeneratedPolicy policy : managed) {
			if (policy.size() > this.quotas.managedPolicy() || noRoomLeft) {
				quota(findings, policy.name(), "managed policy " + policy.name(), policy.size(),
						this.quotas.managedPolicy());
			}
		}
		if (attached > attachedQuota) {
			findings.add("QUOTA_EXCEEDED", Severity.ERROR, attached + " managed policies would be attached to the "
					+ "role; the quota is " + attachedQuota + ", and what does not fit in the attachments does not "
					+ "fit in the role's inline policies either (" + inlineAggregate + " of "
					+ this.quotas.inlineAggregate() + " characters). Remove activities or Canvas features, or raise "
					+ "the quota (up to 20) and configure it here.", "role", null);
		}
		else if (attached == attachedQuota) {
			findings.add("NEAR_QUOTA", Severity.WARNING, attached + " managed policies are attached: the quota of "
					+ attachedQuota + " is reached, nothing more can be attached; more permissions would go into the "
					+ "role's inline policies while they have room.", "role", null);
		}
		else if (near(attached, attachedQuota)) {
			findings.add("NEAR_QUOTA", Severity.WARNING, attached + " of " + attachedQuota + " managed policies are "
					+ "attached: " + ((attachedQuota - attached == 1) ? "one more fits" : "only "
							+ (attachedQuota - attached) + " more fit") + ".", "role", null);
		}
	}

	private static boolean near(int used, int quota) {
		return used >= quota * IamQuotas.NEAR_QUOTA;
	}

	private static void quota(Findings findings, String document, String what, int size, int quota) {
		if (size > quota) {
			findings.add("QUOTA_EXCEEDED", Severity.ERROR, "The " + what + " has " + size
					+ " characters; IAM allows " + quota + ". Shorten the model or resource lists.", document, null);
		}
		else if (near(size, quota)) {
			findings.add("NEAR_QUOTA", Severity.WARNING, "The " + what + " uses " + size + " of " + quota
					+ " characters.", document, null);
		}
	}

}
