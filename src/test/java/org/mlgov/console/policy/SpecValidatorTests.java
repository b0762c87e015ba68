package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.CatalogLoader;
import org.mlgov.console.catalog.Persona;
import org.mlgov.console.policy.RoleSpec.AccessMode;
import org.mlgov.console.policy.RoleSpec.ActivitySelection;
import org.mlgov.console.policy.RoleSpec.CanvasSettings;
import org.mlgov.console.policy.RoleSpec.EncryptionSettings;
import org.mlgov.console.policy.RoleSpec.EvaluationSettings;
import org.mlgov.console.policy.RoleSpec.ModelAccess;
import org.mlgov.console.policy.RoleSpec.NetworkSettings;
import org.mlgov.console.policy.RoleSpec.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link SpecValidator}: a full valid specification passes, and each malformed variant (the valid one with one
 * defect) is reported on exactly the defective field. Variants are written as edits of the specification's JSON
 * form, at the JSON pointer of the field path, as the JSON API would receive them.
 */
class SpecValidatorTests {

	private static final Catalog CATALOG = CatalogLoader.loadDefault();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String ROLE = "arn:aws:iam::123456789012:role/service-role/SageMaker-ComputeRole";

	private static final String DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	private static final String MEGABYTE = "x".repeat(1 << 20);

	private static final String VALID = """
			{
			  "accountId": "123456789012",
			  "region": "us-east-1",
			  "partition": "aws",
			  "roleName": "DataScientist-ml_team.v2",
			  "rolePath": "/service-role/",
			  "description": "Execution role for the data science team in Zürich (cost centre 42)",
			  "tags": [ { "key": "team", "value": "data-science" }, { "key": "cost-center", "value": "42" } ],
			  "maxSessionDurationSeconds": 14400,
			  "permissionsBoundaryArn": "arn:aws:iam::123456789012:policy/boundaries/MlBoundary",
			  "persona": "data-scientist",
			  "activities": [
			    { "id": "run-studio-apps", "parameters": { "PassRoles": [ "%1$s" ] } },
			    { "id": "manage-jobs", "parameters": {
			        "PassRoles": [ "%1$s", "arn:aws:iam::123456789012:role/ml/SageMaker-Training-*" ] } },
			    { "id": "manage-models", "parameters": { "PassRoles": [ "%1$s" ] } },
			    { "id": "manage-experiments" },
			    { "id": "visualize-experiments", "parameters": {} },
			    { "id": "s3-bucket-access", "parameters": { "S3Buckets": [ "ml-data-bucket", "ml.output.example-2024" ] } },
			    { "id": "access-aws-services", "parameters": {
			        "S3Buckets": [ "ml-data-bucket" ],
			        "ECRRepoArns": [ "arn:aws:ecr:us-east-1:123456789012:repository/team/training-image",
			                         "arn:aws:ecr:us-east-1:123456789012:repository/team/inference-*" ] } },
			    { "id": "query-athena-workgroups", "parameters": { "WorkGroupNames": [ "primary", "ml_team.v2" ] } },
			    { "id": "manage-glue-tables", "parameters": {
			        "S3Buckets": [ "ml-data-bucket" ], "GlueDbNames": [ "ml_features", "Raw-Data" ] } },
			    { "id": "canvas-core-access", "parameters": {} }
			  ],
			  "vpc": { "subnetIds": [ "subnet-0123456789abcdef0", "subnet-1a2b3c4d" ],
			           "securityGroupIds": [ "sg-0123456789abcdef0" ] },
			  "kms": { "dataKeyArns": [ "%2$s" ],
			           "volumeKeyArns": [ "arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab" ] },
			  "bedrock": { "mode": "ALLOW_LISTED",
			               "allowed": [ "anthropic.claude-3-haiku-20240307-v1:0", "amazon.titan-text-express-v1", "cohere.command-*" ],
			               "denied": [ "cohere.command-r-plus-v1:0" ], "denyFineTuning": true },
			  "jumpStart": { "mode": "DENY_LISTED",
			                 "denied": [ "huggingface-llm-falcon-180b-bf16", "meta-textgeneration-llama-2-70b*" ] },
			  "canvas": { "readyToUseModels": true, "generativeAi": true, "bedrockRole": "EXISTING",
			              "bedrockRoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSagemakerCanvasBedrockRole-20240101T000000",
			              "directDeployment": true, "timeSeriesForecasting": true,
			              "forecastRoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMakerCanvasForecastRole",
			              "modelRegistration": true, "crossAccountModelRegisterRoleArn": "arn:aws:iam::210987654321:role/ModelRegistryAccess",
			              "localFileUpload": true, "canvasBucket": "sagemaker-us-east-1-123456789012" },
			  "collaboration": { "studioClassicModelSharing": true, "scope": "NARROWED" },
			  "evaluation": { "automatic": true, "human": true, "corsBuckets": [ "ml-eval-bucket", "ml-eval-human" ],
			                  "corsAllowedOrigins": [ "https://*.console.aws.amazon.com", "https://console.aws.amazon.com" ],
			                  "s3Scope": "NARROWED" }
			}
			""".formatted(ROLE, DATA_KEY);

