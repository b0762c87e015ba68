package org.mlgov.console.draft.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlgov.console.ConsoleTest;
import org.mlgov.console.DatabaseRows;
import org.mlgov.console.catalog.ActivityDefinition;
import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.Draft;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.WizardStep;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Over a hundred malformed forms, posted through MockMvc to the five steps of the wizard as the pages post them (a
 * valid form of the step with one thing wrong). Each is refused with a 400 and the exact message next to the exact
 * field on the page, and changes no row of any table: every table is read before and after the post.
 * <p>
 * A case names the step, the field's error element on the page (a jsoup selector; {@code {activity-id}} stands for
 * the form row of that catalogue activity), the message, and the parameters that differ from the valid form.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class MalformedFormsTests {

	static final String ROLE = "arn:aws:iam::111122223333:role/service-role/SageMaker-Compute";

	static final String SUBNET = "subnet-0123456789abcdef0";

	static final String GROUP = "sg-0123456789abcdef0";

	static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee";

	static final String KEY2 = "arn:aws:kms:us-east-1:111122223333:key/6666ffff-77aa-88bb-99cc-000000dddddd";

	static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";

	/** One malformed submission. */
	record Malformed(String name, WizardStep step, String where, String message, Map<String, String> params) {

		@Override
		public String toString() {
			return this.step.path() + ": " + this.name;
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DraftService drafts;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	// The cases, step by step

	static Stream<Malformed> malformed() {
		List<Malformed> all = new ArrayList<>();
		all.addAll(basics());
		all.addAll(activities());
		all.addAll(models());
		all.addAll(canvas());
		all.addAll(collaboration());
		return all.stream();
	}

	/** A case: on this step, the parameters (name, value, ...) that differ from the valid form; then what it says. */
	private static Case on(WizardStep step, String name, String where, String... params) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < params.length; i += 2) {
			values.put(params[i], params[i + 1]);
		}
		return (message) -> new Malformed(name, step, where, message, values);
	}

	/** A case waiting for its message. */
	@FunctionalInterface
	private interface Case {

		Malformed says(String message);

	}

	/** The error under an input of a list of rows or of a single field: its sibling feedback. */
	private static String under(String id) {
		return "[id=\"" + id + "\"] ~ .invalid-feedback";
	}

	/** The error of a whole list of rows, above its rows. */
	private static String atList(String field) {
		return "[id=\"rows-" + field.replace('.', '-') + "\"] > .text-danger";
	}

	/** {@code n} parameters {@code prefix[i]suffix} with the values {@code value(i)}. */
	private static String[] rows(String prefix, String suffix, int n, IntFunction<String> value) {
		return IntStream.range(0, n)
			.boxed()
			.flatMap((i) -> Stream.of(prefix + "[" + i + "]" + suffix, value.apply(i)))
			.toArray(String[]::new);
	}

	private static String[] concat(String[]... parts) {
		return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
	}

	static List<Malformed> basics() {
		WizardStep b = WizardStep.BASICS;
		List<Malformed> cases = new ArrayList<>(List.of(
				on(b, "account id of 4 digits", "#accountId-errors", "accountId", "1234")
					.says("Account id must be 12 digits (got '1234')."),
				on(b, "account id with a letter", "#accountId-errors", "accountId", "11112222333a")
					.says("Account id must be 12 digits (got '11112222333a')."),
				on(b, "account id of 13 digits", "#accountId-errors", "accountId", "1111222233334")
					.says("Account id must be 12 digits (got '1111222233334')."),
				on(b, "account id blank", "#accountId-errors", "accountId", "   ")
					.says("Account id is required."),
				on(b, "account id with a control character", "#accountId-errors", "accountId", "111122223333\u0000")
					.says("Value '111122223333\u0000' contains the control character U+0000, which "
							+ "IAM rejects in policy documents (allowed: tab, line breaks and characters "
							+ "U+0020 to U+00FF)."),
				on(b, "Region blank", "#region-errors", "region", "")
					.says("Region is required."),
				on(b, "Region in capitals", "#region-errors", "region", "US-EAST-1")
					.says("Region must look like us-east-1, eu-central-2 or us-gov-west-1 (got 'US-EAST-1')."),
				on(b, "Region that is no Region", "#region-errors", "region", "moon-base-1")
					.says("Region must look like us-east-1, eu-central-2 or us-gov-west-1 (got 'moon-base-1')."),
				on(b, "partition unknown", "#partition ~ .invalid-feedback", "partition", "aws-moon")
					.says("Partition must be aws, aws-cn or aws-us-gov (got 'aws-moon')."),
				on(b, "partition of another Region", "#partition ~ .invalid-feedback", "partition", "aws-cn")
					.says("Region us-east-1 is in partition aws, but the partition is aws-cn: set "
							+ "it to aws."),
				on(b, "role name blank", "#roleName-errors", "roleName", "")
					.says("Role name is required."),
				on(b, "role name with a space", "#roleName-errors", "roleName", "Data Scientists")
					.says("Role name 'Data Scientists' may only contain letters, digits and the characters "
							+ "+ = , . @ _ -."),
				on(b, "role name with a slash", "#roleName-errors", "roleName", "team/SageMaker")
					.says("Role name 'team/SageMaker' may only contain letters, digits and the characters "
							+ "+ = , . @ _ -."),
				on(b, "role name of 65 characters", "#roleName-errors", "roleName", "R".repeat(65))
					.says("Role name must be at most 64 characters (got 65)."),
				on(b, "path without the leading slash", "#rolePath-errors", "rolePath", "service-role/")
					.says("Role path 'service-role/' must be '/' or start and end with '/' around "
							+ "a name (for example '/service-role/')."),
				on(b, "path without the trailing slash", "#rolePath-errors", "rolePath", "/service-role")
					.says("Role path '/service-role' must be '/' or start and end with '/' around "
							+ "a name (for example '/service-role/')."),
				on(b, "path with a space", "#rolePath-errors", "rolePath", "/team ml/")
					.says("Role path '/team ml/' contains ' ' (U+0020): only printable ASCII characters "
							+ "without spaces are allowed."),
				on(b, "path of 513 characters", "#rolePath-errors", "rolePath", "/" + "p".repeat(511) + "/")
					.says("Role path must be at most 512 characters (got 513)."),
				on(b, "description with a control character", "#description-errors", "description",
						"Data scientists\u0007")
					.says("Description contains the control character U+0007, which IAM does not "
							+ "accept in a role description (allowed: tab, line breaks, printable ASCII "
							+ "and U+00A1 to U+00FF)."),
				on(b, "description of 1001 characters", "#description-errors", "description", "d".repeat(1001))
					.says("Description must be at most 1000 characters (got 1001)."),
				on(b, "description with an emoji", "#description-errors", "description", "ML team \uD83D\uDE80")
					.says("Description contains '\uD83D\uDE80' (U+1F680), which IAM does not accept "
							+ "in a role description (allowed: tab, line breaks, printable ASCII and "
							+ "U+00A1 to U+00FF)."),
				on(b, "session of 100 seconds", "#maxSessionDurationSeconds-errors", "maxSessionDurationSeconds", "100")
					.says("Maximum session duration must be 3600 to 43200 seconds, 1 to 12 hours "
							+ "(got 100)."),
				on(b, "session of 13 hours", "#maxSessionDurationSeconds-errors", "maxSessionDurationSeconds", "46800")
					.says("Maximum session duration must be 3600 to 43200 seconds, 1 to 12 hours "
							+ "(got 46800)."),
				on(b, "session in words", "#maxSessionDurationSeconds-errors", "maxSessionDurationSeconds", "an hour")
					.says("Enter a whole number of seconds."),
				on(b, "session beyond an int", "#maxSessionDurationSeconds-errors", "maxSessionDurationSeconds",
						"99999999999")
					.says("Enter a whole number of seconds."),
				on(b, "boundary that is no ARN", "#permissionsBoundaryArn-errors", "permissionsBoundaryArn",
						"BoundaryPolicy")
					.says("Managed policy ARN 'BoundaryPolicy' must look like "
							+ "arn:aws:iam::<account-id>:policy/<optional-path/><policy-name>."),
				on(b, "boundary that is a role ARN", "#permissionsBoundaryArn-errors", "permissionsBoundaryArn",
						"arn:aws:iam::111122223333:role/Boundary")
					.says("Managed policy ARN 'arn:aws:iam::111122223333:role/Boundary' must look "
							+ "like arn:aws:iam::<account-id>:policy/<optional-path/><policy-name>."),
				on(b, "boundary in another partition", "#permissionsBoundaryArn-errors", "permissionsBoundaryArn",
						"arn:aws-cn:iam::111122223333:policy/Boundary")
					.says("Managed policy ARN 'arn:aws-cn:iam::111122223333:policy/Boundary' is in "
							+ "partition aws-cn, but the role is in partition aws: use an ARN of the "
							+ "role's partition."),
				on(b, "tag without key", under("tags0.key"), "tags[0].key", "", "tags[0].value", "ml")
					.says("Tag key is required."),
				on(b, "tag key with the aws: prefix", under("tags0.key"), "tags[0].key", "aws:team", "tags[0].value",
						"ml")
					.says("Tag key 'aws:team' starts with 'aws:', a prefix reserved for AWS."),
				on(b, "tag key with the AWS: prefix in capitals", under("tags0.key"), "tags[0].key", "AWS:Team",
						"tags[0].value", "ml")
					.says("Tag key 'AWS:Team' starts with 'aws:', a prefix reserved for AWS."),
				on(b, "tag key twice, ignoring case", under("tags1.key"), "tags[0].key", "team", "tags[0].value", "a",
						"tags[1].key", "Team", "tags[1].value", "b")
					.says("Tag key 'Team' is already used by tags[0] (IAM compares tag keys case-insensitively)."),
				on(b, "tag key of 129 characters", under("tags0.key"), "tags[0].key", "k".repeat(129), "tags[0].value",
						"v")
					.says("Tag key must be at most 128 characters (got 129)."),
				on(b, "tag key with a character IAM rejects", under("tags0.key"), "tags[0].key", "team#1",
						"tags[0].value", "v")
					.says("Tag key 'team#1' contains '#' (U+0023): tags allow letters, digits, spaces "
							+ "and the characters _ . : / = + - @."),
				on(b, "tag value of 257 characters", under("tags0.value"), "tags[0].key", "team", "tags[0].value",
						"v".repeat(257))
					.says("Tag value must be at most 256 characters (got 257)."),
				on(b, "tag value with a control character", under("tags0.value"), "tags[0].key", "team",
						"tags[0].value", "a\u0001b")
					.says("Tag value 'a\u0001b' contains the control character U+0001: tags allow "
							+ "letters, digits, spaces and the characters _ . : / = + - @."),
				on(b, "persona blank", "#persona-errors", "persona", "")
					.says("Persona is required: choose one of Data Scientist, MLOps, SageMaker Compute Role, "
							+ "Custom Role Settings."),
				on(b, "persona not in the catalogue", "#persona-errors", "persona", "wizard")
					.says("Persona 'wizard' is not in the catalogue: choose one of Data Scientist, "
							+ "MLOps, SageMaker Compute Role, Custom Role Settings."),
				on(b, "role mode no option has", "#roleMode-errors", "roleMode", "BOTH")
					.says("Choose whether the role is new or an update of an existing role.")));
		cases.add(on(b, "51 tags", atList("tags"), rows("tags", ".key", 51, (i) -> "key-" + i))
					.says("At most 50 tags are allowed here (got 51)."));
		return cases;
	}

	static List<Malformed> activities() {
		WizardStep a = WizardStep.ACTIVITIES;
		String buckets = "activities[{s3-bucket-access}].s3Buckets";
		String repos = "activities[{access-aws-services}].ecrRepositoryArns";
		String services = "activities[{access-aws-services}]";
		String roles = "activities[{manage-jobs}].passRoles";
		String workgroups = "activities[{query-athena-workgroups}].athenaWorkgroups";
		String glue = "activities[{manage-glue-tables}]";
		String s3 = "activities[{s3-bucket-access}].selected";
		String jobs = "activities[{manage-jobs}].selected";
		String[] withServices = { services + ".selected", "true", services + ".s3Buckets[0]", "ml-data" };
		String[] withGlue = { glue + ".selected", "true", glue + ".s3Buckets[0]", "ml-data" };
		String[] withJobs = { jobs, "true", roles + "[0]", ROLE };
		String[] vpc = { "vpcEnabled", "true" };
		String[] kms = { "kmsEnabled", "true" };
		List<Malformed> cases = new ArrayList<>(List.of(
				on(a, "bucket with capitals and an underscore", under(buckets + "0"), s3, "true", buckets + "[0]",
						"My_Bucket")
					.says("S3 bucket name 'My_Bucket' may only contain lowercase letters, digits, "
							+ "dots and hyphens."),
				on(a, "bucket of 2 characters", under(buckets + "0"), s3, "true", buckets + "[0]", "ab")
					.says("S3 bucket name 'ab' must be 3 to 63 characters long (got 2)."),
				on(a, "bucket of 64 characters", under(buckets + "0"), s3, "true", buckets + "[0]", "b".repeat(64))
					.says("S3 bucket name 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' "
							+ "must be 3 to 63 characters long (got 64)."),
				on(a, "bucket given as an ARN", under(buckets + "0"), s3, "true", buckets + "[0]",
						"arn:aws:s3:::ml-data")
					.says("S3 bucket name 'arn:aws:s3:::ml-data' must be the bare bucket name (for "
							+ "example 'my-bucket'), not an ARN or s3:// URL."),
				on(a, "bucket with two dots in a row", under(buckets + "0"), s3, "true", buckets + "[0]", "ml..data")
					.says("S3 bucket name 'ml..data' must not contain two adjacent dots."),
				on(a, "bucket like an IP address", under(buckets + "0"), s3, "true", buckets + "[0]", "192.168.1.10")
					.says("S3 bucket name '192.168.1.10' must not be formatted as an IP address."),
				on(a, "bucket with a reserved prefix", under(buckets + "0"), s3, "true", buckets + "[0]", "xn--ml-data")
					.says("S3 bucket name 'xn--ml-data' must not start with 'xn--', a prefix S3 reserves."),
				on(a, "bucket with a reserved suffix", under(buckets + "0"), s3, "true", buckets + "[0]",
						"ml-data-s3alias")
					.says("S3 bucket name 'ml-data-s3alias' must not end with '-s3alias', a suffix "
							+ "S3 reserves."),
				on(a, "bucket with a control character", under(buckets + "0"), s3, "true", buckets + "[0]",
						"ml-\u0002data")
					.says("Value 'ml-\u0002data' contains the control character U+0002, which IAM "
							+ "rejects in policy documents (allowed: tab, line breaks and characters "
							+ "U+0020 to U+00FF)."),
				on(a, "bucket twice", under(buckets + "1"), s3, "true", buckets + "[0]", "ml-data", buckets + "[1]",
						"ml-data")
					.says("'ml-data' is listed twice (also at activities[0].parameters.S3Buckets[0])."),
				on(a, "bucket access without a bucket", atList(buckets), s3, "true", buckets + "[0]", " ")
					.says("S3 Bucket Access needs at least one value in S3Buckets (S3 bucket names)."),
				on(a, "ECR repository as a name", under(repos + "0"),
						concat(withServices, new String[] { repos + "[0]", "training-images" }))
					.says("ECR repository ARN 'training-images' must look like "
							+ "arn:aws:ecr:<region>:<account-id>:repository/<name> "
							+ "(a trailing * is allowed)."),
				on(a, "ECR ARN of an image, not a repository", under(repos + "0"),
						concat(withServices, new String[] { repos + "[0]",
								"arn:aws:ecr:us-east-1:111122223333:image/training-images" }))
					.says("ECR repository ARN 'arn:aws:ecr:us-east-1:111122223333:image/training-images' "
							+ "must look like arn:aws:ecr:<region>:<account-id>:repository/<name> (a "
							+ "trailing * is allowed)."),
				on(a, "ECR ARN with a short account", under(repos + "0"),
						concat(withServices, new String[] { repos + "[0]",
								"arn:aws:ecr:us-east-1:1111:repository/training-images" }))
					.says("ECR repository ARN 'arn:aws:ecr:us-east-1:1111:repository/training-images' "
							+ "must look like arn:aws:ecr:<region>:<account-id>:repository/<name> (a "
							+ "trailing * is allowed)."),
				on(a, "ECR repository with capitals", under(repos + "0"),
						concat(withServices, new String[] { repos + "[0]",
								"arn:aws:ecr:us-east-1:111122223333:repository/Training" }))
					.says("ECR repository ARN 'arn:aws:ecr:us-east-1:111122223333:repository/Training' "
							+ "must look like arn:aws:ecr:<region>:<account-id>:repository/<name> (a "
							+ "trailing * is allowed)."),
				on(a, "ECR repositories missing", atList(repos), withServices)
					.says("Access Required AWS Services needs at least one value in ECRRepoArns (ECR "
							+ "repository ARNs)."),
				on(a, "role to pass as a name", under(roles + "0"), jobs, "true", roles + "[0]", "SageMaker-Compute")
					.says("IAM role ARN 'SageMaker-Compute' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(a, "role to pass that is a user", under(roles + "0"), jobs, "true", roles + "[0]",
						"arn:aws:iam::111122223333:user/bob")
					.says("IAM role ARN 'arn:aws:iam::111122223333:user/bob' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(a, "role to pass in another partition", under(roles + "0"), jobs, "true", roles + "[0]",
						"arn:aws-us-gov:iam::111122223333:role/Compute")
					.says("IAM role ARN 'arn:aws-us-gov:iam::111122223333:role/Compute' is in partition "
							+ "aws-us-gov, but the role is in partition aws: use an ARN of the role's "
							+ "partition."),
				on(a, "role to pass twice", under(roles + "1"), jobs, "true", roles + "[0]", ROLE, roles + "[1]", ROLE)
					.says("'arn:aws:iam::111122223333:role/service-role/SageMaker-Compute' is listed "
							+ "twice (also at activities[0].parameters.PassRoles[0])."),
				on(a, "role to pass with a space", under(roles + "0"), jobs, "true", roles + "[0]",
						"arn:aws:iam::111122223333:role/Sage Maker")
					.says("IAM role ARN 'arn:aws:iam::111122223333:role/Sage Maker' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(a, "workgroup with a space", under(workgroups + "0"),
						"activities[{query-athena-workgroups}]" + ".selected", "true", workgroups + "[0]", "data team")
					.says("Athena workgroup name 'data team' may only contain letters, digits, dots, "
							+ "underscores and hyphens."),
				on(a, "workgroup of 129 characters", under(workgroups + "0"),
						"activities[{query-athena-workgroups}].selected", "true", workgroups + "[0]", "w".repeat(129))
					.says("Athena workgroup name must be at most 128 characters (got 129)."),
				on(a, "workgroup given as an ARN", under(workgroups + "0"),
						"activities[{query-athena-workgroups}].selected", "true", workgroups + "[0]",
						"arn:aws:athena:us-east-1:111122223333:workgroup/primary")
					.says("Athena workgroup name 'arn:aws:athena:us-east-1:111122223333:workgroup/primary' "
							+ "may only contain letters, digits, dots, underscores and hyphens."),
				on(a, "Glue database with a dot", under(glue + ".glueDatabases0"),
						concat(withGlue, new String[] { glue + ".glueDatabases[0]", "raw.events" }))
					.says("Glue database name 'raw.events' may only contain letters, digits, underscores "
							+ "and hyphens."),
				on(a, "Glue database of 256 characters", under(glue + ".glueDatabases0"),
						concat(withGlue, new String[] { glue + ".glueDatabases[0]", "g".repeat(256) }))
					.says("Glue database name must be at most 255 characters (got 256)."),
				on(a, "Glue databases missing", atList(glue + ".glueDatabases"), withGlue)
					.says("Manage Glue Tables needs at least one value in GlueDbNames (AWS Glue database "
							+ "names)."),
				on(a, "subnet id too short", under("subnetIds0"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", "subnet-123", "securityGroupIds[0]",
								GROUP }))
					.says("Subnet id 'subnet-123' must look like subnet-0123456789abcdef0 (8 or 17 "
							+ "lowercase hexadecimal digits)."),
				on(a, "subnet id that is a security group", under("subnetIds0"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", GROUP, "securityGroupIds[0]", GROUP }))
					.says("Subnet id 'sg-0123456789abcdef0' must look like subnet-0123456789abcdef0 "
							+ "(8 or 17 lowercase hexadecimal digits)."),
				on(a, "subnet id with a letter beyond f", under("subnetIds0"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", "subnet-0123456789abcdefg",
								"securityGroupIds[0]", GROUP }))
					.says("Subnet id 'subnet-0123456789abcdefg' must look like subnet-0123456789abcdef0 "
							+ "(8 or 17 lowercase hexadecimal digits)."),
				on(a, "subnet twice", under("subnetIds1"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", SUBNET, "subnetIds[1]", SUBNET,
								"securityGroupIds[0]", GROUP }))
					.says("'subnet-0123456789abcdef0' is listed twice (also at vpc.subnetIds[0])."),
				on(a, "17 subnets", atList("subnetIds"),
						concat(withJobs, vpc, rows("subnetIds", "", 17, (i) -> String.format("subnet-%017x", i)),
								new String[] { "securityGroupIds[0]", GROUP }))
					.says("At most 16 values are allowed here (got 17)."),
				on(a, "subnets without security groups", atList("securityGroupIds"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", SUBNET }))
					.says("Security groups are required when subnets are given: the VPC conditions "
							+ "bind every create action to both subnets and security groups."),
				on(a, "security group id that is a subnet", under("securityGroupIds0"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", SUBNET, "securityGroupIds[0]", SUBNET }))
					.says("Security group id 'subnet-0123456789abcdef0' must look like sg-0123456789abcdef0 "
							+ "(8 or 17 lowercase hexadecimal digits)."),
				on(a, "security group id not hexadecimal", under("securityGroupIds0"),
						concat(withJobs, vpc, new String[] { "subnetIds[0]", SUBNET, "securityGroupIds[0]", "sg-xyz" }))
					.says("Security group id 'sg-xyz' must look like sg-0123456789abcdef0 (8 or 17 "
							+ "lowercase hexadecimal digits)."),
				on(a, "security groups without subnets", atList("subnetIds"),
						concat(withJobs, vpc, new String[] { "securityGroupIds[0]", GROUP }))
					.says("Subnets are required when security groups are given: the VPC conditions "
							+ "bind every create action to both subnets and security groups."),
				on(a, "network switched on without values", atList("subnetIds"), concat(withJobs, vpc))
					.says("Enter at least one subnet and one security group, or switch the network "
							+ "customization off."),
				on(a, "KMS alias ARN", under("dataKeyArns0"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]",
								"arn:aws:kms:us-east-1:111122223333:alias/ml-data", "volumeKeyArns[0]", KEY2 }))
					.says("KMS key 'arn:aws:kms:us-east-1:111122223333:alias/ml-data' is an alias "
							+ "or a key id: use the key ARN (arn:aws:kms:<region>:<account>:key/<key-id>): "
							+ "KMS permissions and the sagemaker:VolumeKmsKeyArn/OutputKmsKeyArn conditions "
							+ "match key ARNs, not aliases or key ids."),
				on(a, "KMS alias name", under("dataKeyArns0"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]", "alias/ml-data", "volumeKeyArns[0]",
								KEY2 }))
					.says("KMS key 'alias/ml-data' is an alias or a key id: use the key ARN "
							+ "(arn:aws:kms:<region>:<account>:key/<key-id>): "
							+ "KMS permissions and the sagemaker:VolumeKmsKeyArn/OutputKmsKeyArn conditions "
							+ "match key ARNs, not aliases or key ids."),
				on(a, "KMS bare key id", under("volumeKeyArns0"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]", KEY, "volumeKeyArns[0]",
								"1111aaaa-22bb-33cc-44dd-555555eeeeee" }))
					.says("KMS key '1111aaaa-22bb-33cc-44dd-555555eeeeee' is an alias or a key id: "
							+ "use the key ARN (arn:aws:kms:<region>:<account>:key/<key-id>): KMS permissions "
							+ "and the sagemaker:VolumeKmsKeyArn/OutputKmsKeyArn conditions match key "
							+ "ARNs, not aliases or key ids."),
				on(a, "KMS key ARN of another service", under("volumeKeyArns0"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]", KEY, "volumeKeyArns[0]",
								"arn:aws:s3:us-east-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee" }))
					.says("KMS key ARN 'arn:aws:s3:us-east-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee' "
							+ "must look like arn:aws:kms:<region>:<account-id>:key/<key-id>."),
				on(a, "KMS key twice", under("dataKeyArns1"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]", KEY, "dataKeyArns[1]", KEY,
								"volumeKeyArns[0]", KEY2 }))
					.says("'arn:aws:kms:us-east-1:111122223333:key/1111aaaa-22bb-33cc-44dd-555555eeeeee' "
							+ "is listed twice (also at kms.dataKeyArns[0])."),
				on(a, "21 KMS keys", atList("dataKeyArns"),
						concat(withJobs, kms,
								rows("dataKeyArns", "", 21,
										(i) -> String.format("arn:aws:kms:us-east-1:111122223333:key/%08x-22bb-33cc-44dd-5555"
												+ "55eeeeee", i)),
								new String[] { "volumeKeyArns[0]", KEY2 }))
					.says("At most 20 values are allowed here (got 21)."),
				on(a, "data keys without volume keys", atList("volumeKeyArns"),
						concat(withJobs, kms, new String[] { "dataKeyArns[0]", KEY }))
					.says("Volume keys are required when data keys are given: the KMS conditions "
							+ "bind jobs to both their output (data) key and their volume key."),
				on(a, "encryption switched on without values", atList("dataKeyArns"), concat(withJobs, kms))
					.says("Enter at least one data key and one volume key, or switch the encryption "
							+ "customization off."),
				on(a, "activity checkbox neither on nor off", "#selected-errors-manage-jobs", jobs, "perhaps",
						roles + "[0]", ROLE)
					.says("Tick the box or leave it empty.")));
		cases.add(on(a, "101 buckets", atList(buckets), concat(new String[] { s3, "true" }, rows(buckets, "", 101,
				(i) -> "ml-bucket-" + i)))
					.says("At most 100 values are allowed here (got 101)."));
		return cases;
	}

	static List<Malformed> models() {
		WizardStep m = WizardStep.MODELS;
		String[] allow = { "bedrock.mode", "ALLOW_LISTED" };
		String[] deny = { "bedrock.mode", "DENY_LISTED" };
		String[] jsDeny = { "jumpStart.mode", "DENY_LISTED" };
		return List.of(
				on(m, "Bedrock allow list empty", "#bedrock-picked-errors", allow)
					.says("Mode ALLOW_LISTED needs at least one model in this list."),
				on(m, "Bedrock deny list empty", "#bedrock-picked-errors", deny)
					.says("Mode DENY_LISTED needs at least one model in this list."),
				on(m, "JumpStart deny list empty", "#jumpStart-picked-errors", jsDeny)
					.says("Mode DENY_LISTED needs at least one model in this list."),
				on(m, "Bedrock model without its provider prefix", under("bedrock.patterns0"),
						concat(allow, new String[] { "bedrock.patterns[0]", "j2-mid-v1" }))
					.says("Bedrock model 'j2-mid-v1' lacks its provider prefix: use the full model "
							+ "id 'ai21.j2-mid-v1'."),
				on(m, "Bedrock pattern without provider", under("bedrock.patterns0"),
						concat(deny, new String[] { "bedrock.patterns[0]", "claude-*" }))
					.says("Bedrock model 'claude-*' must be a full model id, provider.model[:version] "
							+ "(for example 'anthropic.claude-3-haiku-20240307-v1:0'); * may stand for "
							+ "any characters after the provider."),
				on(m, "Bedrock star alone", under("bedrock.patterns0"),
						concat(allow, new String[] { "bedrock.patterns[0]", "*" }))
					.says("'*' alone names every model: use mode NO_RESTRICTION instead."),
				on(m, "Bedrock model with a space", under("bedrock.patterns0"),
						concat(deny, new String[] { "bedrock.patterns[0]", "anthropic.claude v2" }))
					.says("Bedrock model 'anthropic.claude v2' must be a full model id, provider.model[:version] "
							+ "(for example 'anthropic.claude-3-haiku-20240307-v1:0'); * may stand for "
							+ "any characters after the provider."),
				on(m, "Bedrock model with a control character", under("bedrock.patterns0"),
						concat(deny, new String[] { "bedrock.patterns[0]", "anthropic.\u0003claude" }))
					.says("Value 'anthropic.\u0003claude' contains the control character U+0003, "
							+ "which IAM rejects in policy documents (allowed: tab, line breaks and characters "
							+ "U+0020 to U+00FF)."),
				on(m, "Bedrock model ticked and typed", under("bedrock.patterns0"),
						concat(allow, new String[] { "bedrock.picked", CLAUDE, "bedrock.patterns[0]", CLAUDE }))
					.says("'anthropic.claude-3-haiku-20240307-v1:0' is listed twice (also at bedrock.allowed[0])."),
				on(m, "Bedrock pattern typed twice", under("bedrock.patterns1"),
						concat(deny, new String[] { "bedrock.patterns[0]", "cohere.command-*", "bedrock.patterns[1]",
								"cohere.command-*" }))
					.says("'cohere.command-*' is listed twice (also at bedrock.denied[0])."),
				on(m, "Bedrock exception without provider", under("bedrock.exceptions0"),
						concat(allow, new String[] { "bedrock.picked", CLAUDE, "bedrock.exceptions[0]",
								"j2-ultra-v1" }))
					.says("Bedrock model 'j2-ultra-v1' lacks its provider prefix: use the full model "
							+ "id 'ai21.j2-ultra-v1'."),
				on(m, "Bedrock model given as an ARN", under("bedrock.patterns0"),
						concat(deny, new String[] { "bedrock.patterns[0]",
								"arn:aws:bedrock:us-east-1::foundation-model/" + CLAUDE }))
					.says("Bedrock model 'arn:aws:bedrock:us-east-1::foundation-model/"
							+ "anthropic.claude-3-haiku-20240307-v1\u2026' is an ARN: give the model id (for example "
							+ "'anthropic.claude-3-haiku-20240307-v1:0')."),
				on(m, "JumpStart id with a space", under("jumpStart.patterns0"),
						concat(jsDeny, new String[] { "jumpStart.patterns[0]", "huggingface llm" }))
					.says("JumpStart model id 'huggingface llm' may only contain letters, digits, "
							+ "'.', '_', '-' and the wildcards * and ?, and must start with a letter, "
							+ "a digit or a wildcard."),
				on(m, "JumpStart star alone", under("jumpStart.patterns0"),
						concat(jsDeny, new String[] { "jumpStart.patterns[0]", "*" }))
					.says("'*' alone names every model: use mode DENY_ALL instead."),
				on(m, "JumpStart id starting with a hyphen", under("jumpStart.patterns0"),
						concat(jsDeny, new String[] { "jumpStart.patterns[0]", "-huggingface-llm" }))
					.says("JumpStart model id '-huggingface-llm' may only contain letters, digits, "
							+ "'.', '_', '-' and the wildcards * and ?, and must start with a letter, "
							+ "a digit or a wildcard."),
				on(m, "JumpStart id with a control character", under("jumpStart.patterns0"),
						concat(jsDeny, new String[] { "jumpStart.patterns[0]", "huggingface-\u0005llm" }))
					.says("Value 'huggingface-\u0005llm' contains the control character U+0005, which "
							+ "IAM rejects in policy documents (allowed: tab, line breaks and characters "
							+ "U+0020 to U+00FF)."),
				on(m, "JumpStart id twice", under("jumpStart.patterns1"),
						concat(jsDeny, new String[] { "jumpStart.patterns[0]", "huggingface-llm-x",
								"jumpStart.patterns[1]", "huggingface-llm-x" }))
					.says("'huggingface-llm-x' is listed twice (also at jumpStart.denied[0])."),
				on(m, "Bedrock mode no option has", "#bedrock-section fieldset > .text-danger", "bedrock.mode",
						"EVERYTHING")
					.says("Choose one of the options."),
				on(m, "JumpStart mode no option has", "#jumpStart-section fieldset > .text-danger", "jumpStart.mode",
						"NONE")
					.says("Choose one of the options."),
				on(m, "fine-tuning box neither on nor off",
						".form-check:has([id=bedrock.denyFineTuning1]) .invalid-feedback", "bedrock.denyFineTuning",
						"perhaps")
					.says("Tick the box or leave it empty."));
	}

	static List<Malformed> canvas() {
		WizardStep c = WizardStep.CANVAS;
		String[] target = { "domainId", "d-abc123def456", "domainDefault", "true" };
		String[] generative = concat(target, new String[] { "generativeAi", "true" });
		List<Malformed> cases = new ArrayList<>(List.of(
				on(c, "existing Bedrock role without its ARN", "#bedrockRoleArn-errors",
						concat(generative, new String[] { "bedrockRole", "EXISTING" }))
					.says("Bedrock role EXISTING needs the ARN of the role Bedrock assumes."),
				on(c, "existing Bedrock role that is a user", "#bedrockRoleArn-errors",
						concat(generative, new String[] { "bedrockRole", "EXISTING", "bedrockRoleArn",
								"arn:aws:iam::111122223333:user/bob" }))
					.says("IAM role ARN 'arn:aws:iam::111122223333:user/bob' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(c, "existing Bedrock role as a name", "#bedrockRoleArn-errors",
						concat(generative, new String[] { "bedrockRole", "EXISTING", "bedrockRoleArn",
								"CanvasBedrock" }))
					.says("IAM role ARN 'CanvasBedrock' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(c, "Bedrock role ARN while generative AI is off", "#bedrockRoleArn-errors",
						concat(target, new String[] { "readyToUseModels", "true", "bedrockRole", "EXISTING",
								"bedrockRoleArn", ROLE }))
					.says("Not used because generative AI is off: remove it or change that setting."),
				on(c, "Bedrock role ARN with the execution role chosen", "#bedrockRoleArn-errors",
						concat(generative, new String[] { "bedrockRole", "EXECUTION_ROLE", "bedrockRoleArn", ROLE }))
					.says("Not used because the Bedrock role is EXECUTION_ROLE, not EXISTING: remove "
							+ "it or change that setting."),
				on(c, "new Bedrock role name with a space", "#bedrockRoleName-errors",
						concat(generative, new String[] { "bedrockRole", "CREATE", "bedrockRoleName",
								"Canvas Bedrock" }))
					.says("Role name 'Canvas Bedrock' may only contain letters, digits and the characters "
							+ "+ = , . @ _ -."),
				on(c, "Bedrock role choice no option has", "#bedrock-role > .text-danger",
						concat(generative, new String[] { "bedrockRole", "SOMEONE" }))
					.says("Choose one of the options."),
				on(c, "Forecast role that is no ARN", "#forecastRoleArn-errors",
						concat(target, new String[] { "timeSeriesForecasting", "true", "forecastRoleArn", "Forecast" }))
					.says("IAM role ARN 'Forecast' must look like "
							+ "arn:aws:iam::<account-id>:role/<optional-path/><role-name>."),
				on(c, "Forecast role while forecasting is off", "#forecastRoleArn-errors",
						concat(target, new String[] { "readyToUseModels", "true", "forecastRoleArn", ROLE }))
					.says("Not used because time-series forecasting is off: remove it or change that "
							+ "setting."),
				on(c, "registration role in another partition", "#crossAccountModelRegisterRoleArn-errors",
						concat(target, new String[] { "modelRegistration", "true",
								"crossAccountModelRegisterRoleArn", "arn:aws-cn:iam::111122223333:role/Registry" }))
					.says("IAM role ARN 'arn:aws-cn:iam::111122223333:role/Registry' is in partition "
							+ "aws-cn, but the role is in partition aws: use an ARN of the role's partition."),
				on(c, "Canvas bucket not a bucket name", "#canvasBucket-errors",
						concat(target, new String[] { "localFileUpload", "true", "canvasBucket", "Not_A_Bucket" }))
					.says("S3 bucket name 'Not_A_Bucket' may only contain lowercase letters, digits, "
							+ "dots and hyphens."),
				on(c, "Canvas bucket while upload is off", "#canvasBucket-errors",
						concat(target, new String[] { "readyToUseModels", "true", "canvasBucket", "canvas-uploads" }))
					.says("Not used because local file upload is off: remove it or change that setting."),
				on(c, "domain id without d-", "#domainId-errors", "domainId", "domain-1", "domainDefault", "true")
					.says("Domain id 'domain-1' must look like d-xxxxxxxxxxxx: 'd-' then lowercase "
							+ "letters, digits and hyphens, at most 63 characters."),
				on(c, "domain id in capitals", "#domainId-errors", "domainId", "d-ABC123", "domainDefault", "true")
					.says("Domain id 'd-ABC123' must look like d-xxxxxxxxxxxx: 'd-' then lowercase "
							+ "letters, digits and hyphens, at most 63 characters."),
				on(c, "domain id of 64 characters", "#domainId-errors", "domainId", "d-" + "a".repeat(62),
						"domainDefault", "true")
					.says("Domain id 'd-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' "
							+ "must look like d-xxxxxxxxxxxx: 'd-' then lowercase letters, digits and "
							+ "hyphens, at most 63 characters."),
				on(c, "domain default without a domain", "#domainId-errors", "domainDefault", "true")
					.says("Domain id is required to apply the settings to the domain or its user "
							+ "profiles."),
				on(c, "user profiles without a domain", "#domainId-errors", "userProfiles[0]", "alice")
					.says("Domain id is required to apply the settings to the domain or its user "
							+ "profiles."),
				on(c, "Canvas features without a target", ".form-check:has([id=domainDefault1]) .invalid-feedback",
						"readyToUseModels", "true", "domainId", "d-abc123def456")
					.says("Choose where these Canvas settings apply: the domain's default settings, "
							+ "user profiles, or both."),
				on(c, "user profile starting with a hyphen", under("userProfiles0"), "domainId", "d-abc123def456",
						"userProfiles[0]", "-alice")
					.says("User profile name '-alice' may only contain letters, digits and hyphens, "
							+ "must start and end with a letter or a digit, and has at most 63 characters."),
				on(c, "user profile with an underscore", under("userProfiles0"), "domainId", "d-abc123def456",
						"userProfiles[0]", "data_scientist")
					.says("User profile name 'data_scientist' may only contain letters, digits and "
							+ "hyphens, must start and end with a letter or a digit, and has at most "
							+ "63 characters."),
				on(c, "user profile of 64 characters", under("userProfiles0"), "domainId", "d-abc123def456",
						"userProfiles[0]", "u".repeat(64))
					.says("User profile name 'uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu' "
							+ "may only contain letters, digits and hyphens, must start and end with "
							+ "a letter or a digit, and has at most 63 characters."),
				on(c, "user profile twice", under("userProfiles1"), "domainId", "d-abc123def456", "userProfiles[0]",
						"alice", "userProfiles[1]", "alice")
					.says("User profile 'alice' is listed twice (also in row 1)."),
				on(c, "feature box neither on nor off", ".form-check:has([id=readyToUseModels1]) .invalid-feedback",
						"readyToUseModels", "2")
					.says("Tick the box or leave it empty.")));
		cases.add(on(c, "51 user profiles", atList("userProfiles"), concat(new String[] { "domainId",
				"d-abc123def456" }, rows("userProfiles", "", 51, (i) -> "user-" + i)))
					.says("At most 50 user profiles (got 51): apply the settings to the domain default "
							+ "instead."));
		return cases;
	}

	static List<Malformed> collaboration() {
		WizardStep c = WizardStep.COLLABORATION;
		String[] automatic = { "automatic", "true", "corsBuckets[0]", "eval-bucket" };
		return List.of(
				on(c, "evaluation without a bucket", atList("corsBuckets"), "automatic", "true")
					.says("Model evaluation needs at least one S3 bucket for its CORS rule."),
				on(c, "human evaluation without a bucket", atList("corsBuckets"), "human", "true")
					.says("Model evaluation needs at least one S3 bucket for its CORS rule."),
				on(c, "CORS bucket while evaluation is off", atList("corsBuckets"), "corsBuckets[0]", "eval-bucket")
					.says("Not used because model evaluation is off (automatic and human are both "
							+ "false): remove it or change that setting."),
				on(c, "CORS origin while evaluation is off", atList("corsAllowedOrigins"), "corsAllowedOrigins[0]",
						"https://*.console.aws.amazon.com")
					.says("Not used because model evaluation is off (automatic and human are both "
							+ "false): remove it or change that setting."),
				on(c, "CORS bucket with capitals", under("corsBuckets0"), "automatic", "true", "corsBuckets[0]",
						"BAD_BUCKET")
					.says("S3 bucket name 'BAD_BUCKET' may only contain lowercase letters, digits, "
							+ "dots and hyphens."),
				on(c, "CORS bucket given as an ARN", under("corsBuckets0"), "automatic", "true", "corsBuckets[0]",
						"arn:aws:s3:::eval-bucket")
					.says("S3 bucket name 'arn:aws:s3:::eval-bucket' must be the bare bucket name "
							+ "(for example 'my-bucket'), not an ARN or s3:// URL."),
				on(c, "CORS bucket twice", under("corsBuckets1"), "automatic", "true", "corsBuckets[0]", "eval-bucket",
						"corsBuckets[1]", "eval-bucket")
					.says("'eval-bucket' is listed twice (also at evaluation.corsBuckets[0])."),
				on(c, "origin without a scheme", under("corsAllowedOrigins0"),
						concat(automatic, new String[] { "corsAllowedOrigins[0]", "console.aws.amazon.com" }))
					.says("Allowed origin 'console.aws.amazon.com' must be '*' or a scheme and host "
							+ "such as 'https://console.aws.amazon.com' (a leading '*.' is allowed, as "
							+ "in 'https://*.console.aws.amazon.com')."),
				on(c, "origin with a path", under("corsAllowedOrigins0"),
						concat(automatic, new String[] { "corsAllowedOrigins[0]",
								"https://console.aws.amazon.com/bedrock" }))
					.says("Allowed origin 'https://console.aws.amazon.com/bedrock' must be '*' or "
							+ "a scheme and host such as 'https://console.aws.amazon.com' (a leading "
							+ "'*.' is allowed, as in 'https://*.console.aws.amazon.com'). An origin "
							+ "has no path: drop the '/' and what follows."),
				on(c, "origin with a space", under("corsAllowedOrigins0"),
						concat(automatic, new String[] { "corsAllowedOrigins[0]", "https://my console.example" }))
					.says("Allowed origin 'https://my console.example' must be '*' or a scheme and "
							+ "host such as 'https://console.aws.amazon.com' (a leading '*.' is allowed, "
							+ "as in 'https://*.console.aws.amazon.com')."),
				on(c, "origin with a control character", under("corsAllowedOrigins0"),
						concat(automatic, new String[] { "corsAllowedOrigins[0]", "https://\u0001example.com" }))
					.says("Value 'https://\u0001example.com' contains the control character U+0001, "
							+ "which IAM rejects in policy documents (allowed: tab, line breaks and characters "
							+ "U+0020 to U+00FF)."),
				on(c, "origin twice", under("corsAllowedOrigins1"),
						concat(automatic, new String[] { "corsAllowedOrigins[0]", "https://a.example.com",
								"corsAllowedOrigins[1]", "https://a.example.com" }))
					.says("'https://a.example.com' is listed twice (also at evaluation.corsAllowedOrigins[0])."),
				on(c, "101 CORS buckets", atList("corsBuckets"),
						concat(new String[] { "automatic", "true" }, rows("corsBuckets", "", 101, (i) -> "eval-" + i)))
					.says("At most 100 values are allowed here (got 101)."),
				on(c, "sharing scope no option has", "#sharingScope-choice > .text-danger",
						"studioClassicModelSharing", "true", "sharingScope", "WIDE")
					.says("Choose one of the options."),
				on(c, "S3 scope no option has", "#s3Scope-choice > .text-danger",
						concat(automatic, new String[] { "s3Scope", "EVERY_BUCKET" }))
					.says("Choose one of the options."),
				on(c, "evaluation box neither on nor off", ".form-check:has([id=automatic1]) .invalid-feedback",
						"automatic", "yes please")
					.says("Tick the box or leave it empty."));
	}

	// The test

	/** A draft of admin's with every step saved with valid values, so that every step can be posted. */
	private Draft finished() {
		Draft draft = this.drafts.start("Malformed forms", "admin");
		for (WizardStep step : WizardStep.values()) {
			if (step != WizardStep.SUMMARY) {
				draft = this.drafts.saveStep(draft.id(), step, WizardStepTest.validContent(), draft.version(), "admin");
			}
		}
		return draft;
	}

	/** The valid form of a step, as its page posts it with the draft's values. */
	private Map<String, String> validForm(WizardStep step) {
		Map<String, String> form = new LinkedHashMap<>();
		switch (step) {
			case BASICS -> {
				form.put("accountId", "111122223333");
				form.put("region", "us-east-1");
				form.put("partition", "aws");
				form.put("roleMode", "NEW_ROLE");
				form.put("roleName", "SageMaker-Test");
				form.put("persona", "custom");
			}
			case ACTIVITIES -> {
				List<ActivityDefinition> activities = this.catalog.activities();
				for (int i = 0; i < activities.size(); i++) {
					form.put("activities[" + i + "].id", activities.get(i).id());
					form.put("_activities[" + i + "].selected", "on");
				}
				form.put("_vpcEnabled", "on");
				form.put("_kmsEnabled", "on");
			}
			case MODELS -> {
				form.put("bedrock.mode", "NO_RESTRICTION");
				form.put("jumpStart.mode", "NO_RESTRICTION");
				form.put("_bedrock.denyFineTuning", "on");
			}
			case CANVAS -> {
				for (String box : List.of("readyToUseModels", "generativeAi", "directDeployment",
						"timeSeriesForecasting", "modelRegistration", "localFileUpload", "domainDefault")) {
					form.put("_" + box, "on");
				}
				form.put("bedrockRole", "EXECUTION_ROLE");
			}
			case COLLABORATION -> {
				for (String box : List.of("studioClassicModelSharing", "automatic", "human")) {
					form.put("_" + box, "on");
				}
				form.put("sharingScope", "NARROWED");
				form.put("s3Scope", "NARROWED");
			}
			case SUMMARY -> throw new IllegalArgumentException("The summary has no form");
		}
		return form;
	}

	/** {@code {activity-id}} replaced by the form row of that catalogue activity. */
	private String resolve(String text) {
		String resolved = text;
		for (int i = 0; i < this.catalog.activities().size(); i++) {
			resolved = resolved.replace("{" + this.catalog.activities().get(i).id() + "}", String.valueOf(i));
		}
		assertThat(resolved).as(text).doesNotContain("{");
		return resolved;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void aMalformedFormGetsItsMessageNextToItsFieldAndChangesNoRow(Malformed malformed) throws Exception {
		Draft draft = finished();
		Map<String, String> form = validForm(malformed.step());
		form.put("version", String.valueOf(draft.version()));
		form.put("_action", "next");
		malformed.params().forEach((name, value) -> form.put(resolve(name), value));
		MockHttpServletRequestBuilder request = post("/drafts/{id}/steps/" + malformed.step().path(), draft.id())
			.with(csrf());
		form.forEach(request::param);

		Map<String, List<Map<String, Object>>> before = DatabaseRows.of(this.jdbc);
		long drafts = this.jdbc.queryForObject("select count(*) from draft", Long.class);
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(DatabaseRows.of(this.jdbc)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from draft", Long.class)).isEqualTo(drafts);

		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		Elements where = page.select(resolve(malformed.where()));
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(page.select("#step-title").text()).isEqualTo(malformed.step().title());
		assertThat(where).as("the error next to the field").hasSize(1);
		assertThat(where.text()).isEqualTo(malformed.message());
		assertFieldMarked(where.first());
	}

	/** An error under an input goes with that input marked invalid. */
	private static void assertFieldMarked(Element error) {
		Element input = error.previousElementSiblings().select("input:not([type=hidden]), select, textarea").first();
		if (error.hasClass("invalid-feedback")) {
			assertThat(input).as("the field of %s", error.text()).isNotNull();
			assertThat(input.hasClass("is-invalid")).as("%s is marked invalid", input.id()).isTrue();
		}
	}

	@Test
	void thereAreOverAHundredDistinctMalformedFormsOnEveryStep() {
		List<Malformed> all = malformed().toList();
		assertThat(all).hasSizeGreaterThanOrEqualTo(100);
		Set<String> distinct = new HashSet<>();
		all.forEach((m) -> assertThat(distinct.add(m.step() + " " + m.params())).as(m.toString()).isTrue());
		assertThat(all.stream().map(Malformed::toString).distinct()).hasSameSizeAs(all);
		for (WizardStep step : List.of(WizardStep.BASICS, WizardStep.ACTIVITIES, WizardStep.MODELS, WizardStep.CANVAS,
				WizardStep.COLLABORATION)) {
			assertThat(all).filteredOn((m) -> m.step() == step).as(step.path()).hasSizeGreaterThanOrEqualTo(15);
		}
	}

}
