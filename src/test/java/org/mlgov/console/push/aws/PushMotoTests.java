package org.mlgov.console.push.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlgov.console.MotoServer;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.DraftStatus;
import org.mlgov.console.policy.TestSpecs;
import org.mlgov.console.push.PlannedStep;
import org.mlgov.console.push.Push;
import org.mlgov.console.push.PushPlan;
import org.mlgov.console.push.PushService;
import org.mlgov.console.push.PushStatus;
import org.mlgov.console.push.PushStep;
import org.mlgov.console.push.StepOutcome;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.ReviewFixtures;
import org.mlgov.console.review.ReviewService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full push of a realistic revision (the data-scientist persona with VPC and KMS, a Bedrock allow list, a JumpStart
 * deny list, a Bedrock role for Canvas, evaluation CORS) into moto, through the console (PushService, the runner, the
 * real SDK adapters), read back with the SDK: the role, its trust policy and every policy document byte for byte as
 * approved, the attachments, the tags, the Bedrock role, the bucket's CORS with the earlier rule kept; then a second
 * push with zero write calls; then a policy attached by hand, reported and kept. moto has no UpdateDomain, so this
 * revision names no SageMaker target (those calls are checked against WireMock).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MotoServer.StaticCredentials.class)
class PushMotoTests {

	static final String ACCOUNT = TestSpecs.ACCOUNT;

	static final StaticCredentialsProvider CREDENTIALS = MotoServer.CREDENTIALS;

	@RegisterExtension
	static final MotoServer moto = new MotoServer(ACCOUNT);

	@DynamicPropertySource
	static void aws(DynamicPropertyRegistry registry) {
		moto.registerConsole(registry, TestSpecs.REGION);
	}

	@Autowired
	PushService pushes;

	@Autowired
	DraftService drafts;

	@Autowired
	ReviewService reviews;

	IamClient iam;

	S3Client s3;

	@BeforeEach
	void connect() throws Exception {
		moto.reset();
		this.iam = IamClient.builder()
			.region(Region.AWS_GLOBAL)
			.endpointOverride(moto.endpoint())
			.credentialsProvider(CREDENTIALS)
			.build();
		this.s3 = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(moto.endpoint())
			.forcePathStyle(true)
			.credentialsProvider(CREDENTIALS)
			.build();
	}

	@AfterEach
	void close() {
		this.iam.close();
		this.s3.close();
	}

