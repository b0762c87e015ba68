package org.mlgov.console.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.mlgov.console.catalog.ActivityParameter;
import org.mlgov.console.catalog.BedrockModel;
import org.mlgov.console.catalog.Catalog;

/**
 * What AWS accepts for each kind of value a {@link RoleSpec} carries, as rules that describe, for a human, what is
 * wrong with a value. Lengths are checked before any pattern, so a huge value costs one comparison, never a long
 * regular-expression run.
 * <p>
 * ARN rules compare the ARN's partition with the role's partition; a null partition (the specification's own
 * partition is wrong or contradicts its Region) accepts any supported partition, so one mistake is reported once.
 */
final class ValueRules {

	/** What is wrong with a value, or empty if AWS accepts it. */
	@FunctionalInterface
	interface Rule {

		Optional<String> problem(String value);

	}

	static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

	static final String DEFAULT_PARTITION = "aws";

	private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d");

	private static final int MAX_ROLE_NAME = 64;

	private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");

	private static final int MAX_ROLE_PATH = 512;

	private static final int MAX_DESCRIPTION = 1000;

	private static final int MAX_ARN = 2048;

	/** SageMaker's RoleArn pattern: a path is allowed; {@code *} only in the name, as a PassRole pattern. */
	private static final Pattern ROLE_RESOURCE = Pattern.compile("role/(?:[\\w+=,.@-]+/)*[\\w+=,.@*-]{1,64}");

	private static final Pattern POLICY_RESOURCE = Pattern
		.compile("policy/(?:[A-Za-z0-9.,+@=_-]+/)*[\\w+=,.@-]{1,128}");

	private static final String ECR_PREFIX = "repository/";

	private static final Pattern ECR_NAME = Pattern
		.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

	private static final Pattern ECR_NAME_PREFIX = Pattern.compile("[a-z0-9._/-]*");

	private static final Pattern KMS_KEY_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");

