package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.JumpStartModel;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lint findings of a generated role, each raised by a specification that triggers it with its exact code,
 * severity, document and Sid (and the statement there really is the one it concerns), and absent from a clean
 * specification. Findings about guardrail statements point at the policy and Sid the packer gave the statement, also
 * when it overflowed the inline policy or was cut into parts.
 */
class FindingsTests {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final String ROLE = "SageMaker-Findings";

	static final String PERMISSIONS_1 = ROLE + "-permissions-1";

	static final String GUARDRAILS = "ModelAccessGuardrails";

	private final PolicyGenerator generator = new PolicyGenerator(CATALOG);

	static RoleSpec spec(List<ActivitySelection> activities, ModelAccess bedrock, ModelAccess jumpStart,
			CollaborationSettings collaboration) {
		return TestSpecs.custom(ROLE)
			.activities(activities)
			.bedrock(bedrock)
			.jumpStart(jumpStart)
			.collaboration(collaboration)
			.build();
	}

	/** Data-scientist activities with named roles to pass, a known allow list and deny list, narrowed sharing. */
	static RoleSpec clean() {
		return spec(TestSpecs.activities("run-studio-apps", "manage-jobs", "manage-models", "s3-bucket-access"),
				new ModelAccess(AccessMode.ALLOW_LISTED, List.of("amazon.nova-pro-v1:0"), List.of(), false),
				new ModelAccess(AccessMode.DENY_LISTED, List.of(), List.of("huggingface-llm-falcon-*"), null),
				new CollaborationSettings(true, Scope.NARROWED));
	}

	static List<Finding> withCode(GenerationResult result, String code) {
		return result.findings().stream().filter((f) -> f.code().equals(code)).toList();
	}

