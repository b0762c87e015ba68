package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CollaborationSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.Scope;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the generator produces, for every persona and option combination built here, is what AWS accepts:
 * it parses, has version 2012-10-17, unique alphanumeric Sids, real actions, condition keys each action supports,
 * resources that fit the actions, ARNs of the role's partition, and sizes within IAM's quotas.
 */
class GeneratorValidityTests {

	static final Catalog CATALOG = CatalogLoader.loadDefault();

	static final Set<String> VALIDITY_CODES = Set.of("UNKNOWN_ACTION", "UNSUPPORTED_CONDITION_KEY",
			"RESOURCE_MISMATCH", "INVALID_ARN", "WRONG_PARTITION", "INVALID_SID", "INVALID_NULL_CONDITION",
			"MISSING_RESOURCE");

	static ModelAccess bedrock(AccessMode mode) {
		return switch (mode) {
			case NO_RESTRICTION, DENY_ALL -> new ModelAccess(mode, null, null, null);
			case DENY_LISTED -> new ModelAccess(mode, null, List.of("ai21.j2-mid-v1", "cohere.command-text-*"), null);
			case ALLOW_LISTED -> new ModelAccess(mode, List.of("anthropic.claude-3-haiku-20240307-v1:0",
					"amazon.nova-pro-v1:0"), List.of("amazon.nova-pro-v1:0"), null);
		};
	}

	static ModelAccess jumpStart(AccessMode mode) {
		return switch (mode) {
			case NO_RESTRICTION, DENY_ALL -> new ModelAccess(mode, null, null, null);
			case DENY_LISTED -> new ModelAccess(mode, null, List.of("huggingface-llm-falcon-*"), null);
			case ALLOW_LISTED -> new ModelAccess(mode, List.of("meta-textgeneration-llama-2-7b", "huggingface-llm-mistral-*"),
					null, null);
		};
	}

