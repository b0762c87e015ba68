package org.mlgov.console.push;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.draft.DraftService;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.push.PushEvents.PushPlanned;
import org.mlgov.console.push.PushEvents.PushQueued;
import org.mlgov.console.push.PushEvents.PushStarted;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.ReviewService;
import org.mlgov.console.review.ReviewService.Approved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The push's use cases: plan (a dry run against what is live), start (an ADMIN pushes an approved revision: its
 * SHA-256 is checked again, the draft goes to PUSHING and a job is stored for {@link PushRunner}), and read a push
 * with its steps. Approved revisions come through {@link ReviewService}, drafts through {@link DraftService}.
 */
@Service
public class PushService {

	private final ReviewService reviews;

	private final DraftService drafts;

	private final PushRepository pushes;

	private final LiveStateReader reader;

	private final AwsWriter writer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public PushService(ReviewService reviews, DraftService drafts, PushRepository pushes, LiveStateReader reader,
			AwsWriter writer, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.drafts = drafts;
		this.pushes = pushes;
		this.reader = reader;
		this.writer = writer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The plan of a push of the draft's approved revision: what is live read now, the steps that would run.
	 * @throws LiveStateUnreadable when what is live cannot be read
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public PushPlan plan(long draftId, String user) {
		Approved approved = this.reviews.approvedRevision(draftId);
		PushPlanner.Target target = target(approved);
		List<PlannedStep> steps = PushPlanner.plan(target, readLive(target));
		PushPlan plan = new PushPlan(approved.draft(), approved.revision(), target, steps);
		this.events.publishEvent(new PushPlanned(user,
				approved.draft().auditSubject(approved.revision().number()), approved.revision().number(),
				steps.size(), plan.changes()));
		return plan;
	}

	/**
	 * Starts a push of the draft's approved revision: checks its SHA-256 again, moves the draft to PUSHING and stores
	 * the job; it runs once the transaction has committed.
	 * @throws org.mlgov.console.draft.IllegalTransitionException when the draft is not approved or being pushed
	 * @throws org.mlgov.console.review.RevisionTamperedException when the documents no longer match their SHA-256
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Push start(long draftId, String user) {
		Approved approved = this.reviews.approvedRevision(draftId);
		this.drafts.startPush(draftId, user);
		RoleSpec spec = approved.revision().draftContent().spec();
		Push push = this.pushes.insert(draftId, approved.revision().number(), approved.revision().documentsSha256(),
				spec.accountId(), region(spec), spec.roleName(), user, this.clock.instant());
		this.events.publishEvent(new PushStarted(user, PushEvents.subject(push), draftId, push.revision(),
				push.documentsSha256()));
		this.events.publishEvent(new PushQueued(push.id()));
		return push;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public Optional<Push> find(long pushId) {
		return this.pushes.find(pushId);
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public List<PushStep> steps(long pushId) {
		return this.pushes.steps(pushId);
	}

	/** The pushes of a draft, newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
	public List<Push> pushesOf(long draftId) {
		return this.pushes.findByDraft(draftId);
	}

	static String region(RoleSpec spec) {
		return (spec.region() == null || spec.region().isBlank()) ? "us-east-1" : spec.region();
	}

	static PushPlanner.Target target(Approved approved) {
		RoleSpec spec = approved.revision().draftContent().spec();
		String partition = (spec.partition() == null || spec.partition().isBlank()) ? "aws" : spec.partition();
		return new PushPlanner.Target(spec.accountId(), region(spec), partition, approved.revision().frozenDocuments());
	}

	/**
	 * Reads what the plan compares with: the role (absent is fine), the Bedrock role, the customer managed
	 * policies with their versions, the domain and user profiles, the buckets' CORS rules, and what this console
	 * attached earlier.
	 * @throws LiveStateUnreadable when a read failed
	 */
	public LiveState readLive(PushPlanner.Target target) {
		return readLive(target, this.reader, this.writer,
				this.pushes.consoleAttached(target.accountId(), target.documents().role().name()));
	}

	/**
	 * What is live for a push, read with the given reader and writer.
	 * @param consoleAttached the managed policies this console attached to the role earlier
	 * @throws LiveStateUnreadable when a read failed
	 */
	public static LiveState readLive(PushPlanner.Target target, LiveStateReader reader, AwsWriter writer,
			java.util.Set<String> consoleAttached) {
		String account = target.accountId();
		String region = target.region();
		FrozenDocuments docs = target.documents();
		LiveRole role = optional(reader.readRole(account, docs.role().name()));
		LiveRole bedrock = target.createsBedrockRole() ? optional(reader.readRole(account, docs.bedrockRole().name()))
				: null;
		Map<String, AwsWriter.ManagedPolicy> policies = new LinkedHashMap<>();
		for (FrozenDocuments.Policy policy : target.customerManaged()) {
			String arn = target.policyArn(policy);
			LiveRole.AttachedPolicy attached = (role != null) ? role.attachedPolicies()
				.stream()
				.filter((p) -> p.arn().equals(arn) && p.documentJson() != null)
				.findFirst()
				.orElse(null) : null;
			if (attached != null && JsonDocs.samePolicy(attached.documentJson(), policy.json())) {
				// Attached and as approved: the role's read already has its default version; no further read.
				policies.put(arn, new AwsWriter.ManagedPolicy(arn, attached.defaultVersionId(), attached.documentJson(),
						List.of()));
				continue;
			}
			try {
				writer.readPolicy(account, arn).ifPresent((found) -> policies.put(arn, found));
			}
			catch (AwsWriteException ex) {
				throw new LiveStateUnreadable(ex.problem());
			}
		}
		LiveDomain domain = null;
		Map<String, LiveUserProfile> profiles = new LinkedHashMap<>();
		var canvas = docs.canvasTargets();
		if (canvas != null && canvas.domainId() != null) {
			if (canvas.domainDefault()) {
				domain = required(reader.readDomain(account, region, canvas.domainId()));
			}
			for (String name : canvas.userProfiles()) {
				profiles.put(name, required(reader.readUserProfile(account, region, canvas.domainId(), name)));
			}
		}
		Map<String, LiveBucketCors> cors = new LinkedHashMap<>();
		for (FrozenDocuments.Cors bucket : docs.cors()) {
			cors.put(bucket.bucket(), required(reader.readBucketCors(account, region, bucket.bucket())));
		}
		return new LiveState(role, bedrock, policies, domain, profiles, cors, consoleAttached);
	}

	private static <T> T optional(LiveRead<T> read) {
		if (read instanceof LiveRead.Failed<T> failed) {
			if (failed.problem().kind() == AwsProblem.Kind.NOT_FOUND) {
				return null;
			}
			throw new LiveStateUnreadable(failed.problem());
		}
		return read.valueIfFound().orElseThrow();
	}

	private static <T> T required(LiveRead<T> read) {
		if (read instanceof LiveRead.Failed<T> failed) {
			throw new LiveStateUnreadable(failed.problem());
		}
		return read.valueIfFound().orElseThrow();
	}

}