	private final SpecValidator validator = new SpecValidator(CATALOG);

	@Test
	void fullValidSpecificationHasNoError() {
		RoleSpec spec = spec(VALID, Map.of());
		assertThat(this.validator.validate(spec)).isEmpty();

		Persona persona = CATALOG.persona(spec.persona()).orElseThrow();
		assertThat(spec.activities()).extracting(ActivitySelection::id).containsAll(persona.activities());
		CanvasSettings canvas = spec.canvas();
		assertThat(List.of(canvas.readyToUseModels(), canvas.generativeAi(), canvas.directDeployment(),
				canvas.timeSeriesForecasting(), canvas.modelRegistration(), canvas.localFileUpload()))
			.containsOnly(true);
		assertThat(spec.collaboration().studioClassicModelSharing()).isTrue();
		assertThat(spec.evaluation().enabled()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedVariants")
	void acceptedVariantHasNoError(Variant variant) {
		assertThat(this.validator.validate(spec(VALID, variant.edits()))).isEmpty();
	}

	static Stream<Variant> acceptedVariants() {
		return Stream.of(variant("partition left to its default").set("partition", null),
				variant("no role path").set("rolePath", null), variant("blank role path").set("rolePath", " "),
				variant("root role path").set("rolePath", "/"), variant("no description").set("description", null),
				variant("no tags").set("tags", null), variant("empty tag value").set("tags[0].value", ""),
				variant("Unicode tag value (tags never enter a policy)").set("tags[0].value", "機械学習 チーム"),
				variant("no session duration").set("maxSessionDurationSeconds", null),
				variant("12-hour session").set("maxSessionDurationSeconds", 43200),
				variant("no permissions boundary").set("permissionsBoundaryArn", null),
				variant("AWS managed boundary").set("permissionsBoundaryArn", "arn:aws:iam::aws:policy/PowerUserAccess"),
				variant("custom persona with its (no) default activities").set("persona", "custom")
					.set("activities", null),
				variant("compute persona with explicit activities").set("persona", "sagemaker-compute-role"),
				variant("no VPC").set("vpc", null), variant("VPC off").set("vpc", Map.of()),
				variant("no KMS").set("kms", null), variant("no Bedrock governance").set("bedrock", null),
				variant("Bedrock DENY_ALL").set("bedrock", Map.of("mode", "DENY_ALL")),
				variant("Bedrock allow list without deny list").set("bedrock.denied", null),
				variant("Bedrock fine-tuning default").set("bedrock.denyFineTuning", null),
				variant("no JumpStart governance").set("jumpStart", null),
				variant("JumpStart ids keep their case").set("jumpStart.denied[0]", "huggingface-llm-falcon-3-10B-Instruct"),
				variant("JumpStart ? wildcard").set("jumpStart.denied[0]", "meta-textgeneration-llama-2-?b"),
				variant("no Canvas").set("canvas", null),
				variant("Canvas creates the Bedrock role").set("canvas.bedrockRole", "CREATE")
					.set("canvas.bedrockRoleArn", null)
					.set("canvas.bedrockRoleName", "AmazonSagemakerCanvasBedrockRole-ml"),
				variant("no collaboration").set("collaboration", null),
				variant("default collaboration scope").set("collaboration.scope", null),
				variant("no evaluation").set("evaluation", null),
				variant("evaluation off").set("evaluation", Map.of("automatic", false, "human", false)),
				variant("default CORS origins").set("evaluation.corsAllowedOrigins", null),
				variant("CORS origin with port").set("evaluation.corsAllowedOrigins[1]", "http://localhost:8080"),
				variant("ECR wildcard over a whole account").set("activities[6].parameters.ECRRepoArns[1]",
						"arn:aws:ecr:us-east-1:123456789012:repository/*"),
				variant("PassRole wildcard").set("activities[2].parameters.PassRoles[0]",
						"arn:aws:iam::123456789012:role/*"),
				variant("17-digit subnet and 8-digit group").set("vpc.securityGroupIds[0]", "sg-1a2b3c4d"));
	}

	@Test
	void otherPartitionsAcceptTheirOwnArns() {
		String china = VALID.replace("arn:aws:", "arn:aws-cn:").replace("us-east-1", "cn-north-1");
		String govCloud = VALID.replace("arn:aws:", "arn:aws-us-gov:").replace("us-east-1", "us-gov-west-1");
		assertThat(this.validator.validate(spec(china, Map.of("partition", "aws-cn")))).isEmpty();
		assertThat(this.validator.validate(spec(govCloud, Map.of("partition", "aws-us-gov")))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("defects")
	void oneDefectIsReportedOnItsFieldOnly(Defect defect) {
		List<FieldError> errors = this.validator.validate(spec(VALID, defect.variant().edits()));
		assertThat(errors).extracting(FieldError::field).containsExactly(defect.field());
		assertThat(errors.get(0).message()).contains(defect.phrase());
	}

	static Stream<Defect> defects() {
		return Stream.of(accountAndRegion(), role(), tags(), personaAndActivities(), parameterValues(),
				networkAndEncryption(), modelAccess(), canvas(), evaluation())
			.flatMap(Stream::of);
	}

	private static Defect[] accountAndRegion() {
		return new Defect[] { defect("null account id", "accountId", null, "Account id is required"),
				defect("blank account id", "accountId", " ", "Account id is required"),
				defect("letters in the account id", "accountId", "abc", "Account id must be 12 digits (got 'abc')"),
				defect("11-digit account id", "accountId", "12345678901", "must be 12 digits"),
				defect("null region", "region", null, "Region is required"),
				defect("upper-case region", "region", "US-EAST-1", "must look like us-east-1"),
				defect("region without number", "region", "us-east", "must look like us-east-1"),
				defect("isolated region", "region", "us-iso-east-1", "isolated partition"),
				defect("unknown partition", "partition", "aws-foo", "must be aws, aws-cn or aws-us-gov"),
				defect("blank partition", "partition", "", "must be aws, aws-cn or aws-us-gov"),
				defect("China partition in a commercial region", "partition", "aws-cn", "set it to aws"),
				variant("China region in partition aws").set("region", "cn-north-1")
					.reports("partition", "Region cn-north-1 is in partition aws-cn"),
				variant("GovCloud region with the default partition").set("region", "us-gov-west-1")
					.set("partition", null)
					.reports("partition", "not set (aws): set it to aws-us-gov") };
	}

	private static Defect[] role() {
		return new Defect[] { defect("null role name", "roleName", null, "Role name is required"),
				defect("65-character role name", "roleName", "r".repeat(65), "at most 64 characters (got 65)"),
				defect("space in the role name", "roleName", "data scientist", "may only contain letters"),
				defect("non-Latin-1 role name", "roleName", "Rolle→1", "rejects in policy documents"),
				defect("relative role path", "rolePath", "service-role/", "must be '/' or start and end with '/'"),
				defect("empty role path segment", "rolePath", "//", "must be '/' or start and end with '/'"),
				defect("space in the role path", "rolePath", "/ml team/", "printable ASCII"),
				defect("513-character role path", "rolePath", "/" + "p".repeat(511) + "/", "at most 512"),
				defect("non-Latin-1 character in the description", "description", "Data science ✓",
						"'✓' (U+2713)"),
				defect("C1 control character in the description", "description", "line\u0085break", "U+0085"),
				defect("1001-character description", "description", "d".repeat(1001), "at most 1000"),
				defect("session under one hour", "maxSessionDurationSeconds", 3599, "3600 to 43200 seconds"),
				defect("session over twelve hours", "maxSessionDurationSeconds", 43201, "got 43201"),
				defect("role ARN as permissions boundary", "permissionsBoundaryArn",
						"arn:aws:iam::123456789012:role/Boundary", "must look like arn:aws:iam::<account-id>:policy/"),
				defect("boundary by name only", "permissionsBoundaryArn", "PowerUserAccess", "must look like"),
				defect("boundary in another partition", "permissionsBoundaryArn",
						"arn:aws-cn:iam::aws:policy/PowerUserAccess", "is in partition aws-cn") };
	}

	private static Defect[] tags() {
		return new Defect[] { defect("51 tags", "tags", tagList(51), "At most 50 tags"),
				defect("null tag", "tags[0]", null, "tag is empty"),
				defect("null tag key", "tags[0].key", null, "Tag key is required"),
				defect("aws: tag key", "tags[0].key", "aws:team", "reserved for AWS"),
				defect("AWS: tag key in capitals", "tags[0].key", "AWS:Team", "reserved for AWS"),
				defect("duplicate tag key in another case", "tags[1].key", "TEAM", "already used by tags[0]"),
				defect("129-character tag key", "tags[0].key", "k".repeat(129), "at most 128"),
				defect("semicolon in a tag key", "tags[0].key", "team;name", "tags allow letters"),
				defect("null tag value", "tags[0].value", null, "Tag value is missing"),
				defect("257-character tag value", "tags[0].value", "v".repeat(257), "at most 256"),
				defect("star in a tag value", "tags[1].value", "4*2", "contains '*' (U+002A)") };
	}

	private static Defect[] personaAndActivities() {
		return new Defect[] {
				defect("null persona", "persona", null, "choose one of data-scientist, mlops, sagemaker-compute-role"),
				defect("unknown persona", "persona", "data-engineer", "'data-engineer' is not in the catalogue"),
				defect("persona defaults without their parameters", "activities", null,
						"Manage ML Jobs needs PassRoles"),
				defect("41 activities", "activities", Collections.nCopies(41, Map.of("id", "manage-experiments")),
						"At most 40 activities"),
				defect("null activity", "activities[10]", null, "activity is empty"),
				defect("null activity id", "activities[3].id", null, "Activity id is required"),
				defect("unknown activity", "activities[3].id", "manage-everything", "not in the catalogue"),
				defect("duplicate activity", "activities[4].id", "manage-experiments",
						"Manage Experiments is selected twice (also at activities[3])"),
				variant("null parameters of an activity that needs them").set("activities[1].parameters", null)
					.reports("activities[1].parameters.PassRoles", "needs at least one value in PassRoles"),
				defect("null required parameter", "activities[1].parameters.PassRoles", null,
						"Manage ML Jobs needs at least one value"),
				defect("empty required parameter", "activities[5].parameters.S3Buckets", List.of(),
						"S3 Bucket Access needs at least one value in S3Buckets"),
				defect("parameter of an activity without parameters", "activities[4].parameters.PassRoles",
						List.of(ROLE), "takes no PassRoles (it takes no parameters)"),
				defect("parameter the activity does not use", "activities[5].parameters.PassRoles", List.of(ROLE),
						"takes no PassRoles (it takes S3Buckets)"),
				defect("unknown parameter name", "activities[1].parameters.S3Bucket", List.of("ml-data-bucket"),
						"Unknown parameter 'S3Bucket'"),
				defect("parameter of a Canvas activity", "activities[9].parameters.S3Buckets", List.of("ml-data-bucket"),
						"Canvas activity: it takes no parameters") };
	}

	private static Defect[] parameterValues() {
		String buckets = "activities[5].parameters.S3Buckets";
		String ecr = "activities[6].parameters.ECRRepoArns";
		String passRoles = "activities[1].parameters.PassRoles";
		return new Defect[] { defect("null bucket", buckets + "[0]", null, "entry is empty"),
				defect("blank bucket", buckets + "[1]", "  ", "entry is empty"),
				defect("duplicate bucket", buckets + "[1]", "ml-data-bucket",
						"is listed twice (also at activities[5].parameters.S3Buckets[0])"),
				defect("101 buckets", buckets, bucketList(101), "At most 100 values"),
				defect("upper-case bucket", buckets + "[0]", "ML-Data", "lowercase letters, digits, dots and hyphens"),
				defect("two-character bucket", buckets + "[0]", "ab", "3 to 63 characters long (got 2)"),
				defect("64-character bucket", buckets + "[0]", "b".repeat(64), "3 to 63 characters long (got 64)"),
				defect("bucket with two adjacent dots", buckets + "[0]", "my..bucket", "two adjacent dots"),
				defect("bucket formatted as an IP address", buckets + "[0]", "192.168.1.10", "IP address"),
				defect("bucket with reserved prefix", buckets + "[0]", "xn--bucket", "must not start with 'xn--'"),
				defect("bucket with reserved suffix", buckets + "[0]", "data-s3alias", "must not end with '-s3alias'"),
				defect("bucket starting with a hyphen", buckets + "[0]", "-data", "start and end with"),
				defect("bucket ARN instead of name", buckets + "[0]", "arn:aws:s3:::ml-data", "bare bucket name"),
				defect("upper-case ECR repository", ecr + "[0]",
						"arn:aws:ecr:us-east-1:123456789012:repository/Team/Image",
						"must look like arn:aws:ecr:<region>:<account-id>:repository/<name>"),
				defect("ECR ARN in the wrong partition", ecr + "[0]",
						"arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/team/training-image",
						"is in partition aws-us-gov, but the role is in partition aws"),
				defect("ECR image URI instead of ARN", ecr + "[0]",
						"123456789012.dkr.ecr.us-east-1.amazonaws.com/team/training", "must look like"),
				defect("user ARN as PassRole", passRoles + "[0]", "arn:aws:iam::123456789012:user/alice",
						"IAM role ARN 'arn:aws:iam::123456789012:user/alice' must look like"),
				defect("PassRole in the China partition", passRoles + "[0]", "arn:aws-cn:iam::123456789012:role/x",
						"is in partition aws-cn"),
				defect("PassRole with a short account", passRoles + "[0]", "arn:aws:iam::12345:role/x",
						"must look like"),
				defect("PassRole with an unknown partition", passRoles + "[0]", "arn:aws-iso:iam::123456789012:role/x",
						"supports aws, aws-cn and aws-us-gov"),
				defect("non-Latin-1 PassRole", passRoles + "[0]", "arn:aws:iam::123456789012:role/Daten→",
						"'→' (U+2192)"),
				defect("space in an Athena workgroup", "activities[7].parameters.WorkGroupNames[0]", "my workgroup",
						"Athena workgroup name 'my workgroup'"),
				defect("129-character Athena workgroup", "activities[7].parameters.WorkGroupNames[1]", "w".repeat(129),
						"at most 128 characters (got 129)"),
				defect("dot in a Glue database", "activities[8].parameters.GlueDbNames[0]", "db.name",
						"Glue database name 'db.name'"),
				defect("Japanese Glue database", "activities[8].parameters.GlueDbNames[1]", "データ",
						"rejects in policy documents") };
	}

	private static Defect[] networkAndEncryption() {
		return new Defect[] {
				defect("subnets without security groups", "vpc.securityGroupIds", List.of(),
						"Security groups are required when subnets are given"),
				defect("null subnets", "vpc.subnetIds", null, "Subnets are required when security groups are given"),
				defect("short subnet id", "vpc.subnetIds[0]", "subnet-123", "must look like subnet-"),
				defect("null subnet id", "vpc.subnetIds[1]", null, "entry is empty"),
				defect("upper-case security group", "vpc.securityGroupIds[0]", "sg-0123456789ABCDEF0",
						"must look like sg-"),
				defect("duplicate subnet", "vpc.subnetIds[1]", "subnet-0123456789abcdef0", "listed twice"),
				defect("17 subnets", "vpc.subnetIds", hexIds("subnet-", 17), "At most 16 values"),
				defect("KMS alias ARN", "kms.dataKeyArns[0]", "arn:aws:kms:us-east-1:123456789012:alias/ml-data",
						"use the key ARN (arn:aws:kms:<region>:<account>:key/<key-id>): KMS permissions and the sagemaker:VolumeKmsKeyArn/OutputKmsKeyArn conditions match key ARNs, not aliases or key ids"),
				defect("KMS alias name", "kms.dataKeyArns[0]", "alias/ml-data", "use the key ARN"),
				defect("bare KMS key id", "kms.volumeKeyArns[0]", "1234abcd-12ab-34cd-56ef-1234567890ab",
						"is an alias or a key id"),
				defect("KMS key ARN with a malformed key id", "kms.dataKeyArns[0]",
						"arn:aws:kms:us-east-1:123456789012:key/not-a-key", "must look like arn:aws:kms:"),
				defect("KMS key in the wrong partition", "kms.dataKeyArns[0]", DATA_KEY.replace("arn:aws:", "arn:aws-cn:"),
						"is in partition aws-cn"),
				defect("data keys without volume keys", "kms.volumeKeyArns", List.of(),
						"Volume keys are required when data keys are given"),
				defect("null data keys", "kms.dataKeyArns", null, "Data keys are required"),
				defect("21 data keys", "kms.dataKeyArns", kmsKeys(21), "At most 20 values") };
	}

	private static Defect[] modelAccess() {
		return new Defect[] {
				defect("Bedrock shorthand id", "bedrock.allowed[1]", "j2-mid-v1", "use the full model id 'ai21.j2-mid-v1'"),
				defect("Bedrock shorthand id with version", "bedrock.allowed[0]", "claude-3-haiku-20240307-v1:0",
						"'anthropic.claude-3-haiku-20240307-v1:0'"),
				defect("Bedrock model ARN", "bedrock.allowed[0]",
						"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2", "is an ARN"),
				defect("Bedrock id with capital provider", "bedrock.allowed[0]", "Anthropic.Claude",
						"must be a full model id"),
				defect("141-character Bedrock id", "bedrock.allowed[0]", "a." + "m".repeat(139), "at most 140"),
				defect("Bedrock allow-list star", "bedrock.allowed[0]", "*", "use mode NO_RESTRICTION"),
				defect("Bedrock deny-list star", "bedrock.denied[0]", "*", "use mode DENY_ALL"),
				defect("duplicate Bedrock model", "bedrock.allowed[2]", "amazon.titan-text-express-v1", "listed twice"),
				defect("null Bedrock entry", "bedrock.allowed[0]", null, "entry is empty"),
				defect("301 Bedrock models", "bedrock.allowed", modelIds(301), "At most 300 values"),
				defect("empty Bedrock allow list", "bedrock.allowed", List.of(),
						"ALLOW_LISTED needs at least one model"),
				defect("null Bedrock allow list", "bedrock.allowed", null, "ALLOW_LISTED needs at least one model"),
				variant("allow list in deny-list mode").set("bedrock.mode", "DENY_LISTED")
					.reports("bedrock.allowed", "ignored in mode DENY_LISTED"),
				defect("empty JumpStart deny list", "jumpStart.denied", List.of(),
						"DENY_LISTED needs at least one model"),
				defect("null JumpStart deny list", "jumpStart.denied", null, "DENY_LISTED needs at least one model"),
				defect("JumpStart id starting with a hyphen", "jumpStart.denied[0]", "-falcon", "must start with"),
				defect("space in a JumpStart id", "jumpStart.denied[0]", "meta textgeneration", "may only contain"),
				defect("129-character JumpStart id", "jumpStart.denied[1]", "j".repeat(129), "at most 128"),
				defect("JumpStart deny-list star", "jumpStart.denied[0]", "*", "use mode DENY_ALL"),
				defect("JumpStart allow list in deny-list mode", "jumpStart.allowed",
						List.of("huggingface-llm-mistral-7b"), "ignored in mode DENY_LISTED"),
				variant("deny list with DENY_ALL").set("jumpStart.mode", "DENY_ALL")
					.reports("jumpStart.denied", "ignored in mode DENY_ALL"),
				variant("null JumpStart mode (no restriction) with a deny list").set("jumpStart.mode", null)
					.reports("jumpStart.denied", "ignored in mode NO_RESTRICTION") };
	}

	private static Defect[] canvas() {
		return new Defect[] {
				defect("existing Bedrock role without ARN", "canvas.bedrockRoleArn", null,
						"EXISTING needs the ARN of the role"),
				defect("policy ARN as Bedrock role", "canvas.bedrockRoleArn", "arn:aws:iam::123456789012:policy/x",
						"must look like arn:aws:iam::<account-id>:role/"),
				variant("Bedrock role ARN without generative AI").set("canvas.generativeAi", false)
					.reports("canvas.bedrockRoleArn", "Not used because generative AI is off"),
				variant("Bedrock role ARN with CREATE").set("canvas.bedrockRole", "CREATE")
					.reports("canvas.bedrockRoleArn", "the Bedrock role is CREATE, not EXISTING"),
				variant("Bedrock role ARN with the default (execution role) choice").set("canvas.bedrockRole", null)
					.reports("canvas.bedrockRoleArn", "the Bedrock role is EXECUTION_ROLE, not EXISTING"),
				defect("Bedrock role name with EXISTING", "canvas.bedrockRoleName", "CanvasBedrock",
						"the Bedrock role is EXISTING, not CREATE"),
				variant("invalid Bedrock role name to create").set("canvas.bedrockRole", "CREATE")
					.set("canvas.bedrockRoleArn", null)
					.set("canvas.bedrockRoleName", "Canvas Bedrock")
					.reports("canvas.bedrockRoleName", "may only contain letters"),
				defect("forecast role in another partition", "canvas.forecastRoleArn",
						"arn:aws-us-gov:iam::123456789012:role/Forecast", "is in partition aws-us-gov"),
				variant("forecast role without forecasting").set("canvas.timeSeriesForecasting", false)
					.reports("canvas.forecastRoleArn", "time-series forecasting is off"),
				defect("malformed model-registration role", "canvas.crossAccountModelRegisterRoleArn", "not-an-arn",
						"IAM role ARN 'not-an-arn' must look like"),
				variant("model-registration role without registration").set("canvas.modelRegistration", false)
					.reports("canvas.crossAccountModelRegisterRoleArn", "model registration is off"),
				defect("invalid Canvas bucket", "canvas.canvasBucket", "Canvas_Bucket", "lowercase letters"),
				variant("Canvas bucket without local upload").set("canvas.localFileUpload", false)
					.reports("canvas.canvasBucket", "local file upload is off"),
				defect("control character in a role ARN", "canvas.forecastRoleArn",
						"arn:aws:iam::123456789012:role/Forecast\u0007", "control character U+0007") };
	}

	private static Defect[] evaluation() {
		return new Defect[] {
				defect("evaluation without buckets", "evaluation.corsBuckets", List.of(), "needs at least one S3 bucket"),
				defect("evaluation with null buckets", "evaluation.corsBuckets", null, "needs at least one S3 bucket"),
				defect("invalid evaluation bucket", "evaluation.corsBuckets[0]", "Eval", "S3 bucket name 'Eval'"),
				defect("duplicate evaluation bucket", "evaluation.corsBuckets[1]", "ml-eval-bucket", "listed twice"),
				defect("101 evaluation buckets", "evaluation.corsBuckets", bucketList(101), "At most 100 values"),
				defect("origin with a path", "evaluation.corsAllowedOrigins[1]", "https://console.aws.amazon.com/sagemaker",
						"An origin has no path"),
				defect("origin without scheme", "evaluation.corsAllowedOrigins[0]", "console.aws.amazon.com",
						"must be '*' or a scheme and host"),
				defect("null origin", "evaluation.corsAllowedOrigins[1]", null, "entry is empty"),
				variant("buckets while evaluation is off").set("evaluation.automatic", false)
					.set("evaluation.human", false)
					.set("evaluation.corsAllowedOrigins", null)
					.reports("evaluation.corsBuckets", "model evaluation is off"),
				variant("origins while evaluation is off").set("evaluation.automatic", false)
					.set("evaluation.human", false)
					.set("evaluation.corsBuckets", null)
					.reports("evaluation.corsAllowedOrigins", "model evaluation is off") };
	}

	@Test
	void missingSpecificationIsOneError() {
		assertThat(this.validator.validate(null)).containsExactly(new FieldError("", "The specification is missing."));
	}

	@Test
	void allNullSpecificationReportsTheRequiredFields() {
		RoleSpec empty = RoleSpec.builder().build();
		assertThat(this.validator.validate(empty)).extracting(FieldError::field)
			.containsExactly("accountId", "region", "roleName", "persona");
	}

	@Test
	void pathologicalInputsNeverThrow() {
		List<String> nulls = Arrays.asList(null, "", MEGABYTE, null);
		Map<String, List<String>> parameters = new HashMap<>();
		parameters.put(null, nulls);
		parameters.put("S3Buckets", null);
		parameters.put("PassRoles", nulls);
		parameters.put(MEGABYTE, nulls);
		RoleSpec nullsInLists = RoleSpec.builder()
			.accountId("123456789012")
			.region("us-east-1")
			.roleName("role")
			.tags(Arrays.asList(null, new Tag(null, null)))
			.persona("data-scientist")
			.activities(Arrays.asList(null, new ActivitySelection(null, null),
					new ActivitySelection("manage-jobs", parameters)))
			.vpc(new NetworkSettings(nulls, nulls))
			.kms(new EncryptionSettings(nulls, nulls))
			.bedrock(new ModelAccess(AccessMode.ALLOW_LISTED, nulls, nulls, null))
			.jumpStart(new ModelAccess(null, nulls, null, null))
			.canvas(new CanvasSettings(true, true, null, MEGABYTE, MEGABYTE, true, true, MEGABYTE, true, MEGABYTE, true,
					MEGABYTE))
			.evaluation(new EvaluationSettings(true, false, nulls, nulls, null))
			.build();
		String wide = "✓".repeat(1 << 20);
		RoleSpec huge = RoleSpec.builder()
			.accountId(MEGABYTE)
			.region(wide)
			.partition(MEGABYTE)
			.roleName(MEGABYTE)
			.rolePath(wide)
			.description(wide)
			.tags(List.of(new Tag(wide, MEGABYTE)))
			.maxSessionDurationSeconds(Integer.MIN_VALUE)
			.permissionsBoundaryArn(MEGABYTE)
			.persona(MEGABYTE)
			.activities(List.of(new ActivitySelection(MEGABYTE, Map.of())))
			.build();
		RoleSpec manyValues = spec(VALID, Map.of("activities[5].parameters.S3Buckets", bucketList(100_000)));

		for (RoleSpec spec : List.of(nullsInLists, huge, manyValues)) {
			assertThatNoException().isThrownBy(() -> this.validator.validate(spec));
			assertThat(this.validator.validate(spec)).isNotEmpty()
				.allSatisfy((error) -> assertThat(error.message()).hasSizeLessThan(1000));
		}
	}

	@Test
	void everyPartOfTheSpecificationMayBeNull() {
		List<String> fields = new ArrayList<>();
		collectFields("", MAPPER.readTree(VALID), fields);
		assertThat(fields).hasSizeGreaterThan(80);
		for (String field : fields) {
			RoleSpec spec = spec(VALID, Collections.singletonMap(field, null));
			assertThatNoException().as(field).isThrownBy(() -> this.validator.validate(spec));
		}
	}

	/** Every field path of a JSON specification, except booleans (primitives in the records). */
	private static void collectFields(String path, JsonNode node, List<String> fields) {
		if (node.isBoolean()) {
			return;
		}
		if (!path.isEmpty()) {
			fields.add(path);
		}
		if (node.isObject()) {
			node.propertyNames()
				.forEach((name) -> collectFields(path.isEmpty() ? name : path + "." + name, node.get(name), fields));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectFields(path + "[" + i + "]", node.get(i), fields);
			}
		}
	}

	// Building the variants

	/** A specification from JSON, with values set at field paths (an index one past the end appends). */
	private static RoleSpec spec(String json, Map<String, Object> edits) {
		JsonNode root = MAPPER.readTree(json);
		edits.forEach((field, value) -> {
			String pointer = new FieldError(field, "").jsonPointer();
			int slash = pointer.lastIndexOf('/');
			JsonNode parent = root.at(pointer.substring(0, slash));
			String last = pointer.substring(slash + 1);
			JsonNode tree = MAPPER.valueToTree(value);
			if (parent instanceof ArrayNode array) {
				int index = Integer.parseInt(last);
				if (index < array.size()) {
					array.set(index, tree);
				}
				else {
					array.add(tree);
				}
			}
			else {
				((ObjectNode) parent).set(last, tree);
			}
		});
		return MAPPER.treeToValue(root, RoleSpec.class);
	}

	/** The valid specification, to be changed with {@link Variant#set}. */
	private static Variant variant(String name) {
		return new Variant(name, new LinkedHashMap<>());
	}

	private static Defect defect(String name, String field, Object value, String phrase) {
		return variant(name).set(field, value).reports(field, phrase);
	}

	/** The valid specification with some values set (null values allowed). */
	record Variant(String name, Map<String, Object> edits) {

		Variant set(String field, Object value) {
			this.edits.put(field, value);
			return this;
		}

		Defect reports(String field, String phrase) {
			return new Defect(this, field, phrase);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A variant with one defect, reported on {@code field} with a message containing {@code phrase}. */
	record Defect(Variant variant, String field, String phrase) {

		@Override
		public String toString() {
			return this.variant.name() + " → " + this.field;
		}

	}

	private static List<Map<String, String>> tagList(int count) {
		return IntStream.range(0, count).mapToObj((i) -> Map.of("key", "key" + i, "value", "v")).toList();
	}

	private static List<String> bucketList(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "bucket-" + i).toList();
	}

	private static List<String> hexIds(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + String.format("%08x", i)).toList();
	}

	private static List<String> kmsKeys(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "arn:aws:kms:us-east-1:123456789012:key/mrk-" + String.format("%032x", i))
			.toList();
	}

	private static List<String> modelIds(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "amazon.model-" + i).toList();
	}

}
