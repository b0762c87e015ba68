package org.mlgov.console.push;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.mlgov.console.draft.DraftService;
import org.mlgov.console.draft.IllegalTransitionException;
import org.mlgov.console.push.PushEvents.PushFinished;
import org.mlgov.console.push.PushEvents.PushQueued;
import org.mlgov.console.push.PushEvents.StepRecorded;
import org.mlgov.console.review.RevisionTamperedException;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.review.ReviewService.Approved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs push jobs, one at a time per console instance, on a thread of its own. A job is claimed from the database
 * ({@link PushRepository#claimNext}: {@code for update skip locked} and a conditional update), so that it runs on
 * exactly one instance even when several share one PostgreSQL. The runner looks for queued jobs right after a push
 * is stored and at every poll ({@code console.push.poll-interval}); while it runs a job it beats a heartbeat, and a
 * running job whose instance stopped beating for {@code console.push.stale-after} (its console was stopped) is marked
 * failed, at start-up and at every poll, with its finished steps kept.
 * <p>
 * A run reads what is live, plans, and runs the steps in order, each stored as it starts and as it ends; the first
 * failure stops the push. It runs on behalf of the administrator who started it.
 */
@Component
public class PushRunner implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PushRunner.class);

	private final PushRepository pushes;

	private final PushService service;

	private final ReviewService reviews;

	private final DraftService drafts;

	private final AwsWriter writer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PushProperties properties;

	private final TransactionTemplate transactions;

	private final String instance;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "push-runner");
		thread.setDaemon(true);
		return thread;
	});

	public PushRunner(PushRepository pushes, PushService service, ReviewService reviews, DraftService drafts,
			AwsWriter writer, ApplicationEventPublisher events, Clock clock, PushProperties properties,
			PlatformTransactionManager transactionManager) {
		this.pushes = pushes;
		this.service = service;
		this.reviews = reviews;
		this.drafts = drafts;
		this.writer = writer;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.instance = hostName() + "/" + UUID.randomUUID();
	}

	/**
	 * The name under which this instance claims jobs.
	 * @return host name and a random id
	 */
	public String instance() {
		return this.instance;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void queued(PushQueued queued) {
		trigger();
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		recoverStale();
		trigger();
	}

	@Scheduled(fixedDelayString = "${console.push.poll-interval:5s}", initialDelayString = "${console.push.poll-interval:5s}")
	void poll() {
		recoverStale();
		trigger();
	}

	@Scheduled(fixedDelayString = "${console.push.heartbeat-interval:5s}")
	void heartbeat() {
		try {
			this.pushes.beat(this.instance, this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Push heartbeat not recorded: {}", ex.getMessage());
		}
	}

	/** Looks for queued jobs on the runner's thread. */
	public void trigger() {
		try {
			this.worker.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Push runner stopped; queued pushes are left to the next start");
		}
	}

	/** Marks failed the running pushes whose console stopped beating (their finished steps are kept). */
	public void recoverStale() {
		List<Push> stale = this.pushes.findStale(this.clock.instant().minus(this.properties.staleAfter()));
		for (Push push : stale) {
			String message = "The console running this push stopped (no sign of life since " + push.heartbeatAt()
					+ "); its finished steps are kept. Push again to continue from what is live.";
			boolean marked = Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (!this.pushes.failStale(push, message, this.clock.instant())) {
					return false;
				}
				this.pushes.steps(push.id())
					.stream()
					.filter((s) -> s.outcome() == StepOutcome.FAILED && s.finishedAt() != null)
					.reduce((a, b) -> b)
					.ifPresent((step) -> this.events.publishEvent(new StepRecorded(push.requestedBy(),
							PushEvents.subject(push), step)));
				as(push.requestedBy(), () -> finishDraft(push, false));
				this.events.publishEvent(new PushFinished(push.requestedBy(), PushEvents.subject(push), false,
						push.writeCalls(), message));
				return true;
			}));
			if (marked) {
				logger.warn("Push {} of draft {} marked failed: its console stopped", push.id(), push.draftId());
			}
		}
	}

	private void drain() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Optional<Push> claimed = this.transactions
					.execute((status) -> this.pushes.claimNext(this.instance, this.clock.instant()));
				if (claimed == null || claimed.isEmpty()) {
					return;
				}
				as(claimed.get().requestedBy(), () -> {
					run(claimed.get());
					return null;
				});
			}
		}
		catch (RuntimeException ex) {
			logger.error("Push runner stopped draining: {}", ex.toString());
		}
	}

	private void run(Push push) {
		logger.info("Push {} of draft {} revision {} started on {}", push.id(), push.draftId(), push.revision(),
				this.instance);
		int ordinal = 0;
		try {
			Approved approved = this.reviews.approvedRevision(push.draftId());
			if (approved.revision().number() != push.revision()
					|| !approved.revision().documentsSha256().equals(push.documentsSha256())) {
				end(push, false, "The approved revision of the draft is no longer the one this push was started for.");
				return;
			}
			PushPlanner.Target target = PushService.target(approved);
			LiveState live;
			try {
				live = this.service.readLive(target);
			}
			catch (LiveStateUnreadable ex) {
				this.pushes.planned(push.id(), 1);
				PlannedStep read = PlannedStep.noChange(ex.problem().service(), ex.problem().operation(),
						target.documents().role().arn(), "", "read what is live");
				this.pushes.startStep(push.id(), 1, read, this.clock.instant());
				recordStep(push, 1, StepOutcome.FAILED, null, kindCode(ex.problem()), ex.getMessage());
				end(push, false, ex.getMessage());
				return;
			}
			List<PlannedStep> steps = PushPlanner.plan(target, live);
			this.pushes.planned(push.id(), steps.size());
			for (PlannedStep step : steps) {
				ordinal++;
				this.pushes.startStep(push.id(), ordinal, step, this.clock.instant());
				if (!step.changes()) {
					recordStep(push, ordinal, StepOutcome.NO_CHANGE, null, null, step.note());
					continue;
				}
				String requestId;
				try {
					this.pushes.countWrite(push.id());
					requestId = step.write().run(this.writer);
				}
				catch (AwsWriteException ex) {
					recordStep(push, ordinal, StepOutcome.FAILED, ex.requestId(), ex.errorCode(), ex.getMessage());
					end(push, false, "Step " + ordinal + " (" + step.service() + " " + step.operation() + ") failed: "
							+ ex.getMessage());
					return;
				}
				if (step.attaches() != null) {
					this.pushes.attached(push.accountId(), push.roleName(), step.attaches(), push.id(),
							this.clock.instant());
				}
				if (step.detaches() != null) {
					this.pushes.detached(push.accountId(), push.roleName(), step.detaches());
				}
				recordStep(push, ordinal, StepOutcome.CHANGED, requestId, null, step.note());
			}
			end(push, true, null);
		}
		catch (RevisionTamperedException | IllegalTransitionException ex) {
			end(push, false, ex.getMessage());
		}
	}

	private static String kindCode(org.mlgov.console.aws.AwsProblem problem) {
		return problem.kind().name();
	}

	private void recordStep(Push push, int ordinal, StepOutcome outcome, String requestId, String code,
			String message) {
		this.transactions.executeWithoutResult((status) -> {
			PushStep step = this.pushes.finishStep(push.id(), ordinal, outcome, requestId, code, message,
					this.clock.instant());
			this.events.publishEvent(new StepRecorded(push.requestedBy(), PushEvents.subject(push), step));
		});
	}

	private void end(Push push, boolean succeeded, String message) {
		this.transactions.executeWithoutResult((status) -> {
			if (!this.pushes.finish(push.id(), succeeded ? PushStatus.SUCCEEDED : PushStatus.FAILED, message,
					this.clock.instant())) {
				return;
			}
			finishDraft(push, succeeded);
			int writes = this.pushes.find(push.id()).map(Push::writeCalls).orElse(0);
			this.events.publishEvent(new PushFinished(push.requestedBy(), PushEvents.subject(push), succeeded, writes,
					message));
		});
		logger.info("Push {} of draft {} {}", push.id(), push.draftId(), succeeded ? "succeeded" : "failed: " + message);
	}

	private Void finishDraft(Push push, boolean succeeded) {
		try {
			this.drafts.finishPush(push.draftId(), push.requestedBy(), succeeded);
		}
		catch (IllegalTransitionException ex) {
			logger.warn("Draft {} was not PUSHING at the end of push {}: {}", push.draftId(), push.id(),
					ex.getMessage());
		}
		return null;
	}

	/** Runs on behalf of the administrator who started the push. */
	private static <T> T as(String user, Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "console";
		}
	}

}
