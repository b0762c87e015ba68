package org.mlgov.console.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.draft.DraftContentJson;
import org.mlgov.console.draft.JsonContainment;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.policy.RoleSpec.AccessMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Golden test of a revision stored in format 1 (before stored JSON carried a format version): a frozen revision must
 * stay verifiable and readable whatever changes later. If this test fails, the change broke revisions already in the
 * database: change the code, never the fixture.
 */
class StoredRevisionFormatTests {

	/** The SHA-256 recorded when the fixture was stored; repeated here so that the fixture cannot be regenerated. */
	private static final String FORMAT_1_SHA256 = "b1ec99005c16873af4d49691a819cb0ef81e88ce72a54d597f05918bf98fcc05";

	private final StoredRevisionFixture format1 = StoredRevisionFixture.load("revision-format-1.json");

	@Test
	void theStoredDocumentsStillMatchTheirSha256() throws Exception {
		DraftRevision revision = this.format1.revision();
		assertThat(revision.documentsSha256()).isEqualTo(FORMAT_1_SHA256);
		assertThat(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(revision.documents().getBytes(StandardCharsets.UTF_8)))).isEqualTo(FORMAT_1_SHA256);
		// What the approval check (ReviewService#approve) asks.
		assertThat(revision.intact()).isTrue();
	}

	@Test
	void anotherModelInTheStoredGuardrailIsNoLongerIntact() {
		DraftRevision revision = this.format1.revision();
		DraftRevision tampered = new DraftRevision(revision.id(), revision.draftId(), revision.number(),
				revision.content(), revision.documents().replace("anthropic.claude-sonnet-4-5", "anthropic.claude-opus-4-1"),
				revision.documentsSha256(), revision.catalogVersion(), revision.justification(), revision.submittedBy(),
				revision.submittedAt());
		assertThat(tampered.documents()).isNotEqualTo(revision.documents());
		assertThat(tampered.intact()).isFalse();
	}

	@Test
	void theStoredDocumentsAreReadBack() {
		FrozenDocuments documents = this.format1.revision().frozenDocuments();
		assertThat(documents.catalogVersion()).isEqualTo(this.format1.column("catalog_version"))
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
		assertThat(documents.bedrockRole().name()).isEqualTo("AmazonSagemakerCanvasBedrockRole-SageMaker-DataScientist");
		assertThat(documents.canvasTargets()).isEqualTo(new CanvasTargets("d-abc123def456", true, List.of("alice")));
		assertThat(documents.cors()).singleElement().satisfies((cors) -> {
			assertThat(cors.bucket()).isEqualTo("fraud-ml-eval");
			assertThat(cors.json()).contains("https://*.console.aws.amazon.com");
		});
		assertThat(documents.findings()).isNotEmpty();
		assertThat(documents.blocked()).isFalse();
	}

	@Test
	void theStoredSpecificationIsReadBack() {
		DraftContent content = this.format1.revision().draftContent();
		RoleSpec spec = content.spec();
		assertThat(spec.accountId()).isEqualTo(this.format1.column("account_id")).isEqualTo("111122223333");
		assertThat(spec.roleName()).isEqualTo(this.format1.column("role_name")).isEqualTo("SageMaker-DataScientist");
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

	@Test
	void theCurrentCodeWritesEveryStoredMemberAsItWasStored() {
		DraftRevision revision = this.format1.revision();
		JsonContainment.assertContains(revision.documents(), RevisionJson.write(revision.frozenDocuments()));
		JsonContainment.assertContains(revision.content(),
				DraftContentJson.write(revision.draftContent()));
	}

}
