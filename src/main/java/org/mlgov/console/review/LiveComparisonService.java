package org.mlgov.console.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.draft.CanvasTargets;
import org.mlgov.console.draft.RoleMode;
import org.mlgov.console.draft.DraftContent;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.LiveComparison.BucketCheck;
import org.mlgov.console.review.LiveComparison.Outcome;
import org.mlgov.console.review.LiveComparison.RoleCheck;
import org.mlgov.console.review.LiveComparison.Step;
import org.mlgov.console.review.LiveComparison.TargetCheck;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;

/**
 * Compares a frozen revision with what is live in AWS, through the {@link LiveStateReader} port, and states the
 * result as the push's own plan ({@link PushPreview}): the steps a push would take, each with what it means for the
 * role's permissions ({@link PlanSteps}). The page's reads
 * (the role, the domain, each user profile, each bucket) are independent and run side by side on a small bounded
 * pool, and the comparison waits for them at most {@code console.review.live-read-deadline}: a read still running
 * then is abandoned and shown as not answered in time. Reads that fail become sentences on the result; nothing here
 * throws because AWS could not be reached or was slow.
 */
@Service
public class LiveComparisonService implements DisposableBean {

	/** Reads running at once, for all review pages together. */
	static final int THREADS = 4;

	/** Reads waiting for a thread; beyond that a read is refused at once rather than queued past the deadline. */
	static final int QUEUE = 64;

	private final LiveStateReader reader;

	private final PushPreview plans;

	private final PlanSteps steps;

	private final Duration deadline;

	private final ThreadPoolExecutor executor;

