package org.mlgov.console.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An AWS account in memory, for service, web and restart tests of the push: it answers the live reads and takes the
 * writes as IAM, SageMaker and S3 would, counts the write calls, and can fail or hold a chosen call. The real adapters
 * are tested against moto and WireMock.
 */
public class FakeAws implements LiveStateReader, AwsWriter {

	/** Installs one fake as the console's {@link LiveStateReader} and {@link AwsWriter}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		FakeAws fakeAws() {
			return new FakeAws();
		}

	}

	static final class Role {

		String path;

		String description;

		int maxSession;

		String boundary;

		String trust;

		final Map<String, String> inline = new LinkedHashMap<>();

		final Set<String> attached = new LinkedHashSet<>();

		final Map<String, String> tags = new LinkedHashMap<>();

	}

	record Version(String id, String document, Instant createdAt) {
	}

	static final class Policy {

		final List<Version> versions = new ArrayList<>();

		String defaultVersion;

		int next = 1;

	}

	final Map<String, Role> roles = new ConcurrentHashMap<>();

	final Map<String, Policy> policies = new ConcurrentHashMap<>();

	final Map<String, String[]> domains = new ConcurrentHashMap<>();

	final Map<String, String[]> profiles = new ConcurrentHashMap<>();

	final Map<String, String> buckets = new ConcurrentHashMap<>();

	final List<String> writes = new CopyOnWriteArrayList<>();

	final AtomicInteger clock = new AtomicInteger();

	private final Map<String, Function<String, RuntimeException>> failures = new ConcurrentHashMap<>();

	private volatile Runnable beforeWrite = () -> {
	};

	String account = "111122223333";

	public synchronized void reset() {
		this.roles.clear();
		this.policies.clear();
		this.domains.clear();
		this.profiles.clear();
		this.buckets.clear();
		this.writes.clear();
		this.failures.clear();
		this.beforeWrite = () -> {
		};
	}

	/** The next call of this operation fails with this AWS error code. */
	public void failNext(String operation, String code) {
		this.failures.put(operation, (subject) -> new AwsWriteException(new AwsProblem(
				code.startsWith("AccessDenied") ? Kind.ACCESS_DENIED : Kind.SERVICE_ERROR, "IAM", operation,
				"IAM " + operation + " was refused (" + code + "): the console's own credentials lack the permission iam:"
						+ operation + " on " + subject + "."), code, "req-failed-" + operation));
	}

	/** Runs before every write call (a test holds a call in flight with it). */
	public void beforeWrite(Runnable hook) {
		this.beforeWrite = hook;
	}

	public void domain(String domainId, String executionRole, String canvasJson) {
		this.domains.put(domainId, new String[] { executionRole, canvasJson });
	}

	public void bucket(String bucket, String rulesJson) {
		this.buckets.put(bucket, rulesJson);
	}

	public int writeCount() {
		return this.writes.size();
	}

	private synchronized String write(String operation, String subject) {
		this.beforeWrite.run();
		Function<String, RuntimeException> failure = this.failures.remove(operation);
		this.writes.add(operation + " " + subject);
		if (failure != null) {
			throw failure.apply(subject);
		}
		return "req-" + this.writes.size();
	}

	// LiveStateReader

	@Override
	public synchronized LiveRead<LiveRole> readRole(String accountId, String roleName) {
		Role role = this.roles.get(roleName);
		if (role == null) {
			return notFound("IAM", "GetRole", "role " + roleName);
		}
		List<LiveRole.AttachedPolicy> attached = new ArrayList<>();
		for (String arn : role.attached) {
			String name = arn.substring(arn.lastIndexOf('/') + 1);
			Policy policy = this.policies.get(arn);
			if (policy == null) {
				attached.add(new LiveRole.AttachedPolicy(arn, name, null, null));
			}
			else {
				attached.add(new LiveRole.AttachedPolicy(arn, name, policy.defaultVersion, document(policy)));
			}
		}
		return LiveRead.found(new LiveRole(accountId, roleName,
				"arn:aws:iam::" + accountId + ":role" + role.path + roleName, role.path, role.description,
				role.maxSession, role.boundary, role.trust, role.inline, attached, role.tags));
	}