	private Push pushAndWait(long draftId) throws InterruptedException {
		Push started = ReviewFixtures.as("admin", () -> this.pushes.start(draftId, "admin"), "ADMIN");
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			Push push = ReviewFixtures.as("admin", () -> this.pushes.find(started.id()).orElseThrow(), "ADMIN");
			if (push.finished()) {
				return push;
			}
			assertThat(System.nanoTime()).as("push ended within 120 s").isLessThan(until);
			Thread.sleep(200);
		}
	}

	private List<PushStep> steps(long pushId) {
		return ReviewFixtures.as("admin", () -> this.pushes.steps(pushId), "ADMIN");
	}

	private static String decode(String document) {
		return URLDecoder.decode(document, StandardCharsets.UTF_8);
	}

	@Test
	void aRealisticRevisionIsPushedIntoMotoExactlyAsApprovedAndARepushWritesNothing() throws Exception {
		CORSRule earlier = CORSRule.builder()
			.id("team-upload")
			.allowedMethods("PUT")
			.allowedOrigins("https://team.example.com")
			.build();
		this.s3.createBucket((r) -> r.bucket("ml-eval-bucket"));
		this.s3.putBucketCors((r) -> r.bucket("ml-eval-bucket").corsConfiguration((c) -> c.corsRules(earlier)));
		this.s3.createBucket((r) -> r.bucket("sagemaker-us-east-1-" + ACCOUNT));
		ReviewFixtures fixtures = new ReviewFixtures(this.drafts, this.reviews);
		Draft draft = fixtures.approved(fixtures.finished("admin", "Data scientists into moto",
				TestSpecs.dataScientistEverything(), CanvasTargets.none()), "reviewer");
		FrozenDocuments docs = ReviewFixtures.as("admin",
				() -> this.reviews.approvedRevision(draft.id()).revision().frozenDocuments(), "ADMIN");

		PushPlan plan = ReviewFixtures.as("admin", () -> this.pushes.plan(draft.id(), "admin"), "ADMIN");
		assertThat(plan.steps()).allMatch(PlannedStep::changes);

		Push push = pushAndWait(draft.id());
		List<PushStep> log = steps(push.id());
		assertThat(push.status()).as("%s %s", push.message(), log).isEqualTo(PushStatus.SUCCEEDED);
		assertThat(log).extracting(PushStep::outcome).containsOnly(StepOutcome.CHANGED);
		assertThat(push.writeCalls()).isEqualTo(plan.changes()).isEqualTo(log.size());
		assertThat(log).extracting(PushStep::awsRequestId).doesNotContainNull();

		// the role, byte for byte
		String roleName = docs.role().name();
		Role role = this.iam.getRole((r) -> r.roleName(roleName)).role();
		assertThat(role.arn()).isEqualTo(docs.role().arn());
		assertThat(role.path()).isEqualTo(docs.role().path());
		assertThat(role.description()).isEqualTo(docs.role().description());
		assertThat(role.maxSessionDuration()).isEqualTo(docs.role().maxSessionDurationSeconds());
		assertThat(decode(role.assumeRolePolicyDocument())).isEqualTo(docs.role().trustPolicyJson());
		Map<String, String> tags = this.iam.listRoleTags((r) -> r.roleName(roleName)).tags().stream()
			.collect(Collectors.toMap((t) -> t.key(), (t) -> t.value()));
		assertThat(tags).isEqualTo(Map.of("team", "a", "cost-center", "1234"));
		List<String> attached = this.iam.listAttachedRolePolicies((r) -> r.roleName(roleName)).attachedPolicies()
			.stream()
			.map(AttachedPolicy::policyArn)
			.toList();
		for (FrozenDocuments.Policy policy : docs.policies()) {
			if (policy.kind().equals("INLINE")) {
				assertThat(decode(this.iam.getRolePolicy((r) -> r.roleName(roleName).policyName(policy.name()))
					.policyDocument())).as(policy.name()).isEqualTo(policy.json());
			}
			else {
				String arn = "arn:aws:iam::" + ACCOUNT + ":policy" + policy.path() + policy.name();
				String version = this.iam.getPolicy((r) -> r.policyArn(arn)).policy().defaultVersionId();
				assertThat(decode(this.iam.getPolicyVersion((r) -> r.policyArn(arn).versionId(version))
					.policyVersion()
					.document())).as(policy.name()).isEqualTo(policy.json());
				assertThat(attached).contains(arn);
			}
		}
		assertThat(attached).containsAll(docs.awsManagedPolicyArns());
		assertThat(attached).hasSize(docs.awsManagedPolicyArns().size()
				+ (int) docs.policies().stream().filter((p) -> p.kind().equals("CUSTOMER_MANAGED")).count());

		// the Bedrock role for Canvas
		FrozenDocuments.BedrockRole bedrock = docs.bedrockRole();
		assertThat(bedrock.create()).isTrue();
		Role bedrockRole = this.iam.getRole((r) -> r.roleName(bedrock.name())).role();
		assertThat(decode(bedrockRole.assumeRolePolicyDocument())).isEqualTo(bedrock.trustPolicyJson());
		assertThat(this.iam.listAttachedRolePolicies((r) -> r.roleName(bedrock.name())).attachedPolicies())
			.extracting(AttachedPolicy::policyArn)
			.containsExactlyInAnyOrderElementsOf(bedrock.managedPolicyArns());

		// the bucket's CORS: the earlier rule kept, the evaluation rule added
		List<CORSRule> rules = this.s3.getBucketCors((r) -> r.bucket("ml-eval-bucket")).corsRules();
		assertThat(rules).hasSize(2);
		assertThat(rules.get(0)).isEqualTo(earlier);
		assertThat(rules.get(1).allowedMethods()).contains("GET", "PUT", "POST", "DELETE");

		// a second push reads only
		Push again = pushAndWait(draft.id());
		assertThat(again.status()).isEqualTo(PushStatus.SUCCEEDED);
		assertThat(again.writeCalls()).isZero();
		assertThat(steps(again.id())).extracting(PushStep::outcome).containsOnly(StepOutcome.NO_CHANGE);

		// a policy attached by hand is reported and kept
		String byHand = "arn:aws:iam::aws:policy/ReadOnlyAccess";
		this.iam.attachRolePolicy((r) -> r.roleName(roleName).policyArn(byHand));
		Push third = pushAndWait(draft.id());
		assertThat(third.status()).isEqualTo(PushStatus.SUCCEEDED);
		assertThat(third.writeCalls()).isZero();
		assertThat(steps(third.id())).filteredOn((s) -> s.arguments().contains(byHand))
			.singleElement()
			.satisfies((s) -> {
				assertThat(s.operation()).isEqualTo("DetachRolePolicy");
				assertThat(s.outcome()).isEqualTo(StepOutcome.NO_CHANGE);
				assertThat(s.message()).isEqualTo(byHand + " was attached by hand, not by this console: kept");
			});
		assertThat(this.iam.listAttachedRolePolicies((r) -> r.roleName(roleName)).attachedPolicies())
			.extracting(AttachedPolicy::policyArn)
			.contains(byHand);
		assertThat(ReviewFixtures.as("admin", () -> this.drafts.getForReading(draft.id()).status(), "ADMIN"))
			.isEqualTo(DraftStatus.PUSHED);
	}

}
