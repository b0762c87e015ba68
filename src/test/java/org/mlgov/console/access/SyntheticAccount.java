package org.mlgov.console.access;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.live.aws.AwsLiveStateReader;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A synthetic account served by an embedded WireMock as IAM and SageMaker: one domain whose {@code profiles} user
 * profiles share {@code roles} roles (profile {@code i} runs with role {@code i % roles}: its own role, except for role
 * 0, the domain default, which those profiles inherit). Each role has an inline guardrail policy, its own customer managed policy and the AWS
 * managed {@code AmazonSageMakerCanvasAIServicesAccess}. ListUserProfiles answers 100 profiles a page. Every answer
 * comes after {@code delay}; the first GetRole of each role can be throttled once. Counts the calls by operation.
 */
public final class SyntheticAccount implements AutoCloseable {

	public static final String ACCOUNT = "111122223333";

	public static final String REGION = "eu-west-1";

	public static final String DOMAIN = "d-synthetic0001";

	public static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";

	public static final String AWS_MANAGED = "arn:aws:iam::aws:policy/AmazonSageMakerCanvasAIServicesAccess";

	static final int PAGE = 100;

	static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

	static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
			+ "{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

	static final String GUARDRAILS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyClaudeOpus\","
			+ "\"Effect\":\"Deny\",\"Action\":[\"bedrock:InvokeModel\",\"bedrock:InvokeModelWithResponseStream\"],"
			+ "\"Resource\":\"arn:aws:bedrock:*::foundation-model/" + OPUS + "\"}]}";

	static final String INVOKE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"InvokeAnthropic\","
			+ "\"Effect\":\"Allow\",\"Action\":[\"bedrock:InvokeModel\",\"bedrock:InvokeModelWithResponseStream\"],"
			+ "\"Resource\":\"arn:aws:bedrock:*::foundation-model/anthropic.*\"}]}";

	static final String AI_SERVICES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Textract\","
			+ "\"Effect\":\"Allow\",\"Action\":[\"textract:AnalyzeDocument\"],\"Resource\":\"*\"}]}";

	private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

	private final int profiles;

	private final int roles;

	private final WireMockServer wireMock;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final Set<String> throttled = ConcurrentHashMap.newKeySet();

	private final boolean throttleOnce;

	private AwsClients clients;

