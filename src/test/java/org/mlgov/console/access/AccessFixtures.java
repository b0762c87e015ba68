package org.mlgov.console.access;

import java.util.List;
import java.util.Map;

import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.FakeLiveStateReader;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;

/** A small account for the help-desk tests: a Canvas role that may use Anthropic models but not Claude 3 Opus. */
public final class AccessFixtures {

	public static final String ACCOUNT = "111122223333";

	public static final String REGION = "eu-west-1";

	public static final String DOMAIN = "d-abc123def456";

	public static final String ROLE = "CanvasAnalysts";

	public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/service-role/" + ROLE;

	public static final String OTHER_ROLE = "CanvasDefault";

	public static final String OTHER_ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + OTHER_ROLE;

	public static final String OPUS = "anthropic.claude-3-opus-20240229-v1:0";

	public static final String TRUST = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},\
			"Action":"sts:AssumeRole"}]}""";

	public static final String GUARDRAILS = """
			{"Version":"2012-10-17","Statement":[\
			{"Sid":"DenyClaudeOpus","Effect":"Deny","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],\
			"Resource":"arn:aws:bedrock:*::foundation-model/%s"}]}""".formatted(OPUS);

	public static final String INVOKE = """
			{"Version":"2012-10-17","Statement":[\
			{"Sid":"InvokeAnthropic","Effect":"Allow","Action":["bedrock:InvokeModel","bedrock:InvokeModelWithResponseStream"],\
			"Resource":"arn:aws:bedrock:*::foundation-model/anthropic.*"}]}""";

	public static final String MANAGED_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/CanvasInvoke";

	private AccessFixtures() {
	}

	public static LiveRole role() {
		return new LiveRole(ACCOUNT, ROLE, ROLE_ARN, "/service-role/", "Canvas analysts", 3600, null, TRUST,
				Map.of("ModelGuardrails", GUARDRAILS), List.of(new LiveRole.AttachedPolicy(MANAGED_ARN, "CanvasInvoke",
						null, null)),
				Map.of("team", "analytics"));
	}

	public static LiveRole otherRole() {
		return new LiveRole(ACCOUNT, OTHER_ROLE, OTHER_ROLE_ARN, "/", null, 3600, null, TRUST, Map.of(), List.of(),
				Map.of());
	}

	/** alice runs with CanvasAnalysts, bob with the domain default CanvasDefault. */
	public static void install(FakeLiveStateReader aws) {
		aws.role(ACCOUNT, ROLE, LiveRead.found(role()));
		aws.role(ACCOUNT, OTHER_ROLE, LiveRead.found(otherRole()));
		aws.managedPolicy(ACCOUNT, MANAGED_ARN, LiveRead.found(new LivePolicy(MANAGED_ARN, "CanvasInvoke", "v2",
				INVOKE)));
		aws.domains(ACCOUNT, LiveRead.found(List.of(new DomainSummary(DOMAIN, "analytics", "InService",
				"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":domain/" + DOMAIN))));
		aws.domain(ACCOUNT, DOMAIN, LiveRead.found(new LiveDomain(ACCOUNT, REGION, DOMAIN,
				"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":domain/" + DOMAIN, "analytics", "InService",
				OTHER_ROLE_ARN, "{\"DirectDeploySettings\":{\"Status\":\"DISABLED\"},\"KendraSettings\":{\"Status\":\"ENABLED\"}}")));
		aws.userProfiles(ACCOUNT, DOMAIN, LiveRead.found(List.of(new UserProfileSummary(DOMAIN, "bob", "InService"),
				new UserProfileSummary(DOMAIN, "alice", "InService"))));
		aws.userProfile(ACCOUNT, DOMAIN, "alice", LiveRead.found(new LiveUserProfile(ACCOUNT, REGION, DOMAIN, "alice",
				"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":user-profile/" + DOMAIN + "/alice", "InService",
				ROLE_ARN, "{\"KendraSettings\":{\"Status\":\"DISABLED\"}}")));
		aws.userProfile(ACCOUNT, DOMAIN, "bob", LiveRead.found(new LiveUserProfile(ACCOUNT, REGION, DOMAIN, "bob",
				"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":user-profile/" + DOMAIN + "/bob", "InService", null,
				null)));
	}

}
