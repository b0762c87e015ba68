package org.mlgov.console.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mlgov.console.policy.GenerationResult;
import org.mlgov.console.policy.PolicyKind;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.mlgov.console.aws.AwsProblem;

/**
 * A {@link LiveStateReader} for web tests: answers what a test put in it, and NOT_FOUND for anything else (as AWS
 * does for a role, domain, profile or bucket that does not exist).
 */
public class FakeLiveStateReader implements LiveStateReader {

	/** Installs a fake as the console's {@link LiveStateReader}: {@code @Import(FakeLiveStateReader.Installed.class)}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		FakeLiveStateReader fakeLiveStateReader() {
			return new FakeLiveStateReader();
		}

	}

	private final Map<String, LiveRead<?>> answers = new ConcurrentHashMap<>();

	/** Forgets every answer. */
	public void reset() {
		this.answers.clear();
	}

	public void role(String account, String roleName, LiveRead<LiveRole> answer) {
		this.answers.put("role/" + account + "/" + roleName, answer);
	}

	public void domain(String account, String domainId, LiveRead<LiveDomain> answer) {
		this.answers.put("domain/" + account + "/" + domainId, answer);
	}

	public void userProfile(String account, String domainId, String profile, LiveRead<LiveUserProfile> answer) {
		this.answers.put("profile/" + account + "/" + domainId + "/" + profile, answer);
	}

	public void bucketCors(String account, String bucket, LiveRead<LiveBucketCors> answer) {
		this.answers.put("cors/" + account + "/" + bucket, answer);
	}

	public void userProfiles(String account, String domainId, LiveRead<List<UserProfileSummary>> answer) {
		this.answers.put("profiles/" + account + "/" + domainId, answer);
	}

	public void managedPolicy(String account, String policyArn, LiveRead<LivePolicy> answer) {
		this.answers.put("policy/" + account + "/" + policyArn, answer);
	}

	public void domains(String account, LiveRead<List<DomainSummary>> answer) {
		this.answers.put("domains/" + account, answer);
	}

	/**
	 * The role a specification generates, as AWS would return it after a push: inline policies by name, customer
	 * managed ones attached with their documents, AWS managed ones attached, the tags.
	 * @param spec the specification
	 * @param result what the generator made of it
	 * @return the live role
	 */
	public static LiveRole pushed(RoleSpec spec, GenerationResult result) {
		Map<String, String> inline = new LinkedHashMap<>();
		List<LiveRole.AttachedPolicy> attached = new ArrayList<>();
		result.policies().forEach((p) -> {
			if (p.kind() == PolicyKind.INLINE) {
				inline.put(p.name(), p.json());
			}
			else {
				attached.add(new LiveRole.AttachedPolicy("arn:aws:iam::" + spec.accountId() + ":policy" + p.path()
						+ p.name(), p.name(), "v1", p.json()));
			}
		});
		result.awsManagedPolicyArns()
			.forEach((arn) -> attached.add(new LiveRole.AttachedPolicy(arn, arn.substring(arn.lastIndexOf('/') + 1),
					"v1", null)));
		Map<String, String> tags = new LinkedHashMap<>();
		spec.tags().forEach((t) -> tags.put(t.key(), t.value()));
		return new LiveRole(spec.accountId(), spec.roleName(), result.role().arn(), result.role().path(),
				result.role().description(), spec.maxSessionDurationSeconds(), null, result.role().trustPolicyJson(),
				inline, attached, tags);
	}

	/**
	 * A customer managed policy attached to one of the roles this fake answers with, as IAM would return it.
	 * @param policyArn the policy's ARN
	 * @return the attachment with its document, or empty
	 */
	public java.util.Optional<LiveRole.AttachedPolicy> attachedPolicy(String policyArn) {
		return this.answers.values()
			.stream()
			.flatMap((answer) -> answer.valueIfFound().stream())
			.filter(LiveRole.class::isInstance)
			.flatMap((role) -> ((LiveRole) role).attachedPolicies().stream())
			.filter((attached) -> attached.arn().equals(policyArn) && attached.documentJson() != null)
			.findFirst();
	}

	public static <T> LiveRead<T> problem(AwsProblem.Kind kind, String service, String operation, String message) {
		return LiveRead.failed(new AwsProblem(kind, service, operation, message));
	}

	@SuppressWarnings("unchecked")
	private <T> LiveRead<T> answer(String key, String service, String operation, String what) {
		LiveRead<?> answer = this.answers.get(key);
		return (answer != null) ? (LiveRead<T>) answer
				: problem(AwsProblem.Kind.NOT_FOUND, service, operation, what + " does not exist.");
	}

	@Override
	public LiveRead<LiveRole> readRole(String accountId, String roleName) {
		return answer("role/" + accountId + "/" + roleName, "IAM", "GetRole", "Role " + roleName);
	}

	/**
	 * The managed policy put in for this account; otherwise, for a role put in whose attachment carries the document,
	 * that document; otherwise NOT_FOUND.
	 */
	@Override
	public LiveRead<LivePolicy> readManagedPolicy(String accountId, String policyArn) {
		LiveRead<?> answer = this.answers.get("policy/" + accountId + "/" + policyArn);
		if (answer != null) {
			@SuppressWarnings("unchecked")
			LiveRead<LivePolicy> policy = (LiveRead<LivePolicy>) answer;
			return policy;
		}
		for (LiveRead<?> any : this.answers.values()) {
			if (any instanceof LiveRead.Found<?> found && found.value() instanceof LiveRole role) {
				for (LiveRole.AttachedPolicy attached : role.attachedPolicies()) {
					if (attached.arn().equals(policyArn) && attached.documentJson() != null) {
						return LiveRead.found(new LivePolicy(policyArn, attached.name(), attached.defaultVersionId(),
								attached.documentJson()));
					}
				}
			}
		}
		return problem(AwsProblem.Kind.NOT_FOUND, "IAM", "GetPolicy", "Policy " + policyArn + " does not exist.");
	}

	@Override
	public LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId) {
		return answer("domain/" + accountId + "/" + domainId, "SageMaker", "DescribeDomain", "Domain " + domainId);
	}

	@Override
	public LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
			String userProfileName) {
		return answer("profile/" + accountId + "/" + domainId + "/" + userProfileName, "SageMaker",
				"DescribeUserProfile", "User profile " + userProfileName);
	}

	@Override
	public LiveRead<List<DomainSummary>> listDomains(String accountId, String region) {
		return answer("domains/" + accountId, "SageMaker", "ListDomains", "Account " + accountId);
	}

	@Override
	public LiveRead<List<UserProfileSummary>> listUserProfiles(String accountId, String region, String domainId) {
		return answer("profiles/" + accountId + "/" + domainId, "SageMaker", "ListUserProfiles", "Domain " + domainId);
	}

	@Override
	public LiveRead<LiveBucketCors> readBucketCors(String accountId, String region, String bucket) {
		return answer("cors/" + accountId + "/" + bucket, "S3", "GetBucketCors", "Bucket " + bucket);
	}

}