	/** personas × VPC × KMS × Bedrock modes × JumpStart modes, with Canvas, sharing and evaluation varied along. */
	static Stream<RoleSpec> combinations() {
		List<RoleSpec> specs = new ArrayList<>();
		int n = 0;
		for (Persona persona : CATALOG.personas()) {
			for (boolean vpc : new boolean[] { false, true }) {
				for (boolean kms : new boolean[] { false, true }) {
					for (AccessMode b : AccessMode.values()) {
						for (AccessMode j : AccessMode.values()) {
							n++;
							specs.add(TestSpecs.custom("SageMaker-Combo" + n)
								.persona(persona.id())
								.activities(TestSpecs.activities(persona.activities().toArray(String[]::new)))
								.vpc(vpc ? TestSpecs.vpc() : null)
								.kms(kms ? TestSpecs.kms() : null)
								.bedrock(bedrock(b))
								.jumpStart(jumpStart(j))
								.canvas((n % 2 == 0) ? TestSpecs.allCanvas() : null)
								.collaboration(new CollaborationSettings(n % 3 != 0, Scope.values()[n % 2]))
								.evaluation((n % 4 == 0) ? null
										: new EvaluationSettings(n % 4 != 2, n % 4 >= 2,
												List.of("eval-bucket-" + (n % 5)), null, Scope.values()[(n / 2) % 2]))
								.build());
						}
					}
				}
			}
		}
		return specs.stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("combinations")
	void everyDocumentIsValidAndWithinQuota(RoleSpec spec) {
		assertValid(new PolicyGenerator(CATALOG).generate(spec), "aws");
	}

	@Test
	void everyActivityAtOnceIsValid() {
		List<ActivitySelection> all = CATALOG.activities()
			.stream()
			.map(ActivityDefinition::id)
			.map((id) -> new ActivitySelection(id, TestSpecs.parametersFor(id)))
			.toList();
		RoleSpec spec = TestSpecs.custom("SageMaker-Everything")
			.activities(all)
			.vpc(TestSpecs.vpc())
			.kms(TestSpecs.kms())
			.bedrock(bedrock(AccessMode.ALLOW_LISTED))
			.jumpStart(jumpStart(AccessMode.ALLOW_LISTED))
			.canvas(TestSpecs.allCanvas())
			.collaboration(new CollaborationSettings(true, null))
			.evaluation(new EvaluationSettings(true, true, List.of("eval-bucket"), null, null))
			.build();
		GenerationResult result = new PolicyGenerator(CATALOG, new IamQuotas(2048, 10240, 6144, 20)).generate(spec);
		assertValid(result, "aws");
		assertThat(result.attachedPolicyCount()).isBetween(10, 20);
	}

	@Test
	void chinaPartitionArnsAreInThatPartition() {
		RoleSpec ds = TestSpecs.dataScientistEverything();
		List<ActivitySelection> activities = ds.activities()
			.stream()
			.map((a) -> new ActivitySelection(a.id(), a.id().equals("s3-bucket-access") ? a.parameters()
					: a.parameters().isEmpty() ? a.parameters()
							: java.util.Map.of("PassRoles", List.of("arn:aws-cn:iam::111122223333:role/Compute"))))
			.toList();
		// The data scientist in China without its description, tags and session (defaults apply).
		RoleSpec spec = ds.toBuilder()
			.region("cn-north-1")
			.partition("aws-cn")
			.description(null)
			.tags(null)
			.maxSessionDurationSeconds(null)
			.activities(activities)
			.kms(new RoleSpec.EncryptionSettings(
					List.of("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
					List.of("arn:aws-cn:kms:cn-north-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321")))
			.build();
		GenerationResult result = new PolicyGenerator(CATALOG).generate(spec);
		assertValid(result, "aws-cn");
		assertThat(result.awsManagedPolicyArns()).allMatch((arn) -> arn.startsWith("arn:aws-cn:iam::aws:policy/"));
		assertThat(result.role().arn()).startsWith("arn:aws-cn:iam::111122223333:role/service-role/");
	}

	static void assertValid(GenerationResult result, String partition) {
		assertThat(result.findings()).filteredOn((f) -> VALIDITY_CODES.contains(f.code())).isEmpty();
		assertThat(result.findings()).filteredOn((f) -> f.code().equals("QUOTA_EXCEEDED")).isEmpty();
		IamQuotas q = IamQuotas.DEFAULTS;
		assertThat(result.role().trustPolicySize()).isLessThanOrEqualTo(q.trustPolicy());
		Set<String> sids = new HashSet<>();
		List<String> documents = new ArrayList<>();
		documents.add(result.role().trustPolicyJson());
		result.policies().forEach((p) -> documents.add(p.json()));
		int inline = 0;
		for (GeneratedPolicy policy : result.policies()) {
			assertThat(Json.iamSize(Json.compact(PolicyRendering.tree(policy.document())))).isEqualTo(policy.size());
			if (policy.kind() == PolicyKind.INLINE) {
				inline += policy.size();
			}
			else {
				assertThat(policy.size()).isLessThanOrEqualTo(q.managedPolicy());
			}
		}
		assertThat(inline).isLessThanOrEqualTo(q.inlineAggregate());
		for (String json : documents) {
			JsonNode doc = SemanticPolicy.parse(json);
			assertThat(doc.get("Version").asString()).isEqualTo("2012-10-17");
			for (JsonNode statement : doc.get("Statement")) {
				String sid = statement.get("Sid").asString();
				assertThat(sid).matches("[A-Za-z0-9]+");
				if (!statement.has("Principal")) {
					assertThat(sids.add(sid)).as("Sid %s is unique across the role", sid).isTrue();
				}
				for (String field : List.of("Resource", "NotResource")) {
					if (statement.has(field)) {
						SemanticPolicy.values(statement.get(field), (s) -> s)
							.forEach((r) -> assertThat(r.equals("*") || r.startsWith("arn:" + partition + ":"))
								.as(r)
								.isTrue());
					}
				}
			}
		}
	}

	@Test
	void generationIsDeterministic() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		GenerationResult a = new PolicyGenerator(CatalogLoader.loadDefault()).generate(spec);
		GenerationResult b = new PolicyGenerator(CatalogLoader.loadDefault()).generate(spec);
		assertThat(b.role().trustPolicyJson()).isEqualTo(a.role().trustPolicyJson());
		assertThat(b.policies()).extracting(GeneratedPolicy::json)
			.containsExactlyElementsOf(a.policies().stream().map(GeneratedPolicy::json).toList());
		assertThat(b.canvasAppSettingsJson()).isEqualTo(a.canvasAppSettingsJson());
		assertThat(b.cors()).extracting(BucketCors::json)
			.containsExactlyElementsOf(a.cors().stream().map(BucketCors::json).toList());
		assertThat(b.findings()).containsExactlyElementsOf(a.findings());
		assertThat(b.catalogVersion()).isEqualTo(a.catalogVersion()).isNotBlank();
	}

	static List<String> ids(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + String.format("%03d", i) + "-v1:0").toList();
	}

}
