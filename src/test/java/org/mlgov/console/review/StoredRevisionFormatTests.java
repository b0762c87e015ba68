package org.mlgov.console.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftContentJson;
import org.mlgov.console.draft.JsonContainment;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.PolicyGenerator;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.TestSpecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Golden tests of revisions stored in each format so far: a frozen revision must stay verifiable and readable whatever
 * changes later. If one of these tests fails, the change broke revisions already in the database: change the code,
 * never a fixture.
 */
class StoredRevisionFormatTests {

	/**
	 * The fixtures ({@code src/test/resources/fixtures}), each with the SHA-256 recorded when it was stored, repeated
	 * here so that a fixture cannot be regenerated unnoticed.
	 */
	enum Stored {

		/** Before stored JSON had a format version. */
		FORMAT_1("revision-format-1.json", 1, "b1ec99005c16873af4d49691a819cb0ef81e88ce72a54d597f05918bf98fcc05"),
		/** Format 1 with {@code "formatVersion": 2} first, in the documents and in the content. */
		FORMAT_2("revision-format-2.json", 2, "4387659d0b34b07f1a0ac8db53894c6056738450c07615ade088e04c64dc9ecf");

		final String file;

		final int version;

		final String sha256;

		Stored(String file, int version, String sha256) {
			this.file = file;
			this.version = version;
			this.sha256 = sha256;
		}

		StoredRevisionFixture fixture() {
			return StoredRevisionFixture.load(this.file);
		}

	}