	private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9.-]+");

	private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

	private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

	private static final List<String> RESERVED_BUCKET_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3");

	private static final int MAX_ATHENA_WORKGROUP = 128;

	private static final Pattern ATHENA_WORKGROUP = Pattern.compile("[a-zA-Z0-9._-]+");

	private static final int MAX_GLUE_DATABASE = 255;

	private static final Pattern GLUE_DATABASE = Pattern.compile("[A-Za-z0-9_-]+");

	private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8}(?:[0-9a-f]{9})?");

	private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-[0-9a-f]{8}(?:[0-9a-f]{9})?");

	private static final int MAX_BEDROCK_MODEL = 140;

	/** What a Bedrock model id looks like; {@link #isBedrockModelId} checks it without a regular expression. */
	static final Pattern BEDROCK_MODEL = Pattern.compile("[a-z0-9-]+\\.[A-Za-z0-9._:*-]*[A-Za-z0-9*]");

	private static final int MAX_JUMPSTART_MODEL = 128;

	/** What a JumpStart model id looks like; {@link #isJumpStartModelId} checks it without a regular expression. */
	static final Pattern JUMPSTART_MODEL = Pattern.compile("[A-Za-z0-9*?][A-Za-z0-9._*?-]*");

	private static final int MAX_ORIGIN = 300;

	private static final Pattern ORIGIN = Pattern
		.compile("https?://(?:\\*\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*(?::\\d{1,5})?");

	private static final int MAX_TAG_KEY = 128;

	private static final int MAX_TAG_VALUE = 256;

	/**
	 * IAM's tag characters, without the line and paragraph separators (U+2028, U+2029) that its \p{Z} lets in: the
	 * console refuses line breaks and control characters in every single-line text.
	 */
	private static final Pattern TAG_CHARACTER = Pattern.compile("[\\p{L}\\p{Zs}\\p{N}_.:/=+\\-@]");

	private static final int MAX_SHOWN = 80;

	/** The ARN kinds a specification names. */
	private record ArnKind(String noun, String service, boolean regional, boolean awsAccount,
			Predicate<String> resource, String shape) {

		String shape(String partition) {
			return "arn:" + partition + ":" + this.service + ":" + this.shape;
		}

	}

	private static final ArnKind ROLE_ARN = new ArnKind("IAM role ARN", "iam", false, false,
			(r) -> ROLE_RESOURCE.matcher(r).matches(), ":<account-id>:role/<optional-path/><role-name>");

	private static final ArnKind MANAGED_POLICY_ARN = new ArnKind("Managed policy ARN", "iam", false, true,
			(r) -> POLICY_RESOURCE.matcher(r).matches(), ":<account-id>:policy/<optional-path/><policy-name>");

	private static final ArnKind ECR_REPOSITORY_ARN = new ArnKind("ECR repository ARN", "ecr", true, false,
			ValueRules::isRepositoryResource, "<region>:<account-id>:repository/<name> (a trailing * is allowed)");

	private static final ArnKind KMS_KEY_ARN = new ArnKind("KMS key ARN", "kms", true, false,
			(r) -> r.startsWith("key/") && KMS_KEY_ID.matcher(r.substring(4)).matches(),
			"<region>:<account-id>:key/<key-id>");

	private final Catalog catalog;

	private final String partition;

	/**
	 * @param catalog the catalogue, for Bedrock model-id suggestions
	 * @param partition the partition every ARN must be in, or null to accept any supported partition
	 */
	ValueRules(Catalog catalog, String partition) {
		this.catalog = catalog;
		this.partition = partition;
	}

	/** The partition of a well-formed Region, or empty for a malformed one ({@code aws-iso} for isolated ones). */
	static Optional<String> partitionOf(String region) {
		if (region == null || !REGION.matcher(region).matches()) {
			return Optional.empty();
		}
		if (region.startsWith("cn-")) {
			return Optional.of("aws-cn");
		}
		if (region.startsWith("us-gov-")) {
			return Optional.of("aws-us-gov");
		}
		return Optional.of(region.contains("-iso") ? "aws-iso" : DEFAULT_PARTITION);
	}

	static boolean isSupportedPartition(String partition) {
		return partition != null && PARTITIONS.contains(partition);
	}

	Rule forParameter(ActivityParameter parameter) {
		return switch (parameter) {
			case S3_BUCKETS -> ValueRules::bucketName;
			case ECR_REPOSITORY_ARNS -> this::ecrRepositoryArn;
			case PASS_ROLES -> this::roleArn;
			case ATHENA_WORKGROUPS -> ValueRules::athenaWorkgroup;
			case GLUE_DATABASES -> ValueRules::glueDatabase;
		};
	}

	/** Characters IAM rejects in policy documents (every value may end up in one). */
	static Optional<String> policyCharacters(String value) {
		if (isLatin1Printable(value)) {
			return Optional.empty(); // the usual case, checked quickly
		}
		return firstOutside(value, (c) -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF))
			.map((c) -> "Value " + quote(value) + " contains " + describe(c)
					+ ", which IAM rejects in policy documents (allowed: tab, line breaks and characters U+0020 to U+00FF).");
	}

	static Optional<String> accountId(String value) {
		return expect(ACCOUNT_ID.matcher(value).matches(),
				() -> "Account id must be 12 digits (got " + quote(value) + ").");
	}

	static Optional<String> region(String value) {
		if (!REGION.matcher(value).matches()) {
			return problem("Region must look like us-east-1, eu-central-2 or us-gov-west-1 (got " + quote(value) + ").");
		}
		return expect(!partitionOf(value).orElse("").equals("aws-iso"), () -> "Region " + value
				+ " is in an isolated partition (aws-iso), which the console does not support.");
	}

	static Optional<String> roleName(String value) {
		return boundedPattern("Role name", value, MAX_ROLE_NAME, ROLE_NAME,
				"may only contain letters, digits and the characters + = , . @ _ -.");
	}

	static Optional<String> rolePath(String value) {
		if (value.length() > MAX_ROLE_PATH) {
			return tooLong("Role path", MAX_ROLE_PATH, value);
		}
		if (!value.equals("/") && (value.length() < 3 || !value.startsWith("/") || !value.endsWith("/"))) {
			return problem("Role path " + quote(value)
					+ " must be '/' or start and end with '/' around a name (for example '/service-role/').");
		}
		return firstOutside(value, (c) -> c >= 0x21 && c <= 0x7E).map((c) -> "Role path " + quote(value)
				+ " contains " + describe(c) + ": only printable ASCII characters without spaces are allowed.");
	}

	static Optional<String> description(String value) {
		if (value.length() > MAX_DESCRIPTION) {
			return tooLong("Description", MAX_DESCRIPTION, value);
		}
		return firstOutside(value,
				(c) -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF))
			.map((c) -> "Description contains " + describe(c)
					+ ", which IAM does not accept in a role description (allowed: tab, line breaks, printable ASCII and U+00A1 to U+00FF).");
	}

	static Optional<String> tagKey(String value) {
		if (value.length() > MAX_TAG_KEY) {
			return tooLong("Tag key", MAX_TAG_KEY, value);
		}
		if (value.regionMatches(true, 0, "aws:", 0, 4)) {
			return problem("Tag key " + quote(value) + " starts with 'aws:', a prefix reserved for AWS.");
		}
		return tagCharacters("Tag key", value);
	}

	static Optional<String> tagValue(String value) {
		if (value.length() > MAX_TAG_VALUE) {
			return tooLong("Tag value", MAX_TAG_VALUE, value);
		}
		return tagCharacters("Tag value", value);
	}

	private static Optional<String> tagCharacters(String noun, String value) {
		return firstOutside(value, (c) -> TAG_CHARACTER.matcher(Character.toString(c)).matches())
			.map((c) -> noun + " " + quote(value) + " contains " + describe(c)
					+ ": tags allow letters, digits, spaces and the characters _ . : / = + - @.");
	}

	static Optional<String> bucketName(String value) {
		String name = "S3 bucket name " + quote(value);
		if (value.startsWith("arn:") || value.startsWith("s3://")) {
			return problem(name + " must be the bare bucket name (for example 'my-bucket'), not an ARN or s3:// URL.");
		}
		if (value.length() < 3 || value.length() > 63) {
			return problem(name + " must be 3 to 63 characters long (got " + value.length() + ").");
		}
		if (!BUCKET_CHARACTERS.matcher(value).matches()) {
			return problem(name + " may only contain lowercase letters, digits, dots and hyphens.");
		}
		if (!isLowerAlphanumeric(value.charAt(0)) || !isLowerAlphanumeric(value.charAt(value.length() - 1))) {
			return problem(name + " must start and end with a lowercase letter or a digit.");
		}
		if (value.contains("..")) {
			return problem(name + " must not contain two adjacent dots.");
		}
		if (IP_ADDRESS.matcher(value).matches()) {
			return problem(name + " must not be formatted as an IP address.");
		}
		Optional<String> prefix = RESERVED_BUCKET_PREFIXES.stream().filter(value::startsWith).findFirst();
		Optional<String> suffix = RESERVED_BUCKET_SUFFIXES.stream().filter(value::endsWith).findFirst();
		return prefix.map((p) -> name + " must not start with '" + p + "', a prefix S3 reserves.")
			.or(() -> suffix.map((s) -> name + " must not end with '" + s + "', a suffix S3 reserves."));
	}

	Optional<String> roleArn(String value) {
		return arn(value, ROLE_ARN);
	}

	Optional<String> managedPolicyArn(String value) {
		return arn(value, MANAGED_POLICY_ARN);
	}

	Optional<String> ecrRepositoryArn(String value) {
		return arn(value, ECR_REPOSITORY_ARN);
	}

	Optional<String> kmsKeyArn(String value) {
		boolean aliasOrKeyId = value.startsWith("alias/") || KMS_KEY_ID.matcher(value).matches()
				|| (value.startsWith("arn:") && value.contains(":alias/"));
		if (aliasOrKeyId) {
			return problem("KMS key " + quote(value) + " is an alias or a key id: use the key ARN (arn:"
					+ shownPartition()
					+ ":kms:<region>:<account>:key/<key-id>): KMS permissions and the sagemaker:VolumeKmsKeyArn/OutputKmsKeyArn conditions match key ARNs, not aliases or key ids.");
		}
		return arn(value, KMS_KEY_ARN);
	}

	private Optional<String> arn(String value, ArnKind kind) {
		if (value.length() > MAX_ARN) {
			return tooLong(kind.noun(), MAX_ARN, value);
		}
		String[] parts = value.split(":", 6);
		if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals(kind.service())) {
			return malformed(value, kind);
		}
		String arnPartition = parts[1];
		if (!isSupportedPartition(arnPartition)) {
			return problem(kind.noun() + " " + quote(value) + " names partition " + quote(arnPartition)
					+ ": the console supports aws, aws-cn and aws-us-gov.");
		}
		if (this.partition != null && !this.partition.equals(arnPartition)) {
			return problem(kind.noun() + " " + quote(value) + " is in partition " + arnPartition
					+ ", but the role is in partition " + this.partition + ": use an ARN of the role's partition.");
		}
		boolean regionFits = kind.regional() ? REGION.matcher(parts[3]).matches() : parts[3].isEmpty();
		boolean accountFits = ACCOUNT_ID.matcher(parts[4]).matches() || (kind.awsAccount() && parts[4].equals("aws"));
		return (regionFits && accountFits && kind.resource().test(parts[5])) ? Optional.empty()
				: malformed(value, kind);
	}

	private Optional<String> malformed(String value, ArnKind kind) {
		return problem(kind.noun() + " " + quote(value) + " must look like " + kind.shape(shownPartition()) + ".");
	}

	private static boolean isRepositoryResource(String resource) {
		if (!resource.startsWith(ECR_PREFIX)) {
			return false;
		}
		String name = resource.substring(ECR_PREFIX.length());
		if (name.length() > 256) {
			return false;
		}
		if (name.endsWith("*")) {
			return ECR_NAME_PREFIX.matcher(name.substring(0, name.length() - 1)).matches();
		}
		return name.length() >= 2 && ECR_NAME.matcher(name).matches();
	}

	static Optional<String> athenaWorkgroup(String value) {
		return boundedPattern("Athena workgroup name", value, MAX_ATHENA_WORKGROUP, ATHENA_WORKGROUP,
				"may only contain letters, digits, dots, underscores and hyphens.");
	}

	static Optional<String> glueDatabase(String value) {
		return boundedPattern("Glue database name", value, MAX_GLUE_DATABASE, GLUE_DATABASE,
				"may only contain letters, digits, underscores and hyphens.");
	}

	static Optional<String> subnetId(String value) {
		return expect(SUBNET_ID.matcher(value).matches(), () -> "Subnet id " + quote(value)
				+ " must look like subnet-0123456789abcdef0 (8 or 17 lowercase hexadecimal digits).");
	}

	static Optional<String> securityGroupId(String value) {
		return expect(SECURITY_GROUP_ID.matcher(value).matches(), () -> "Security group id " + quote(value)
				+ " must look like sg-0123456789abcdef0 (8 or 17 lowercase hexadecimal digits).");
	}

	Optional<String> bedrockModel(String value) {
		if (value.length() > MAX_BEDROCK_MODEL) {
			return tooLong("Bedrock model id", MAX_BEDROCK_MODEL, value);
		}
		if (value.startsWith("arn:")) {
			return problem(bedrockEntry(value) + " is an ARN: give the model id (for example 'anthropic.claude-3-haiku-20240307-v1:0').");
		}
		Optional<String> fullId = fullBedrockModelId(value);
		if (fullId.isPresent()) {
			return problem(bedrockEntry(value) + " lacks its provider prefix: use the full model id '" + fullId.get() + "'.");
		}
		return expect(isBedrockModelId(value), () -> bedrockEntry(value)
				+ " must be a full model id, provider.model[:version] (for example 'anthropic.claude-3-haiku-20240307-v1:0'); * may stand for any characters after the provider.");
	}

	private static String bedrockEntry(String value) {
		return "Bedrock model " + quote(value);
	}

	/** The catalogue model a shorthand such as {@code j2-mid-v1} abbreviates, if the entry is not a model id itself. */
	private Optional<String> fullBedrockModelId(String entry) {
		if (this.catalog.bedrockModel(entry).isPresent()) {
			return Optional.empty();
		}
		return this.catalog.bedrockModels()
			.stream()
			.map(BedrockModel::modelId)
			.filter((id) -> id.endsWith("." + entry))
			.findFirst();
	}

	static Optional<String> jumpStartModel(String value) {
		if (value.length() > MAX_JUMPSTART_MODEL) {
			return tooLong("JumpStart model id", MAX_JUMPSTART_MODEL, value);
		}
		return expect(isJumpStartModelId(value), () -> "JumpStart model id " + quote(value)
				+ " may only contain letters, digits, '.', '_', '-' and the wildcards * and ?, and must start with a letter, a digit or a wildcard.");
	}

	/*
	 * Model lists have up to 300 entries each, so their two patterns are checked by hand, character by character
	 * (ValueRulesTests compares them with the patterns).
	 */

	/** True if the value matches {@link #BEDROCK_MODEL}: {@code provider.model}, {@code [a-z0-9-]+} before the dot. */
	static boolean isBedrockModelId(String value) {
		int dot = value.indexOf('.');
		if (dot < 1 || dot == value.length() - 1) {
			return false;
		}
		for (int i = 0; i < dot; i++) {
			if (!in(BEDROCK_PROVIDER, value.charAt(i))) {
				return false;
			}
		}
		for (int i = dot + 1; i < value.length() - 1; i++) {
			if (!in(BEDROCK_MODEL_CHARACTER, value.charAt(i))) {
				return false;
			}
		}
		return in(BEDROCK_MODEL_END, value.charAt(value.length() - 1));
	}

	/** True if the value matches {@link #JUMPSTART_MODEL}. */
	static boolean isJumpStartModelId(String value) {
		if (value.isEmpty() || !in(JUMPSTART_START, value.charAt(0))) {
			return false;
		}
		for (int i = 1; i < value.length(); i++) {
			if (!in(JUMPSTART_CHARACTER, value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The character classes of the two patterns, as tables of the ASCII characters they contain. */
	private static final boolean[] BEDROCK_PROVIDER = ascii("a-z0-9-");

	private static final boolean[] BEDROCK_MODEL_CHARACTER = ascii("A-Za-z0-9._:*-");

	private static final boolean[] BEDROCK_MODEL_END = ascii("A-Za-z0-9*");

	private static final boolean[] JUMPSTART_START = ascii("A-Za-z0-9*?");

	private static final boolean[] JUMPSTART_CHARACTER = ascii("A-Za-z0-9._*?-");

	/** A character class written as in a pattern: ranges such as {@code a-z}, other characters for themselves. */
	private static boolean[] ascii(String characterClass) {
		boolean[] members = new boolean[128];
		for (int i = 0; i < characterClass.length(); i++) {
			char c = characterClass.charAt(i);
			if (i + 2 < characterClass.length() && characterClass.charAt(i + 1) == '-') {
				for (char member = c; member <= characterClass.charAt(i + 2); member++) {
					members[member] = true;
				}
				i += 2;
			}
			else {
				members[c] = true;
			}
		}
		return members;
	}

	private static boolean in(boolean[] members, char c) {
		return c < members.length && members[c];
	}

	static Optional<String> origin(String value) {
		if (value.equals("*")) {
			return Optional.empty();
		}
		if (value.length() > MAX_ORIGIN) {
			return tooLong("Allowed origin", MAX_ORIGIN, value);
		}
		if (ORIGIN.matcher(value).matches()) {
			return Optional.empty();
		}
		int host = value.indexOf("://");
		String path = (host >= 0 && value.indexOf('/', host + 3) >= 0) ? " An origin has no path: drop the '/' and what follows." : "";
		return problem("Allowed origin " + quote(value)
				+ " must be '*' or a scheme and host such as 'https://console.aws.amazon.com' (a leading '*.' is allowed, as in 'https://*.console.aws.amazon.com')."
				+ path);
	}

	private String shownPartition() {
		return (this.partition != null) ? this.partition : DEFAULT_PARTITION;
	}

	private static boolean isLowerAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	/** True if every character is in U+0020..U+00FF, all of which IAM accepts in policy documents. */
	private static boolean isLatin1Printable(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0xFF) {
				return false;
			}
		}
		return true;
	}

	/** The first code point the predicate does not allow. */
	private static Optional<Integer> firstOutside(String value, IntPredicate allowed) {
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			if (!allowed.test(codePoint)) {
				return Optional.of(codePoint);
			}
			i += Character.charCount(codePoint);
		}
		return Optional.empty();
	}

	private static String describe(int codePoint) {
		String code = String.format("U+%04X", codePoint);
		return (Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029)
				? "the control character " + code
				: "'" + Character.toString(codePoint) + "' (" + code + ")";
	}

	/** The value in quotes, cut short if it is long. */
	static String quote(String value) {
		return "'" + ((value.length() <= MAX_SHOWN) ? value : value.substring(0, MAX_SHOWN) + "…") + "'";
	}

	/** A value of at most {@code max} characters that matches the pattern; {@code rule} says what it may contain. */
	private static Optional<String> boundedPattern(String noun, String value, int max, Pattern pattern, String rule) {
		if (value.length() > max) {
			return tooLong(noun, max, value);
		}
		return expect(pattern.matcher(value).matches(), () -> noun + " " + quote(value) + " " + rule);
	}

	private static Optional<String> tooLong(String noun, int max, String value) {
		return problem(noun + " must be at most " + max + " characters (got " + value.length() + ").");
	}

	/** Empty if the value fits; otherwise the message, which is only written then. */
	private static Optional<String> expect(boolean fits, Supplier<String> message) {
		return fits ? Optional.empty() : Optional.of(message.get());
	}

	private static Optional<String> problem(String message) {
		return Optional.of(message);
	}

}
