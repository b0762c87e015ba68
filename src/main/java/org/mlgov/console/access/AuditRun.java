package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;

/**
 * One audit run's reads of AWS: a short-lived cache, so that each distinct role, managed policy, domain, user profile
 * and bucket is read once however many profiles share it, and a pool of {@code parallelism} threads, so that AWS is
 * called with bounded parallelism (the SDK's standard retry mode backs off on throttling). Reads compose without
 * blocking a pool thread: a role's policies are asked for when its listing arrives. Close it when the run is over.
 */
public final class AuditRun implements AutoCloseable {

	private final LiveStateReader reader;

	private final ExecutorService pool;

	private final Map<String, CompletableFuture<?>> cache = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<LiveRead<ResolvedRole>>> resolved = new ConcurrentHashMap<>();

	private final AtomicInteger reads = new AtomicInteger();

	AuditRun(LiveStateReader reader, int parallelism) {
		this.reader = reader;
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "access-read-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.pool = Executors.newFixedThreadPool(parallelism, factory);
	}

	/** How many distinct reads this run made (each one or more AWS calls). */
	public int reads() {
		return this.reads.get();
	}

	@SuppressWarnings("unchecked")
	private <T> CompletableFuture<LiveRead<T>> once(String key, Supplier<LiveRead<T>> read) {
		return (CompletableFuture<LiveRead<T>>) this.cache.computeIfAbsent(key, (k) -> {
			this.reads.incrementAndGet();
			return CompletableFuture.supplyAsync(read, this.pool);
		});
	}

	CompletableFuture<LiveRead<LiveDomain>> domain(String accountId, String region, String domainId) {
		return once("domain/" + accountId + "/" + region + "/" + domainId,
				() -> this.reader.readDomain(accountId, region, domainId));
	}

	CompletableFuture<LiveRead<LiveUserProfile>> profile(String accountId, String region, String domainId,
			String profile) {
		return once("profile/" + accountId + "/" + region + "/" + domainId + "/" + profile,
				() -> this.reader.readUserProfile(accountId, region, domainId, profile));
	}

	CompletableFuture<LiveRead<LiveBucketCors>> cors(String accountId, String region, String bucket) {
		return once("cors/" + accountId + "/" + region + "/" + bucket,
				() -> this.reader.readBucketCors(accountId, region, bucket));
	}

	CompletableFuture<LiveRead<LivePolicy>> policy(String accountId, String policyArn) {
		// AWS managed policies are the same in every account: read once per run.
		String owner = LiveRole.AttachedPolicy.isAwsManaged(policyArn) ? "aws" : accountId;
		return once("policy/" + owner + "/" + policyArn, () -> this.reader.readManagedPolicy(accountId, policyArn));
	}

	CompletableFuture<LiveRead<LiveRole>> roleListing(String accountId, String roleName) {
		return once("role/" + accountId + "/" + roleName,
				() -> this.reader.readRoleWithoutManagedDocuments(accountId, roleName));
	}

	/**
	 * A role with every policy that applies to it: its listing, then each attached managed policy and its permissions
	 * boundary, each read once per run.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @return the resolved role, or the problem that prevented reading the role itself
	 */
	CompletableFuture<LiveRead<ResolvedRole>> role(String accountId, String roleName) {
		String key = accountId + "/" + roleName;
		CompletableFuture<LiveRead<ResolvedRole>> existing = this.resolved.get(key);
		if (existing != null) {
			return existing;
		}
		// Composed outside any map update: the composition may run at once and ask for the role's policies.
		CompletableFuture<LiveRead<ResolvedRole>> made = roleListing(accountId, roleName).thenCompose((listing) -> {
					if (!(listing instanceof LiveRead.Found<LiveRole> found)) {
						AwsProblem problem = listing.problemIfFailed().orElseThrow();
						return CompletableFuture.completedFuture(LiveRead.<ResolvedRole>failed(problem));
					}
					LiveRole role = found.value();
					List<CompletableFuture<LiveRead<LivePolicy>>> attached = new ArrayList<>();
					for (LiveRole.AttachedPolicy policy : role.attachedPolicies()) {
						attached.add((policy.documentJson() != null)
								? CompletableFuture.completedFuture(LiveRead.found(new LivePolicy(policy.arn(),
										policy.name(), policy.defaultVersionId(), policy.documentJson())))
								: policy(accountId, policy.arn()));
					}
					CompletableFuture<LiveRead<LivePolicy>> boundary = (role.permissionsBoundaryArn() != null)
							? policy(accountId, role.permissionsBoundaryArn()) : CompletableFuture.completedFuture(null);
					List<CompletableFuture<?>> all = new ArrayList<>(attached);
					all.add(boundary);
					return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
						.thenApply((done) -> LiveRead.found(ResolvedRole.of(role,
								attached.stream().map(CompletableFuture::join).toList(), boundary.join())));
				});
		CompletableFuture<LiveRead<ResolvedRole>> raced = this.resolved.putIfAbsent(key, made);
		return (raced != null) ? raced : made;
	}

	/**
	 * Waits for a read.
	 * @param read the read
	 * @return its result
	 */
	static <T> T await(CompletableFuture<T> read) {
		return read.join();
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
		try {
			this.pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