	/** The statement a finding points at, as generated. */
	static Statement statementOf(GenerationResult result, Finding finding) {
		GeneratedPolicy policy = result.policies()
			.stream()
			.filter((p) -> p.name().equals(finding.document()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no document " + finding.document() + " for " + finding));
		return policy.document()
			.statements()
			.stream()
			.filter((s) -> s.sid().equals(finding.sid()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no statement " + finding.sid() + " in " + finding.document()));
	}

	@Test
	void aRoleThatGrantsNothingIsFlaggedButNotBlocked() {
		// Only guardrails (which deny) and no activity: IAM accepts the role, but it cannot do anything.
		GenerationResult result = this.generator.generate(spec(List.of(),
				new ModelAccess(AccessMode.DENY_ALL, List.of(), List.of(), false), null, null));
		assertThat(result.awsManagedPolicyArns()).isEmpty();
		assertThat(result.policies()).extracting(GeneratedPolicy::name).containsExactly(GUARDRAILS);
		assertThat(withCode(result, "NO_PERMISSIONS")).singleElement().satisfies((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.document()).isNull();
			assertThat(finding.message()).startsWith("The role grants no permissions");
		});
		assertThat(result.blocked()).isFalse();
		// One activity is enough to make it go away.
		assertThat(withCode(this.generator.generate(spec(TestSpecs.activities("run-studio-apps"), null, null, null)),
				"NO_PERMISSIONS")).isEmpty();
	}

	@Test
	void aCleanSpecificationRaisesNoneOfTheLintFindings() {
		GenerationResult result = this.generator.generate(clean());
		assertThat(result.findings()).extracting(Finding::code)
			.doesNotContain("PASSROLE_WILDCARD", "WRITE_ON_WILDCARD_RESOURCE", "MODEL_ALLOWED_AND_DENIED",
					"UNKNOWN_MODEL", "NEAR_QUOTA", "CORS_WILDCARD_ORIGIN", "NO_PERMISSIONS");
		assertThat(result.blocked()).isFalse();
	}

	@Test
	void passRoleOnARolePatternIsAWarningOnThePassRoleStatement() {
		List<String> patterns = List.of("arn:aws:iam::111122223333:role/service-role/*",
				"arn:aws:iam::111122223333:role/Sage*");
		GenerationResult result = this.generator.generate(spec(
				List.of(new ActivitySelection("manage-jobs", Map.of("PassRoles", patterns))), null, null, null));
		List<Finding> findings = withCode(result, "PASSROLE_WILDCARD");
		assertThat(findings).extracting(Finding::severity, Finding::document, Finding::sid)
			.containsExactly(tuple(Severity.WARNING, PERMISSIONS_1, "SMCommonJobManagement3"));
		assertThat(findings.get(0).message()).isEqualTo("iam:PassRole on every role matching "
				+ String.join(", ", patterns) + ": any role created later with a matching name or path can be handed "
				+ "to a service as well. Name the roles to pass, or make sure only vetted roles can be created under "
				+ "that name.");
		Statement passRole = statementOf(result, findings.get(0));
		assertThat(passRole.actions()).containsExactly("iam:PassRole");
		assertThat(passRole.resources()).containsExactlyElementsOf(patterns);
	}

	@Test
	void passRoleOnEveryRoleIsAWarningOnThePassRoleStatement() {
		GenerationResult result = this.generator.generate(spec(List.of(new ActivitySelection("manage-jobs",
				Map.of("PassRoles", List.of("arn:aws:iam::111122223333:role/*")))), null, null, null));
		assertThat(withCode(result, "PASSROLE_WILDCARD"))
			.extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(tuple(Severity.WARNING, PERMISSIONS_1, "SMCommonJobManagement3",
					"iam:PassRole on every role (arn:aws:iam::111122223333:role/*): whoever uses this role can hand "
							+ "any role (including more powerful ones) to a service. Name the roles to pass."));
	}

	@Test
	void writeActionsOnEveryResourceAreAWarningOnTheirStatement() {
		GenerationResult result = this.generator
			.generate(spec(List.of(), null, null, new CollaborationSettings(true, Scope.AS_DOCUMENTED)));
		List<Finding> findings = withCode(result, "WRITE_ON_WILDCARD_RESOURCE");
		assertThat(findings).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(tuple(Severity.WARNING, PERMISSIONS_1, "StudioClassicModelSharing",
					"Write actions on \"Resource\": \"*\" although IAM can scope them to named resources: "
							+ "sagemaker:CreateSharedModel, sagemaker:SendSharedModelEvent, "
							+ "sagemaker:UpdateSharedModel."));
		assertThat(statementOf(result, findings.get(0)).isWildcardResource()).isTrue();
		// The narrowed form names the shared models: nothing to report.
		assertThat(withCode(this.generator.generate(
				spec(List.of(), null, null, new CollaborationSettings(true, Scope.NARROWED))),
				"WRITE_ON_WILDCARD_RESOURCE")).isEmpty();
	}

	@Test
	void aModelBothAllowedAndDeniedIsAWarningOnTheDenyStatement() {
		GenerationResult result = this.generator.generate(spec(List.of(),
				new ModelAccess(AccessMode.ALLOW_LISTED,
						List.of("amazon.nova-pro-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"),
						List.of("amazon.nova-*"), false),
				new ModelAccess(AccessMode.ALLOW_LISTED, List.of("huggingface-llm-mistral-*"),
						List.of("huggingface-llm-mistral-7b*"), null),
				null));
		List<Finding> findings = withCode(result, "MODEL_ALLOWED_AND_DENIED");
		assertThat(findings).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(
					tuple(Severity.WARNING, GUARDRAILS, "DenyBedrockListedModels", "Bedrock model "
							+ "'amazon.nova-pro-v1:0' is allowed and 'amazon.nova-*' denies it (or some of it): the "
							+ "explicit deny wins."),
					tuple(Severity.WARNING, GUARDRAILS, "DenyJumpStartListedModels", "JumpStart model "
							+ "'huggingface-llm-mistral-*' is allowed and 'huggingface-llm-mistral-7b*' denies it (or "
							+ "some of it): the explicit deny wins."));
		assertThat(statementOf(result, findings.get(0)).resources())
			.contains("arn:aws:bedrock:*::foundation-model/amazon.nova-*");
		assertThat(statementOf(result, findings.get(1)).conditions().get("StringLike"))
			.containsEntry(ModelGuardrails.JUMPSTART_TAG, List.of("huggingface-llm-mistral-7b*"));
	}

	@Test
	void unknownModelsAreAWarningOnTheStatementThatListsThem() {
		GenerationResult result = this.generator.generate(spec(List.of(),
				new ModelAccess(AccessMode.ALLOW_LISTED, List.of("amazon.nova-pro-v1:0", "acme.allowed-typo-v1"),
						List.of("acme.denied-typo-*"), false),
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("huggingface-llm-falcon-*", "acme-jumpstart"),
						null),
				null));
		String catalogue = "matches nothing in the catalogue (" + CATALOG.version() + "): ";
		String hint = ". Check the spelling: a typo leaves the model you meant ungoverned.";
		assertThat(withCode(result, "UNKNOWN_MODEL"))
			.extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(
					tuple(Severity.WARNING, GUARDRAILS, "DenyBedrockExceptAllowedModels",
							"1 Bedrock model id or pattern " + catalogue + "acme.allowed-typo-v1" + hint),
					tuple(Severity.WARNING, GUARDRAILS, "DenyBedrockListedModels",
							"1 Bedrock model id or pattern " + catalogue + "acme.denied-typo-*" + hint),
					tuple(Severity.WARNING, GUARDRAILS, "DenyJumpStartListedModels",
							"1 JumpStart model id or pattern " + catalogue + "acme-jumpstart" + hint));
	}

	@Test
	void knownModelsAndPatternsThatMatchTheCatalogueAreNotUnknown() {
		GenerationResult result = this.generator.generate(spec(List.of(),
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("amazon.nova-pro-v1:0", "anthropic.claude-*"),
						false),
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("huggingface-llm-falcon-*"), null), null));
		assertThat(withCode(result, "UNKNOWN_MODEL")).isEmpty();
	}