	public LiveComparisonService(LiveStateReader reader, PushPreview plans, Catalog catalog,
			ReviewProperties properties) {
		this.reader = reader;
		this.plans = plans;
		this.steps = new PlanSteps(catalog);
		this.deadline = properties.liveReadDeadline();
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
				(task) -> {
					Thread thread = new Thread(task, "live-read-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * What the revision would change in AWS.
	 * @param revision the revision under review
	 * @return the comparison with the live role, Canvas targets and buckets
	 */
	public LiveComparison compare(DraftRevision revision) {
		return compare(revision, revision.draftContent(), revision.frozenDocuments());
	}

	/**
	 * What the revision would change in AWS, for a caller that has read the revision's stored text already (the
	 * review page keeps it read).
	 * @param revision the revision under review
	 * @param content its content, as {@link DraftRevision#draftContent()} reads it
	 * @param documents its documents, as {@link DraftRevision#frozenDocuments()} reads them
	 * @return the comparison with the live role, Canvas targets and buckets
	 */
	public LiveComparison compare(DraftRevision revision, DraftContent content, FrozenDocuments documents) {
		RoleSpec spec = content.spec();
		String account = spec.accountId();
		String region = spec.region();
		String roleName = documents.role().name();
		Instant until = Instant.now().plus(this.deadline);
		List<Future<?>> started = new ArrayList<>();

		Pending<LiveRole> role = start(started, "IAM", "GetRole", "role " + roleName + " in account " + account,
				() -> this.reader.readRole(account, roleName));
		CanvasTargets targets = documents.canvasTargets();
		boolean canvas = documents.canvasAppSettingsJson() != null && targets != null && targets.domainId() != null
				&& !targets.domainId().isBlank();
		Pending<LiveDomain> domain = (canvas && targets.domainDefault())
				? start(started, "SageMaker", "DescribeDomain", "domain " + targets.domainId() + " in account " + account,
						() -> this.reader.readDomain(account, region, targets.domainId()))
				: null;
		Map<String, Pending<LiveUserProfile>> profiles = new LinkedHashMap<>();
		if (canvas) {
			for (String profile : targets.userProfiles()) {
				profiles.put(profile, start(started, "SageMaker", "DescribeUserProfile", "user profile " + profile
						+ " of domain " + targets.domainId() + " in account " + account,
						() -> this.reader.readUserProfile(account, region, targets.domainId(), profile)));
			}
		}
		Map<String, Pending<LiveBucketCors>> buckets = new LinkedHashMap<>();
		for (FrozenDocuments.Cors cors : documents.cors()) {
			buckets.putIfAbsent(cors.bucket(), start(started, "S3", "GetBucketCors", "bucket " + cors.bucket()
					+ " in account " + account, () -> this.reader.readBucketCors(account, region, cors.bucket())));
		}

		List<LiveRead<?>> reads = new ArrayList<>();
		LiveRead<LiveRole> live = role.await(until);
		reads.add(live);
		RoleCheck roleCheck = roleCheck(live, documents.roleMode(), roleName, account);
		LiveRead<LiveDomain> domainRead = (domain != null) ? domain.await(until) : null;
		Map<String, LiveRead<LiveUserProfile>> profileReads = new LinkedHashMap<>();
		profiles.forEach((name, pending) -> profileReads.put(name, pending.await(until)));
		Map<String, LiveRead<LiveBucketCors>> bucketReads = new LinkedHashMap<>();
		buckets.forEach((name, pending) -> bucketReads.put(name, pending.await(until)));
		if (domainRead != null) {
			reads.add(domainRead);
		}
		reads.addAll(profileReads.values());
		reads.addAll(bucketReads.values());
		String notConfigured = notConfigured(reads, account);

		// The push's plan against what was read; its own reads share the page's deadline.
		PushPreview.Preview preview = null;
		String planProblem = null;
		if (notConfigured == null) {
			Map<String, LiveUserProfile> foundProfiles = new LinkedHashMap<>();
			profileReads.forEach((name, read) -> read.valueIfFound().ifPresent((p) -> foundProfiles.put(name, p)));
			Map<String, LiveBucketCors> foundBuckets = new LinkedHashMap<>();
			bucketReads.forEach((name, read) -> read.valueIfFound().ifPresent((b) -> foundBuckets.put(name, b)));
			PushPreview.Live read = new PushPreview.Live(live.valueIfFound().orElse(null),
					(domainRead != null) ? domainRead.valueIfFound().orElse(null) : null, foundProfiles, foundBuckets);
			LiveRead<PushPreview.Preview> planned = start(started, "IAM", "GetPolicy",
					"the customer managed policies and Bedrock role of the push plan for role " + roleName,
					() -> LiveRead.found(this.plans.preview(revision, read)))
				.await(until);
			preview = planned.valueIfFound().orElse(null);
			planProblem = (preview == null) ? message(planned) : preview.problem();
		}
		List<PlanAction> actions = (preview != null) ? preview.actions() : List.of();
		boolean roleRead = live.isFound() || roleCheck.outcome() == Outcome.CREATES_NEW
				|| roleCheck.outcome() == Outcome.MISSING;
		List<Step> roleSteps = (roleRead && planProblem == null) ? actions.stream()
			.filter((action) -> action.subject().iam())
			.map(this.steps::step)
			.toList() : List.of();
		List<TargetCheck> targetChecks = canvas ? canvasTargets(documents, domainRead, profileReads, actions)
				: List.of();
		List<BucketCheck> bucketChecks = buckets(documents, bucketReads, actions, preview != null);
		return new LiveComparison(account, region, roleCheck, roleSteps, roleRead ? planProblem : null, targetChecks,
				bucketChecks, notConfigured);
	}

	/** Stops the reads' threads when the console stops. */
	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private <T> Pending<T> start(List<Future<?>> started, String service, String operation, String subject,
			Supplier<LiveRead<T>> read) {
		try {
			Future<LiveRead<T>> future = this.executor.submit(read::get);
			started.add(future);
			return new Pending<>(future, started, service, operation, subject, this.deadline);
		}
		catch (RejectedExecutionException ex) {
			return new Pending<>(null, started, service, operation, subject, this.deadline);
		}
	}

	private static RoleCheck roleCheck(LiveRead<LiveRole> live, RoleMode mode, String roleName, String account) {
		boolean notFound = live.problemIfFailed()
			.map((problem) -> problem.kind() == AwsProblem.Kind.NOT_FOUND)
			.orElse(false);
		if (mode == RoleMode.UPDATE_EXISTING) {
			if (live.isFound()) {
				return new RoleCheck(Outcome.UPDATES, "Role " + roleName + " exists in account " + account
						+ ": the steps below are what a push of this revision would do to it.");
			}
			if (notFound) {
				return new RoleCheck(Outcome.MISSING, "This revision updates role " + roleName + ", but account "
						+ account + " has no role of that name: there is nothing to update, and a push would create it "
						+ "(steps below).");
			}
		}
		else {
			if (notFound) {
				return new RoleCheck(Outcome.CREATES_NEW, "Role " + roleName + " does not exist yet in account "
						+ account + ": a push would create it with every document of this revision (steps below).");
			}
			if (live.isFound()) {
				return new RoleCheck(Outcome.ALREADY_EXISTS, "This revision creates role " + roleName
						+ ", but account " + account + " already has a role of that name: a push would not create a new "
						+ "role but change that one, as the steps below show. The author may want an update of the "
						+ "existing role.");
			}
		}
		return new RoleCheck(Outcome.UNREADABLE, message(live));
	}

	/**
	 * One notice for the whole comparison when no read was even sent because AWS access is not set up (switched off,
	 * or no role for the account): null when at least one read got an answer or failed otherwise.
	 */
	private static String notConfigured(List<LiveRead<?>> reads, String account) {
		List<AwsProblem> problems = reads.stream().flatMap((read) -> read.problemIfFailed().stream()).toList();
		if (problems.size() < reads.size()
				|| !problems.stream().allMatch((problem) -> problem.kind() == AwsProblem.Kind.NOT_CONFIGURED)) {
			return null;
		}
		boolean off = problems.stream().allMatch((problem) -> problem.message().contains("switched off"));
		return "AWS access is not configured, so nothing was read from AWS and this section cannot show what would "
				+ "change there. " + (off ? "AWS access is switched off for this console: whoever runs the console can turn it on."
						: problems.get(0).message());
	}

	private static String message(LiveRead<?> failed) {
		return failed.problemIfFailed().orElseThrow().message();
	}

	private List<TargetCheck> canvasTargets(FrozenDocuments documents, LiveRead<LiveDomain> domainRead,
			Map<String, LiveRead<LiveUserProfile>> profileReads, List<PlanAction> actions) {
		CanvasTargets targets = documents.canvasTargets();
		String generated = documents.canvasAppSettingsJson();
		String roleArn = documents.role().arn();
		List<TargetCheck> checks = new ArrayList<>();
		if (domainRead != null) {
			String target = "default user settings of domain " + targets.domainId();
			if (domainRead instanceof LiveRead.Found<LiveDomain> found) {
				LiveDomain value = found.value();
				checks.add(new TargetCheck(target, null, value.defaultExecutionRoleArn(),
						roleArn.equals(value.defaultExecutionRoleArn()), DocumentChange.ofJson("canvas-domain",
								"CanvasAppSettings of the " + target, value.canvasAppSettingsJson(), generated),
						step(actions, PlanAction.Subject.DOMAIN, targets.domainId(), 0)));
			}
			else {
				checks.add(new TargetCheck(target, message(domainRead), null, false, null, null));
			}
		}
		profileReads.forEach((profile, read) -> {
			String target = "user profile " + profile + " of domain " + targets.domainId();
			if (read instanceof LiveRead.Found<LiveUserProfile> found) {
				LiveUserProfile value = found.value();
				checks.add(new TargetCheck(target, null, value.executionRoleArn(),
						roleArn.equals(value.executionRoleArn()), DocumentChange.ofJson("canvas-profile-" + profile,
								"CanvasAppSettings of " + target, value.canvasAppSettingsJson(), generated),
						step(actions, PlanAction.Subject.USER_PROFILE, profile, 0)));
			}
			else {
				checks.add(new TargetCheck(target, message(read), null, false, null, null));
			}
		});
		return checks;
	}

	/**
	 * One entry per CORS rule set of the revision: the push's step for it, the bucket's live rules (all kept) and
	 * the rules the push adds. Without a plan, the live rules are still listed.
	 */
	private List<BucketCheck> buckets(FrozenDocuments documents, Map<String, LiveRead<LiveBucketCors>> reads,
			List<PlanAction> actions, boolean planned) {
		List<BucketCheck> checks = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (FrozenDocuments.Cors cors : documents.cors()) {
			int nth = seen.merge(cors.bucket(), 1, Integer::sum) - 1;
			LiveRead<LiveBucketCors> read = reads.get(cors.bucket());
			if (read instanceof LiveRead.Found<LiveBucketCors> found) {
				Step step = planned ? step(actions, PlanAction.Subject.BUCKET_CORS, cors.bucket(), nth) : null;
				List<String> added = (step != null) ? PlanSteps.rules(step.action().revisionDocument()) : List.of();
				checks.add(new BucketCheck(cors.bucket(), null, step, PlanSteps.rules(found.value().rulesJson()),
						added));
			}
			else {
				checks.add(new BucketCheck(cors.bucket(), message(read), null, List.of(), List.of()));
			}
		}
		return checks;
	}

	/** The {@code nth} step of the plan about this subject and name, with its meaning; null when there is none. */
	private Step step(List<PlanAction> actions, PlanAction.Subject subject, String name, int nth) {
		return actions.stream()
			.filter((action) -> action.subject() == subject && name.equals(action.name()))
			.skip(nth)
			.findFirst()
			.map(this.steps::step)
			.orElse(null);
	}

	/**
	 * A read running on the pool (or refused by it, when {@code future} is null), the other reads of the same page,
	 * and what to say if it does not finish in time.
	 */
	private record Pending<T>(Future<LiveRead<T>> future, List<Future<?>> page, String service, String operation,
			String subject, Duration deadline) {

		/**
		 * The read's result, or a {@code TIMED_OUT} problem once {@code until} has passed: then every read of the
		 * page still running is interrupted, and those still waiting for a thread never start.
		 */
		LiveRead<T> await(Instant until) {
			if (this.future == null) {
				return problem(this.service + " " + this.operation + " was not sent while reading " + this.subject
						+ ": the console is reading AWS for many reviews at once; reload the page in a moment.");
			}
			try {
				long left = Math.max(0, Duration.between(Instant.now(), until).toMillis());
				return this.future.get(left, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | CancellationException ex) {
				abandonPage();
				return problem(this.service + " " + this.operation + " did not answer in time while reading "
						+ this.subject + ": the review page waits at most " + seconds(this.deadline)
						+ " for AWS (console.review.live-read-deadline); reload it to try again.");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				abandonPage();
				return problem(this.service + " " + this.operation + " was abandoned while reading " + this.subject
						+ ": the review page was interrupted.");
			}
			catch (ExecutionException ex) {
				return LiveRead.failed(new AwsProblem(AwsProblem.Kind.SERVICE_ERROR, this.service, this.operation,
						this.service + " " + this.operation + " failed while reading " + this.subject + " ("
								+ ex.getCause().getClass().getSimpleName() + ")."));
			}
		}

		/**
		 * Cancels every read of the page, the last started first: those still waiting for a thread are cancelled
		 * before an interrupted one frees its thread, so they never start.
		 */
		private void abandonPage() {
			for (int i = this.page.size() - 1; i >= 0; i--) {
				this.page.get(i).cancel(true);
			}
		}

		private LiveRead<T> problem(String message) {
			return LiveRead.failed(new AwsProblem(AwsProblem.Kind.TIMED_OUT, this.service, this.operation, message));
		}

		private static String seconds(Duration duration) {
			long millis = duration.toMillis();
			return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
		}

	}

}