	public SyntheticAccount(int profiles, int roles, Duration delay, boolean throttleOnce) {
		this.profiles = profiles;
		this.roles = roles;
		this.throttleOnce = throttleOnce;
		this.wireMock = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new Answers()));
		this.wireMock.start();
		this.wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withFixedDelay((int) delay.toMillis())));
	}

	/** A reader whose every call goes to this account. */
	public AwsLiveStateReader reader() {
		URI endpoint = URI.create(this.wireMock.baseUrl());
		AwsProperties properties = new AwsProperties(true, REGION, null, 3, true, Map.of(),
				new AwsProperties.Endpoints(endpoint, endpoint, endpoint, endpoint), Duration.ofSeconds(60),
				Duration.ofSeconds(30));
		this.clients = new AwsClients(properties,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASYNTHETIC0000001", "secret")));
		return new AwsLiveStateReader(properties, this.clients);
	}

	/** Calls by operation, sorted. */
	public Map<String, Integer> calls() {
		Map<String, Integer> counts = new TreeMap<>();
		this.calls.forEach((operation, count) -> counts.put(operation, count.get()));
		return counts;
	}

	public int totalCalls() {
		return this.calls.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public void resetCalls() {
		this.calls.clear();
	}

	/**
	 * The fewest calls an audit of every profile needs: DescribeDomain, each ListUserProfiles page, each
	 * DescribeUserProfile, for each distinct role GetRole, ListRolePolicies, GetRolePolicy, ListAttachedRolePolicies and
	 * ListRoleTags, and for each distinct managed policy GetPolicy and GetPolicyVersion.
	 */
	public int minimumCalls() {
		int pages = Math.max(1, (this.profiles + PAGE - 1) / PAGE);
		return 1 + pages + this.profiles + 5 * this.roles + 2 * (this.roles + 1);
	}

	public static String roleName(int role) {
		return String.format("CanvasRole%02d", role);
	}

	public static String roleArn(int role) {
		return "arn:aws:iam::" + ACCOUNT + ":role/service-role/" + roleName(role);
	}

	public static String profileName(int profile) {
		return String.format("user-%05d", profile);
	}

	/** The role a profile runs with (its own, or the domain default's, role 0). */
	public int roleOf(int profile) {
		return profile % this.roles;
	}

	@Override
	public void close() {
		if (this.clients != null) {
			this.clients.close();
		}
		this.wireMock.stop();
	}

	private final class Answers implements ResponseDefinitionTransformerV2 {

		@Override
		public String getName() {
			return "synthetic-account";
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			Request request = serveEvent.getRequest();
			ResponseDefinition stub = serveEvent.getResponseDefinition();
			String target = request.getHeader("X-Amz-Target");
			String body = request.getBodyAsString();
			if (target != null && target.startsWith("SageMaker.")) {
				String operation = target.substring("SageMaker.".length());
				count(operation);
				return json(stub, sageMaker(operation, fields(body)));
			}
			Map<String, String> form = form(body);
			String action = form.getOrDefault("Action", "?");
			count(action);
			if (SyntheticAccount.this.throttleOnce && action.equals("GetRole")
					&& SyntheticAccount.this.throttled.add(form.get("RoleName"))) {
				return xml(stub, 400, "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>Throttling"
						+ "</Code><Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>");
			}
			return xml(stub, 200, iam(action, form));
		}

		private void count(String operation) {
			SyntheticAccount.this.calls.computeIfAbsent(operation, (o) -> new AtomicInteger()).incrementAndGet();
		}

	}

	private String sageMaker(String operation, Map<String, String> request) {
		String domainArn = "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":domain/" + DOMAIN;
		switch (operation) {
			case "DescribeDomain":
				return "{\"DomainArn\":\"" + domainArn + "\",\"DomainId\":\"" + DOMAIN + "\",\"DomainName\":\"synthetic\","
						+ "\"Status\":\"InService\",\"DefaultUserSettings\":{\"ExecutionRole\":\"" + roleArn(0) + "\","
						+ "\"CanvasAppSettings\":{\"DirectDeploySettings\":{\"Status\":\"DISABLED\"}}}}";
			case "ListDomains":
				return "{\"Domains\":[{\"DomainArn\":\"" + domainArn + "\",\"DomainId\":\"" + DOMAIN
						+ "\",\"DomainName\":\"synthetic\",\"Status\":\"InService\"}]}";
			case "ListUserProfiles": {
				int from = request.containsKey("NextToken") ? Integer.parseInt(request.get("NextToken")) : 0;
				int to = Math.min(this.profiles, from + PAGE);
				StringBuilder json = new StringBuilder("{\"UserProfiles\":[");
				for (int i = from; i < to; i++) {
					json.append((i > from) ? "," : "")
						.append("{\"DomainId\":\"" + DOMAIN + "\",\"UserProfileName\":\"" + profileName(i)
								+ "\",\"Status\":\"InService\"}");
				}
				json.append("]");
				if (to < this.profiles) {
					json.append(",\"NextToken\":\"" + to + "\"");
				}
				return json.append("}").toString();
			}
			case "DescribeUserProfile": {
				String name = request.get("UserProfileName");
				int index = Integer.parseInt(name.substring("user-".length()));
				String own = (roleOf(index) == 0) ? "" : "\"ExecutionRole\":\"" + roleArn(roleOf(index)) + "\",";
				return "{\"DomainId\":\"" + DOMAIN + "\",\"UserProfileArn\":\"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT
						+ ":user-profile/" + DOMAIN + "/" + name + "\",\"UserProfileName\":\"" + name + "\","
						+ "\"Status\":\"InService\",\"UserSettings\":{" + own
						+ "\"CanvasAppSettings\":{\"KendraSettings\":{\"Status\":\"ENABLED\"}}}}";
			}
			default:
				return "{}";
		}
	}

	private String iam(String action, Map<String, String> form) {
		String roleName = form.get("RoleName");
		String result;
		switch (action) {
			case "GetRole":
				result = "<Role><Path>/service-role/</Path><AssumeRolePolicyDocument>" + encoded(TRUST)
						+ "</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration><RoleId>AROA"
						+ roleName.toUpperCase() + "</RoleId><RoleName>" + roleName + "</RoleName><Arn>arn:aws:iam::"
						+ ACCOUNT + ":role/service-role/" + roleName + "</Arn><CreateDate>2025-01-01T00:00:00Z"
						+ "</CreateDate></Role>";
				break;
			case "ListRolePolicies":
				result = "<PolicyNames><member>Guardrails</member></PolicyNames><IsTruncated>false</IsTruncated>";
				break;
			case "GetRolePolicy":
				result = "<RoleName>" + roleName + "</RoleName><PolicyName>Guardrails</PolicyName><PolicyDocument>"
						+ encoded(GUARDRAILS) + "</PolicyDocument>";
				break;
			case "ListAttachedRolePolicies":
				result = "<AttachedPolicies><member><PolicyName>Invoke" + roleName + "</PolicyName><PolicyArn>"
						+ customerPolicy(roleName) + "</PolicyArn></member><member><PolicyName>"
						+ "AmazonSageMakerCanvasAIServicesAccess</PolicyName><PolicyArn>" + AWS_MANAGED
						+ "</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>";
				break;
			case "ListRoleTags":
				result = "<Tags/><IsTruncated>false</IsTruncated>";
				break;
			case "GetPolicy": {
				String arn = form.get("PolicyArn");
				result = "<Policy><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1) + "</PolicyName><Arn>" + arn
						+ "</Arn><DefaultVersionId>v1</DefaultVersionId></Policy>";
				break;
			}
			case "GetPolicyVersion": {
				String arn = form.get("PolicyArn");
				result = "<PolicyVersion><Document>" + encoded(arn.equals(AWS_MANAGED) ? AI_SERVICES : INVOKE)
						+ "</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>";
				break;
			}
			default:
				result = "";
		}
		return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
				+ "Result><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></" + action + "Response>";
	}

	static String customerPolicy(String roleName) {
		return "arn:aws:iam::" + ACCOUNT + ":policy/Invoke" + roleName;
	}

	private static String encoded(String json) {
		return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static Map<String, String> fields(String json) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = FIELD.matcher(json);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

	private static ResponseDefinition json(ResponseDefinition stub, String body) {
		return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(stub)
			.but()
			.withStatus(200)
			.withHeader("Content-Type", "application/x-amz-json-1.1")
			.withBody(body)
			.build();
	}

	private static ResponseDefinition xml(ResponseDefinition stub, int status, String body) {
		return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(stub)
			.but()
			.withStatus(status)
			.withHeader("Content-Type", "text/xml")
			.withBody(body)
			.build();
	}

}
