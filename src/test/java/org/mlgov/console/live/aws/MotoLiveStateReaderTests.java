package org.mlgov.console.live.aws;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlgov.console.MotoServer;
import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveRole.AttachedPolicy;
import org.mlgov.console.aws.AwsProblem.Kind;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppNetworkAccessType;
import software.amazon.awssdk.services.sagemaker.model.AuthMode;
import software.amazon.awssdk.services.sagemaker.model.FeatureStatus;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AwsLiveStateReader} against moto's AWS emulator ({@code python3 -m moto.server}), started by this class on a
 * free port: what the SDK writes with the real wire protocols (a role with inline, customer managed and AWS managed
 * policies and tags; a bucket with CORS rules; a SageMaker domain with Canvas settings) the reader reads back.
 * Skipped where moto is missing, except in CI ({@link MotoServer}). moto has no SageMaker user-profile calls, so those reads are
 * left to the WireMock contract tests. Every test starts from an empty emulator ({@code POST /moto-api/reset}).
 */
class MotoLiveStateReaderTests {

	/** moto's account. */
	static final String ACCOUNT = "123456789012";

	static final String REGION = "us-east-1";

	static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("testing", "testing"));

	static final String TRUST = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},\
			"Action":"sts:AssumeRole"}]}""";

	static final String INLINE = """
			{"Version":"2012-10-17","Statement":[{"Sid":"Artifacts","Effect":"Allow","Action":["s3:GetObject",\
			"s3:PutObject"],"Resource":"arn:aws:s3:::canvas-artifacts/*"}]}""";

	static final String GUARDRAILS = """
			{"Version":"2012-10-17","Statement":[{"Sid":"DenyOtherModels","Effect":"Deny","Action":"bedrock:InvokeModel",\
			"NotResource":"arn:aws:bedrock:*::foundation-model/anthropic.*"}]}""";

	static final String MANAGED_V1 = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";

	static final String MANAGED_V2 = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey"],\
			"Resource":"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}""";

	@RegisterExtension
	static final MotoServer moto = new MotoServer(ACCOUNT);

	private static URI endpoint;

	private IamClient iam;

	private S3Client s3;

	private SageMakerClient sageMaker;

	private AwsClients clients;

	private AwsLiveStateReader reader;

	@BeforeEach
	void resetMotoAndConnect() throws Exception {
		moto.reset();
		endpoint = moto.endpoint();
		this.iam = IamClient.builder()
			.region(Region.AWS_GLOBAL)
			.endpointOverride(endpoint)
			.credentialsProvider(CREDENTIALS)
			.build();
		this.s3 = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.credentialsProvider(CREDENTIALS)
			.build();
		this.sageMaker = SageMakerClient.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint)
			.credentialsProvider(CREDENTIALS)
			.build();
		// Generous timeouts: this class checks what moto answers, not how fast; moto's first IAM call can take seconds
		// on a busy machine (the timeouts have their own contract tests).
		AwsProperties properties = new AwsProperties(true, REGION, null, 1, true, Map.of(),
				new AwsProperties.Endpoints(endpoint, endpoint, endpoint, endpoint), Duration.ofSeconds(60),
				Duration.ofSeconds(30));
		this.clients = new AwsClients(properties, CREDENTIALS);
		this.reader = new AwsLiveStateReader(properties, this.clients);
	}

	@AfterEach
	void closeClients() {
		if (this.clients != null) {
			this.clients.close();
			this.iam.close();
			this.s3.close();
			this.sageMaker.close();
		}
	}

	@Test
	void readsARoleWithItsInlineAndManagedPoliciesAndTags() {
		String role = "CanvasExecution";
		this.iam.createRole((r) -> r.roleName(role)
			.path("/service-role/")
			.description("Execution role of the analytics Canvas users")
			.maxSessionDuration(7200)
			.assumeRolePolicyDocument(TRUST)
			.tags((t) -> t.key("team").value("ml ops"), (t) -> t.key("cost-center").value("4711")));
		this.iam.putRolePolicy((r) -> r.roleName(role).policyName("ArtifactAccess").policyDocument(INLINE));
		this.iam.putRolePolicy((r) -> r.roleName(role).policyName("ModelAccessGuardrails").policyDocument(GUARDRAILS));
		String managedArn = this.iam.createPolicy((r) -> r.policyName("CanvasKmsUse").path("/governance/")
			.policyDocument(MANAGED_V1)).policy().arn();
		this.iam.createPolicyVersion((r) -> r.policyArn(managedArn).policyDocument(MANAGED_V2).setAsDefault(true));
		this.iam.attachRolePolicy((r) -> r.roleName(role).policyArn(managedArn));
		String awsManaged = "arn:aws:iam::aws:policy/AmazonSageMakerCanvasFullAccess";
		this.iam.attachRolePolicy((r) -> r.roleName(role).policyArn(awsManaged));

		LiveRole live = this.reader.readRole(ACCOUNT, role).valueIfFound().orElseThrow();

		assertThat(live.roleName()).isEqualTo(role);
		assertThat(live.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/service-role/" + role);
		assertThat(live.path()).isEqualTo("/service-role/");
		assertThat(live.description()).isEqualTo("Execution role of the analytics Canvas users");
		assertThat(live.maxSessionDurationSeconds()).isEqualTo(7200);
		assertThat(live.trustPolicyJson()).isEqualTo(TRUST);
		assertThat(live.inlinePolicies()).isEqualTo(Map.of("ArtifactAccess", INLINE, "ModelAccessGuardrails", GUARDRAILS));
		assertThat(live.attachedPolicies()).containsExactlyInAnyOrder(
				new AttachedPolicy(managedArn, "CanvasKmsUse", "v2", MANAGED_V2),
				new AttachedPolicy(awsManaged, "AmazonSageMakerCanvasFullAccess", null, null));
		assertThat(managedArn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":policy/governance/CanvasKmsUse");
		assertThat(live.tags()).isEqualTo(Map.of("team", "ml ops", "cost-center", "4711"));
	}

	@Test
	void aRoleThatDoesNotExistIsNotFound() {
		assertThat(this.reader.readRole(ACCOUNT, "Missing").problemIfFailed().orElseThrow().kind())
			.isEqualTo(Kind.NOT_FOUND);
	}

	@Test
	void readsABucketsCorsRulesAndABucketWithoutAny() {
		this.s3.createBucket((r) -> r.bucket("canvas-artifacts"));
		this.s3.putBucketCors((r) -> r.bucket("canvas-artifacts")
			.corsConfiguration((c) -> c.corsRules(CORSRule.builder()
				.id("canvas-local-upload")
				.allowedHeaders("*")
				.allowedMethods("POST", "PUT")
				.allowedOrigins("https://*.sagemaker.aws")
				.exposeHeaders("ETag")
				.maxAgeSeconds(3000)
				.build(), CORSRule.builder().allowedMethods("GET").allowedOrigins("*").build())));
		this.s3.createBucket((r) -> r.bucket("no-cors-here"));

		LiveRead<LiveBucketCors> read = this.reader.readBucketCors(ACCOUNT, REGION, "canvas-artifacts");

		assertThat(read).isEqualTo(LiveRead.found(new LiveBucketCors(ACCOUNT, REGION, "canvas-artifacts", """
				[
				  {
				    "ID": "canvas-local-upload",
				    "AllowedHeaders": [
				      "*"
				    ],
				    "AllowedMethods": [
				      "POST",
				      "PUT"
				    ],
				    "AllowedOrigins": [
				      "https://*.sagemaker.aws"
				    ],
				    "ExposeHeaders": [
				      "ETag"
				    ],
				    "MaxAgeSeconds": 3000
				  },
				  {
				    "AllowedMethods": [
				      "GET"
				    ],
				    "AllowedOrigins": [
				      "*"
				    ]
				  }
				]
				""", 2)));
		assertThat(this.reader.readBucketCors(ACCOUNT, REGION, "no-cors-here"))
			.isEqualTo(LiveRead.found(new LiveBucketCors(ACCOUNT, REGION, "no-cors-here", "[]\n", 0)));
		assertThat(this.reader.readBucketCors(ACCOUNT, REGION, "no-such-bucket").problemIfFailed().orElseThrow().kind())
			.isEqualTo(Kind.NOT_FOUND);
	}

	@Test
	void readsASageMakerDomainWithItsCanvasSettingsAndListsTheDomains() {
		String executionRole = "arn:aws:iam::" + ACCOUNT + ":role/service-role/CanvasExecution";
		String domainArn = this.sageMaker.createDomain((r) -> r.domainName("analytics")
			.authMode(AuthMode.IAM)
			.vpcId("vpc-0a1b2c3d")
			.subnetIds("subnet-0a1b")
			.appNetworkAccessType(AppNetworkAccessType.PUBLIC_INTERNET_ONLY)
			.defaultUserSettings((u) -> u.executionRole(executionRole)
				.canvasAppSettings((c) -> c.directDeploySettings((d) -> d.status(FeatureStatus.ENABLED))
					.timeSeriesForecastingSettings((t) -> t.status(FeatureStatus.DISABLED)))))
			.domainArn();
		String domainId = domainArn.substring(domainArn.lastIndexOf('/') + 1);

		LiveDomain domain = this.reader.readDomain(ACCOUNT, REGION, domainId).valueIfFound().orElseThrow();

		assertThat(domain).isEqualTo(new LiveDomain(ACCOUNT, REGION, domainId, domainArn, "analytics", "InService",
				executionRole, """
						{
						  "TimeSeriesForecastingSettings": {
						    "Status": "DISABLED"
						  },
						  "DirectDeploySettings": {
						    "Status": "ENABLED"
						  }
						}
						"""));
		assertThat(this.reader.listDomains(ACCOUNT, REGION).valueIfFound().orElseThrow())
			.containsExactly(new DomainSummary(domainId, "analytics", "InService", domainArn));
	}

	@Test
	void anAccountWithoutDomainsListsNone() {
		assertThat(this.reader.listDomains(ACCOUNT, REGION)).isEqualTo(LiveRead.found(List.of()));
	}

}