	@Override
	public synchronized LiveRead<LivePolicy> readManagedPolicy(String accountId, String policyArn) {
		Policy policy = this.policies.get(policyArn);
		if (policy == null) {
			return notFound("IAM", "GetPolicy", "policy " + policyArn);
		}
		return LiveRead.found(new LivePolicy(policyArn, policyArn.substring(policyArn.lastIndexOf('/') + 1),
				policy.defaultVersion, document(policy)));
	}

	@Override
	public LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId) {
		String[] domain = this.domains.get(domainId);
		if (domain == null) {
			return notFound("SageMaker", "DescribeDomain", "domain " + domainId);
		}
		return LiveRead.found(new LiveDomain(accountId, region, domainId,
				"arn:aws:sagemaker:" + region + ":" + accountId + ":domain/" + domainId, "analytics", "InService",
				domain[0], domain[1]));
	}

	@Override
	public LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
			String userProfileName) {
		String[] profile = this.profiles.get(domainId + "/" + userProfileName);
		if (profile == null) {
			return notFound("SageMaker", "DescribeUserProfile", "user profile " + userProfileName);
		}
		return LiveRead.found(new LiveUserProfile(accountId, region, domainId, userProfileName,
				"arn:aws:sagemaker:" + region + ":" + accountId + ":user-profile/" + domainId + "/" + userProfileName,
				"InService", profile[0], profile[1]));
	}

	@Override
	public LiveRead<List<DomainSummary>> listDomains(String accountId, String region) {
		return LiveRead.found(List.of());
	}

	@Override
	public LiveRead<List<UserProfileSummary>> listUserProfiles(String accountId, String region, String domainId) {
		return LiveRead.found(List.of());
	}

	@Override
	public LiveRead<LiveBucketCors> readBucketCors(String accountId, String region, String bucket) {
		String rules = this.buckets.get(bucket);
		if (rules == null) {
			return notFound("S3", "GetBucketCors", "bucket " + bucket);
		}
		int count = JsonDocs.read(rules).size();
		return LiveRead.found(new LiveBucketCors(accountId, region, bucket, rules, count));
	}

	private static <T> LiveRead<T> notFound(String service, String operation, String subject) {
		return LiveRead.failed(new AwsProblem(Kind.NOT_FOUND, service, operation,
				service + " " + operation + " found nothing: " + subject + " does not exist."));
	}

	// AwsWriter

	@Override
	public synchronized Optional<ManagedPolicy> readPolicy(String accountId, String policyArn) {
		Policy policy = this.policies.get(policyArn);
		if (policy == null) {
			return Optional.empty();
		}
		return Optional.of(new ManagedPolicy(policyArn, policy.defaultVersion, document(policy), policy.versions
			.stream()
			.map((v) -> new AwsWriter.Version(v.id(), v.id().equals(policy.defaultVersion), v.createdAt()))
			.toList()));
	}

	private static String document(Policy policy) {
		return policy.versions.stream().filter((v) -> v.id().equals(policy.defaultVersion)).findFirst().orElseThrow()
			.document();
	}

	@Override
	public synchronized String createRole(String accountId, RoleSettings settings) {
		String id = write("CreateRole", settings.name());
		Role role = new Role();
		role.path = settings.path();
		role.description = settings.description();
		role.maxSession = settings.maxSessionDurationSeconds();
		role.boundary = settings.permissionsBoundaryArn();
		role.trust = settings.trustPolicyJson();
		role.tags.putAll(settings.tags());
		this.roles.put(settings.name(), role);
		return id;
	}

	@Override
	public synchronized String updateAssumeRolePolicy(String accountId, String roleName, String trustPolicyJson) {
		String id = write("UpdateAssumeRolePolicy", roleName);
		this.roles.get(roleName).trust = trustPolicyJson;
		return id;
	}

	@Override
	public synchronized String updateRole(String accountId, String roleName, String description, int max) {
		String id = write("UpdateRole", roleName);
		this.roles.get(roleName).description = description;
		this.roles.get(roleName).maxSession = max;
		return id;
	}

	@Override
	public synchronized String putRolePermissionsBoundary(String accountId, String roleName, String boundaryArn) {
		String id = write("PutRolePermissionsBoundary", roleName);
		this.roles.get(roleName).boundary = boundaryArn;
		return id;
	}

	@Override
	public synchronized String tagRole(String accountId, String roleName, Map<String, String> tags) {
		String id = write("TagRole", roleName);
		this.roles.get(roleName).tags.putAll(tags);
		return id;
	}

	@Override
	public synchronized String untagRole(String accountId, String roleName, List<String> keys) {
		String id = write("UntagRole", roleName);
		keys.forEach(this.roles.get(roleName).tags::remove);
		return id;
	}

	@Override
	public synchronized String putRolePolicy(String accountId, String roleName, String policyName, String json) {
		String id = write("PutRolePolicy", roleName + "/" + policyName);
		this.roles.get(roleName).inline.put(policyName, json);
		return id;
	}

	@Override
	public synchronized String deleteRolePolicy(String accountId, String roleName, String policyName) {
		String id = write("DeleteRolePolicy", roleName + "/" + policyName);
		this.roles.get(roleName).inline.remove(policyName);
		return id;
	}

	@Override
	public synchronized String createPolicy(String accountId, String policyName, String path, String json) {
		String arn = "arn:aws:iam::" + accountId + ":policy" + ((path == null) ? "/" : path) + policyName;
		String id = write("CreatePolicy", arn);
		Policy policy = new Policy();
		policy.versions.add(new Version("v1", json, Instant.EPOCH.plusSeconds(this.clock.incrementAndGet())));
		policy.defaultVersion = "v1";
		policy.next = 2;
		this.policies.put(arn, policy);
		return id;
	}

	@Override
	public synchronized String createPolicyVersion(String accountId, String policyArn, String json) {
		String id = write("CreatePolicyVersion", policyArn);
		Policy policy = this.policies.get(policyArn);
		if (policy.versions.size() >= 5) {
			throw new AwsWriteException(new AwsProblem(Kind.SERVICE_ERROR, "IAM", "CreatePolicyVersion",
					"IAM CreatePolicyVersion was refused (LimitExceeded)"), "LimitExceeded", "req-limit");
		}
		String version = "v" + policy.next++;
		policy.versions.add(new Version(version, json, Instant.EPOCH.plusSeconds(this.clock.incrementAndGet())));
		policy.defaultVersion = version;
		return id;
	}

	@Override
	public synchronized String deletePolicyVersion(String accountId, String policyArn, String versionId) {
		String id = write("DeletePolicyVersion", policyArn + " " + versionId);
		this.policies.get(policyArn).versions.removeIf((v) -> v.id().equals(versionId));
		return id;
	}

	@Override
	public synchronized String attachRolePolicy(String accountId, String roleName, String policyArn) {
		String id = write("AttachRolePolicy", roleName + " " + policyArn);
		this.roles.get(roleName).attached.add(policyArn);
		return id;
	}

	@Override
	public synchronized String detachRolePolicy(String accountId, String roleName, String policyArn) {
		String id = write("DetachRolePolicy", roleName + " " + policyArn);
		this.roles.get(roleName).attached.remove(policyArn);
		return id;
	}

	@Override
	public synchronized String updateDomain(String accountId, String region, String domainId, String executionRoleArn,
			String canvasAppSettingsJson) {
		String id = write("UpdateDomain", domainId);
		String[] domain = this.domains.get(domainId);
		this.domains.put(domainId, new String[] { executionRoleArn,
				(canvasAppSettingsJson != null) ? canvasAppSettingsJson : domain[1] });
		return id;
	}

	@Override
	public synchronized String updateUserProfile(String accountId, String region, String domainId, String name,
			String executionRoleArn, String canvasAppSettingsJson) {
		String id = write("UpdateUserProfile", domainId + "/" + name);
		String[] profile = this.profiles.get(domainId + "/" + name);
		this.profiles.put(domainId + "/" + name, new String[] { executionRoleArn,
				(canvasAppSettingsJson != null) ? canvasAppSettingsJson : profile[1] });
		return id;
	}

	@Override
	public synchronized String putBucketCors(String accountId, String region, String bucket, String rulesJson) {
		String id = write("PutBucketCors", bucket);
		this.buckets.put(bucket, rulesJson);
		return id;
	}

}