	@Test
	void severalUnknownModelsAreCountedInThePlural() {
		GenerationResult result = this.generator.generate(spec(List.of(),
				new ModelAccess(AccessMode.DENY_ALL, null, null, false),
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("acme-jumpstart", "acme-other"), null), null));
		assertThat(withCode(result, "UNKNOWN_MODEL")).extracting(Finding::message)
			.singleElement()
			.satisfies((message) -> assertThat(message).startsWith("2 JumpStart model ids or patterns match nothing"));
	}

	@Test
	void aGuardrailThatOverflowsTheInlinePolicyIsPointedAtInItsManagedPolicy() {
		// An inline aggregate too small for the JumpStart statement sends it to the first managed policy.
		PolicyGenerator small = new PolicyGenerator(CATALOG, new IamQuotas(2048, 300, 6144, 10));
		GenerationResult result = small.generate(spec(List.of(),
				new ModelAccess(AccessMode.DENY_ALL, null, null, false),
				new ModelAccess(AccessMode.DENY_LISTED, null, List.of("acme-jumpstart"), null), null));
		assertThat(result.policies()).extracting(GeneratedPolicy::name).containsExactly(GUARDRAILS, PERMISSIONS_1);
		assertThat(withCode(result, "UNKNOWN_MODEL")).extracting(Finding::document, Finding::sid)
			.containsExactly(tuple(PERMISSIONS_1, "DenyJumpStartListedModels"));
		assertThat(withCode(result, "JUMPSTART_TAG_IS_CLIENT_SET")).extracting(Finding::document, Finding::sid)
			.containsExactly(tuple(PERMISSIONS_1, "DenyJumpStartListedModels"));
	}

	@Test
	void aFindingAboutACutDenyListPointsAtEachPartThatListsItsModels() {
		List<String> denied = new ArrayList<>(CATALOG.bedrockModels().stream().map(BedrockModel::modelId).toList());
		denied.add("acme.unknown-model-v1");
		GenerationResult result = this.generator
			.generate(spec(List.of(), new ModelAccess(AccessMode.DENY_LISTED, null, denied, false), null, null));
		GeneratorValidityTests.assertValid(result, "aws");
		// The list is cut into parts; the last ones overflow the inline policy into managed policies.
		assertThat(result.customerManagedPolicies()).isNotEmpty();
		List<String> arns = List.of("arn:aws:bedrock:*::foundation-model/acme.unknown-model-v1",
				"arn:aws:bedrock:*:111122223333:inference-profile/*.acme.unknown-model-v1");
		List<Tuple> listing = new ArrayList<>();
		for (GeneratedPolicy policy : result.policies()) {
			for (Statement statement : policy.document().statements()) {
				if (statement.resources().stream().anyMatch(arns::contains)) {
					listing.add(tuple(policy.name(), statement.sid()));
				}
			}
		}
		List<Finding> unknown = withCode(result, "UNKNOWN_MODEL");
		assertThat(unknown).extracting(Finding::document, Finding::sid).containsExactlyElementsOf(listing);
		assertThat(unknown).extracting(Finding::document).contains(PERMISSIONS_1).doesNotContain(GUARDRAILS);
		assertThat(unknown).extracting(Finding::sid).allMatch((sid) -> sid.startsWith("DenyBedrockListedModelsPart"));
		assertThat(unknown).allSatisfy((f) -> assertThat(f.message()).contains(": acme.unknown-model-v1. Check"));
	}

	// NEAR_QUOTA: only where more content could not get round the limit.

	static List<Finding> nearQuota(GenerationResult result) {
		return withCode(result, "NEAR_QUOTA");
	}

	@Test
	void aTrustPolicyNearItsQuotaIsAWarningOnTheTrustPolicy() {
		RoleSpec spec = clean();
		int size = this.generator.generate(spec).role().trustPolicySize();
		int quota = size + 10;
		GenerationResult result = new PolicyGenerator(CATALOG, new IamQuotas(quota, 10240, 6144, 10)).generate(spec);
		assertThat(nearQuota(result)).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(tuple(Severity.WARNING, "trust", null,
					"The trust policy uses " + size + " of " + quota + " characters."));
		// 90 % is the threshold: one character below it, no warning.
		int roomy = (int) Math.floor(size / IamQuotas.NEAR_QUOTA) + 1;
		assertThat(nearQuota(new PolicyGenerator(CATALOG, new IamQuotas(roomy, 10240, 6144, 10)).generate(spec)))
			.isEmpty();
	}

	@Test
	void aFullGuardrailPolicyIsAWarningOnThatInlinePolicy() {
		ModelAccess everyModel = new ModelAccess(AccessMode.ALLOW_LISTED,
				CATALOG.bedrockModels().stream().map(BedrockModel::modelId).toList(), List.of(), false);
		ModelAccess jumpStart = new ModelAccess(AccessMode.DENY_LISTED, null,
				CATALOG.jumpStartModels().stream().map(JumpStartModel::modelId).toList(), null);
		GenerationResult result = this.generator.generate(spec(List.of(), everyModel, jumpStart, null));
		GeneratedPolicy guardrails = result.inlinePolicies().get(0);
		assertThat(guardrails.size()).isGreaterThanOrEqualTo(9216).isLessThanOrEqualTo(10240);
		assertThat(nearQuota(result)).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(tuple(Severity.WARNING, GUARDRAILS, null,
					"The inline aggregate of the role uses " + guardrails.size() + " of 10240 characters."));
	}

	@Test
	void nineOfTenAttachmentsAreAWarningOnTheRole() {
		// Every Role Manager activity with VPC and KMS needs 3 customer managed policies; the 7 Canvas activities
		// attach 6 AWS managed ones.
		List<ActivitySelection> all = CATALOG.activities()
			.stream()
			.map((a) -> new ActivitySelection(a.id(), TestSpecs.parametersFor(a.id())))
			.toList();
		GenerationResult result = this.generator
			.generate(TestSpecs.custom(ROLE).activities(all).vpc(TestSpecs.vpc()).kms(TestSpecs.kms()).build());
		assertThat(result.attachedPolicyCount()).isEqualTo(9);
		assertThat(nearQuota(result)).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(
					tuple(Severity.WARNING, "role", null, "9 of 10 managed policies are attached: one more fits."));
	}

	@Test
	void tenOfTenAttachmentsAreAWarningOnTheRoleButFullManagedPoliciesAreNot() {
		GenerationResult result = this.generator
			.generate(AttachmentQuotaTests.everything(2, AttachmentQuotaTests.allowNova(), null));
		assertThat(result.attachedPolicyCount()).isEqualTo(10);
		// permissions-1 and -2 are over 90 % of 6,144, but the inline room still takes more permissions.
		assertThat(result.customerManagedPolicies().get(0).size()).isGreaterThanOrEqualTo(5530);
		assertThat(nearQuota(result)).extracting(Finding::severity, Finding::document, Finding::sid, Finding::message)
			.containsExactly(tuple(Severity.WARNING, "role", null, "10 managed policies are attached: the quota of 10 "
					+ "is reached, nothing more can be attached; more permissions would go into the role's inline "
					+ "policies while they have room."));
	}

	@Test
	void fullManagedPoliciesAreAWarningWhenNeitherAttachmentsNorInlineRoomAreLeft() {
		ModelAccess everyModel = new ModelAccess(AccessMode.ALLOW_LISTED,
				CATALOG.bedrockModels().stream().map(BedrockModel::modelId).toList(), List.of(), false);
		GenerationResult result = this.generator.generate(AttachmentQuotaTests.everything(100, everyModel, null));
		assertThat(result.blocked()).isFalse();
		assertThat(result.attachedPolicyCount()).isEqualTo(10);
		List<GeneratedPolicy> inline = result.inlinePolicies();
		assertThat(inline).extracting(GeneratedPolicy::name)
			.containsExactly(GUARDRAILS, AttachmentQuotaTests.OVERFLOW);
		int aggregate = inline.stream().mapToInt(GeneratedPolicy::size).sum();
		List<Tuple> expected = new ArrayList<>();
		// Two inline policies share the aggregate: it is the role's, not one policy's.
		expected.add(tuple("role", "The inline aggregate of the role uses " + aggregate + " of 10240 characters."));
		for (GeneratedPolicy policy : result.customerManagedPolicies()) {
			assertThat(policy.size()).isGreaterThanOrEqualTo(5530);
			expected.add(tuple(policy.name(), "The managed policy " + policy.name() + " uses " + policy.size()
					+ " of 6144 characters."));
		}
		expected.add(tuple("role", "10 managed policies are attached: the quota of 10 is reached, nothing more can "
				+ "be attached; more permissions would go into the role's inline policies while they have room."));
		assertThat(nearQuota(result)).extracting(Finding::document, Finding::message)
			.containsExactlyElementsOf(expected);
		assertThat(nearQuota(result)).extracting(Finding::severity, Finding::sid)
			.containsOnly(tuple(Severity.WARNING, null));
	}

	@Test
	void everyFindingAboutAStatementNamesAPolicyThatHasIt() {
		for (RoleSpec spec : List.of(TestSpecs.dataScientistEverything(), clean())) {
			GenerationResult result = this.generator.generate(spec);
			List<Finding> aboutStatements = result.findings().stream().filter((f) -> f.sid() != null).toList();
			assertThat(aboutStatements).isNotEmpty().allSatisfy((f) -> statementOf(result, f));
		}
	}

}