	@ParameterizedTest
	@EnumSource
	void theStoredDocumentsStillMatchTheirSha256(Stored stored) throws Exception {
		DraftRevision revision = stored.fixture().revision();
		assertThat(revision.documentsSha256()).isEqualTo(stored.sha256);
		assertThat(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(revision.documents().getBytes(StandardCharsets.UTF_8)))).isEqualTo(stored.sha256);
		// What the approval check (ReviewService#approve) asks.
		assertThat(revision.intact()).isTrue();
		assertThat(revision.documentsFormatVersion()).isEqualTo(stored.version);
		assertThat(DraftContentJson.formatVersion(revision.content())).isEqualTo(stored.version);
	}

	@ParameterizedTest
	@EnumSource
	void anotherModelInTheStoredGuardrailIsNoLongerIntact(Stored stored) {
		DraftRevision revision = stored.fixture().revision();
		DraftRevision tampered = new DraftRevision(revision.id(), revision.draftId(), revision.number(),
				revision.content(),
				revision.documents().replace("anthropic.claude-sonnet-4-5", "anthropic.claude-opus-4-1"),
				revision.documentsSha256(), revision.catalogVersion(), revision.justification(), revision.submittedBy(),
				revision.submittedAt());
		assertThat(tampered.documents()).isNotEqualTo(revision.documents());
		assertThat(tampered.intact()).isFalse();
	}

	@ParameterizedTest
	@EnumSource
	void theStoredDocumentsAreReadBack(Stored stored) {
		StoredRevisionFixture fixture = stored.fixture();
		FrozenDocuments documents = fixture.revision().frozenDocuments();
		assertThat(documents.catalogVersion()).isEqualTo(fixture.column("catalog_version"))
			.isEqualTo("2026.11.23-1+9f22c71cd98d");
		assertThat(documents.roleMode()).isEqualTo(RoleMode.NEW_ROLE);
		assertThat(documents.role().arn())
			.isEqualTo("arn:aws:iam::111122223333:role/service-role/SageMaker-DataScientist");
		assertThat(documents.role().maxSessionDurationSeconds()).isEqualTo(7200);
		assertThat(documents.role().permissionsBoundaryArn())
			.isEqualTo("arn:aws:iam::111122223333:policy/ml-team-boundary");
		assertThat(documents.role().tags()).containsExactly(new RoleSpec.Tag("team", "fraud"),
				new RoleSpec.Tag("cost-center", "1234"));
		assertThat(documents.role().trustPolicyJson()).contains("\"Service\": \"sagemaker.amazonaws.com\"")
			.contains("\"Service\": \"bedrock.amazonaws.com\"");
		assertThat(documents.policies()).extracting(FrozenDocuments.Policy::name, FrozenDocuments.Policy::kind)
			.containsExactly(tuple("ModelAccessGuardrails", "INLINE"),
					tuple("SageMaker-DataScientist-permissions-1", "CUSTOMER_MANAGED"),
					tuple("SageMaker-DataScientist-permissions-2", "CUSTOMER_MANAGED"));
		assertThat(documents.policies().get(0).json()).contains("anthropic.claude-sonnet-4-5-20250929-v1:0")
			.contains("huggingface-textgeneration1-mpt-7b-*");
		assertThat(documents.bedrockRole().name())
			.isEqualTo("AmazonSagemakerCanvasBedrockRole-SageMaker-DataScientist");
		assertThat(documents.canvasTargets()).isEqualTo(new CanvasTargets("d-abc123def456", true, List.of("alice")));
		assertThat(documents.cors()).singleElement().satisfies((cors) -> {
			assertThat(cors.bucket()).isEqualTo("fraud-ml-eval");
			assertThat(cors.json()).contains("https://*.console.aws.amazon.com");
		});
		assertThat(documents.findings()).isNotEmpty();
		assertThat(documents.blocked()).isFalse();
	}

	@ParameterizedTest
	@EnumSource
	void theStoredSpecificationIsReadBack(Stored stored) {
		StoredRevisionFixture fixture = stored.fixture();
		DraftContent content = fixture.revision().draftContent();
		RoleSpec spec = content.spec();
		assertThat(spec.accountId()).isEqualTo(fixture.column("account_id")).isEqualTo("111122223333");
		assertThat(spec.roleName()).isEqualTo(fixture.column("role_name")).isEqualTo("SageMaker-DataScientist");
		assertThat(spec.region()).isEqualTo("us-east-1");
		assertThat(spec.persona()).isEqualTo("data-scientist");
		assertThat(spec.maxSessionDurationSeconds()).isEqualTo(7200);
		assertThat(spec.activities()).hasSize(7);
		assertThat(spec.activities().get(5).values("S3Buckets")).containsExactly("fraud-ml-data");
		assertThat(spec.vpc().subnetIds()).containsExactly("subnet-0a1b2c3d4e5f67890");
		assertThat(spec.kms().volumeKeyArns())
			.containsExactly("arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321");
		assertThat(spec.bedrock().mode()).isEqualTo(AccessMode.ALLOW_LISTED);
		assertThat(spec.bedrock().allowed()).containsExactly("anthropic.claude-sonnet-4-5-20250929-v1:0",
				"amazon.nova-pro-v1:0");
		assertThat(spec.jumpStart().mode()).isEqualTo(AccessMode.DENY_LISTED);
		assertThat(spec.canvas().bedrockRole()).isEqualTo(RoleSpec.BedrockRoleChoice.CREATE);
		assertThat(spec.evaluation().corsAllowedOrigins()).containsExactly("https://*.console.aws.amazon.com");
		assertThat(content.roleMode()).isEqualTo(RoleMode.NEW_ROLE);
		assertThat(content.canvasTargets()).isEqualTo(new CanvasTargets("d-abc123def456", true, List.of("alice")));
		assertThat(content.personaChange()).isNull();
	}

	@ParameterizedTest
	@EnumSource
	void theCurrentCodeWritesEveryStoredMemberAsItWasStored(Stored stored) {
		DraftRevision revision = stored.fixture().revision();
		JsonContainment.assertContains(revision.documents(), RevisionJson.write(revision.frozenDocuments()));
		JsonContainment.assertContains(revision.content(), DraftContentJson.write(revision.draftContent()));
	}

	@Test
	void aNewRevisionIsStoredInTheCurrentFormatAndItsSha256CoversTheVersion() {
		RoleSpec spec = TestSpecs.dataScientistEverything();
		DraftRevision revision = DraftRevision.of(7L, 1, new DraftContent(spec, RoleMode.NEW_ROLE, null),
				FrozenDocuments.of(new PolicyGenerator(CatalogLoader.loadDefault()).generate(spec), RoleMode.NEW_ROLE,
						null),
				"why", "alice", Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(revision.documents()).startsWith("{\"formatVersion\":2,\"catalogVersion\":");
		assertThat(revision.content()).startsWith("{\"formatVersion\":2,\"spec\":");
		assertThat(revision.documentsFormatVersion()).isEqualTo(RevisionJson.FORMAT_VERSION).isEqualTo(2);
		assertThat(revision.intact()).isTrue();
		DraftRevision versionRemoved = new DraftRevision(null, 7L, 1, revision.content(),
				revision.documents().replace("\"formatVersion\":2,", ""), revision.documentsSha256(),
				revision.catalogVersion(), "why", "alice", revision.submittedAt());
		assertThat(versionRemoved.intact()).isFalse();
	}

	@Test
	void documentsOfAFormatNewerThanThisConsoleAreRefused() {
		DraftRevision revision = Stored.FORMAT_2.fixture().revision();
		String newer = revision.documents().replace("{\"formatVersion\":2,", "{\"formatVersion\":3,");
		assertThatIllegalStateException().isThrownBy(() -> RevisionJson.read(newer))
			.withMessage("Stored JSON of format 3: this console reads formats 1 to 2.");
	}

}
