package org.mlgov.console.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;
import org.mlgov.console.review.FrozenDocuments;

/**
 * The help desk's audit of a SageMaker domain's user profiles: each profile's effective execution role (its own
 * {@code UserSettings.ExecutionRole}, else the domain default), its effective Canvas settings, and whether the live
 * state matches the revision the console last released for that role and those Canvas targets. One run reads each
 * distinct domain, profile, role, managed policy and bucket once ({@link AuditRun}), with bounded parallelism.
 */
public class ProfileAudit {

	/** Threads reading AWS at once per audit run. */
	public static final int DEFAULT_PARALLELISM = 8;

	private final LiveStateReader reader;

	private final ReleasedRevisions released;

	private final KnownProfiles known;

	private final int parallelism;

	public ProfileAudit(LiveStateReader reader, ReleasedRevisions released, int parallelism) {
		this(reader, released, null, parallelism);
	}

	ProfileAudit(LiveStateReader reader, ReleasedRevisions released, KnownProfiles known, int parallelism) {
		this.reader = reader;
		this.released = released;
		this.known = known;
		this.parallelism = parallelism;
	}

	/** Whether a profile's live state matches what the console released. */
	public enum Status {

		/** The role (and the profile's Canvas settings, where the console set them) match the last released revision. */
		MATCHES,
		/** Something differs from the last released revision. */
		DRIFTED,
		/** The console never released this role. */
		NOT_MANAGED,
		/** Neither the profile nor the domain names an execution role. */
		NO_ROLE,
		/** The profile or its role could not be read. */
		UNREADABLE

	}

	/**
	 * One user profile.
	 *
	 * @param domainId its domain
	 * @param userProfileName its name
	 * @param profileStatus SageMaker's status of the profile
	 * @param executionRoleArn the effective execution role, or null
	 * @param roleSource {@code user profile} or {@code domain default}, or null
	 * @param canvas the effective Canvas settings, or null when the profile was not read
	 * @param status match, drift, not managed...
	 * @param released the revision compared with, or null
	 * @param drift the differences
	 * @param problem why something could not be read, or null
	 */
	public record ProfileRow(String domainId, String userProfileName, String profileStatus, String executionRoleArn,
			String roleSource, EffectiveCanvas canvas, Status status, ReleasedRevisions.Released released,
			List<Drift.Item> drift, String problem) {

		public String roleName() {
			RoleRef role = RoleRef.of(this.executionRoleArn);
			return (role != null) ? role.roleName() : null;
		}

	}

	/**
	 * The audit of (a page of) a domain's profiles.
	 *
	 * @param accountId the account
	 * @param region the Region
	 * @param domain the domain, or null when it could not be read
	 * @param totalProfiles how many profiles match the filter
	 * @param profiles the profiles of this page, by name
	 * @param problem why the domain or its profiles could not be read, or null
	 * @param problemKind the kind of that problem, or null
	 * @param distinctRoles how many distinct roles the profiles use
	 * @param reads how many distinct reads were made
	 * @param took how long the audit took
	 */
	public record DomainAudit(String accountId, String region, LiveDomain domain, int totalProfiles,
			List<ProfileRow> profiles, String problem, AwsProblem.Kind problemKind, int distinctRoles, int reads,
			Duration took) {

		public Map<Status, Long> counts() {
			Map<Status, Long> counts = new LinkedHashMap<>();
			for (Status status : Status.values()) {
				counts.put(status, this.profiles.stream().filter((p) -> p.status() == status).count());
			}
			return counts;
		}

	}

	/**
	 * The account's domains.
	 * @return the domains, or why they could not be listed
	 */
	public LiveRead<List<DomainSummary>> domains(String accountId, String region) {
		return this.reader.listDomains(accountId, region);
	}

	/**
	 * Audits the profiles of a domain whose name contains {@code filter}, sorted by name, {@code limit} from
	 * {@code offset}.
	 * @param accountId the account
	 * @param region the Region, or null for the default
	 * @param domainId the domain
	 * @param filter part of a profile name (ignoring case), or null for all
	 * @param offset profiles to skip
	 * @param limit most profiles to audit
	 * @return the audit
	 */
	public DomainAudit audit(String accountId, String region, String domainId, String filter, int offset, int limit) {
		long started = System.nanoTime();
		try (AuditRun run = new AuditRun(this.reader, this.parallelism)) {
			CompletableFuture<LiveRead<LiveDomain>> domainRead = run.domain(accountId, region, domainId);
			CompletableFuture<LiveRead<List<UserProfileSummary>>> listing = CompletableFuture
				.supplyAsync(() -> this.reader.listUserProfiles(accountId, region, domainId));
			LiveRead<LiveDomain> domain = AuditRun.await(domainRead);
			LiveRead<List<UserProfileSummary>> summaries = AuditRun.await(listing);
			if (!(domain instanceof LiveRead.Found<LiveDomain> foundDomain)) {
				AwsProblem problem = domain.problemIfFailed().orElseThrow();
				return new DomainAudit(accountId, region, null, 0, List.of(), problem.message(), problem.kind(), 0,
						run.reads(), elapsed(started));
			}
			if (!(summaries instanceof LiveRead.Found<List<UserProfileSummary>> foundList)) {
				AwsProblem problem = summaries.problemIfFailed().orElseThrow();
				return new DomainAudit(accountId, region, foundDomain.value(), 0, List.of(), problem.message(),
						problem.kind(), 0, run.reads(), elapsed(started));
			}
			LiveDomain live = foundDomain.value();
			String needle = (filter == null || filter.isBlank()) ? null : filter.strip().toLowerCase(Locale.ROOT);
			List<String> names = foundList.value()
				.stream()
				.map(UserProfileSummary::userProfileName)
				.filter((name) -> needle == null || name.toLowerCase(Locale.ROOT).contains(needle))
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
			List<String> page = names.subList(Math.min(offset, names.size()),
					(int) Math.min((long) offset + limit, names.size()));
			Map<String, CompletableFuture<LiveRead<LiveUserProfile>>> profileReads = new LinkedHashMap<>();
			for (String name : page) {
				profileReads.put(name, run.profile(accountId, live.region(), domainId, name));
			}
			// Each distinct role as soon as a profile names it.
			Map<String, CompletableFuture<LiveRead<ResolvedRole>>> roleReads = new LinkedHashMap<>();
			Map<String, LiveRead<LiveUserProfile>> profiles = new LinkedHashMap<>();
			RoleRef domainRole = RoleRef.of(live.defaultExecutionRoleArn());
			if (domainRole != null) {
				roleReads.put(domainRole.arn(), run.role(domainRole.accountId(), domainRole.roleName()));
			}
			for (Map.Entry<String, CompletableFuture<LiveRead<LiveUserProfile>>> entry : profileReads.entrySet()) {
				LiveRead<LiveUserProfile> profile = AuditRun.await(entry.getValue());
				profiles.put(entry.getKey(), profile);
				RoleRef role = profile.valueIfFound().map((p) -> RoleRef.of(p.executionRoleArn())).orElse(null);
				if (role != null) {
					roleReads.computeIfAbsent(role.arn(), (arn) -> run.role(role.accountId(), role.roleName()));
				}
			}
			// The released revisions, in this thread (the caller's security context), then the buckets they name.
			Map<String, Optional<ReleasedRevisions.Released>> releasedByRole = new HashMap<>();
			Map<String, CompletableFuture<LiveRead<LiveBucketCors>>> corsReads = new LinkedHashMap<>();
			for (String arn : roleReads.keySet()) {
				RoleRef role = RoleRef.of(arn);
				Optional<ReleasedRevisions.Released> revision = this.released.lastReleased(role.accountId(),
						role.roleName());
				releasedByRole.put(arn, revision);
				revision.ifPresent((r) -> r.documents()
					.cors()
					.forEach((cors) -> corsReads.computeIfAbsent(cors.bucket(),
							(bucket) -> run.cors(accountId, live.region(), bucket))));
			}
			Map<String, LiveRead<ResolvedRole>> roles = new HashMap<>();
			roleReads.forEach((arn, read) -> roles.put(arn, AuditRun.await(read)));
			Map<String, LiveBucketCors> buckets = new HashMap<>();
			corsReads.forEach((bucket, read) -> AuditRun.await(read).valueIfFound().ifPresent((c) -> buckets.put(bucket, c)));
			Map<String, List<Drift.Item>> roleDrift = new HashMap<>();
			List<ProfileRow> rows = new ArrayList<>();
			Set<String> distinct = new LinkedHashSet<>();
			for (Map.Entry<String, LiveRead<LiveUserProfile>> entry : profiles.entrySet()) {
				ProfileRow row = row(live, entry.getKey(), entry.getValue(), roles, releasedByRole, roleDrift, buckets);
				if (row.executionRoleArn() != null) {
					distinct.add(row.executionRoleArn());
					RoleRef role = RoleRef.of(row.executionRoleArn());
					if (this.known != null && role != null) {
						this.known.remember(row.userProfileName(), domainId, role.accountId(), role.roleName());
					}
				}
				rows.add(row);
			}
			return new DomainAudit(accountId, live.region(), live, names.size(), rows, null, null, distinct.size(),
					run.reads(), elapsed(started));
		}
	}

	private static ProfileRow row(LiveDomain domain, String name, LiveRead<LiveUserProfile> read,
			Map<String, LiveRead<ResolvedRole>> roles, Map<String, Optional<ReleasedRevisions.Released>> releasedByRole,
			Map<String, List<Drift.Item>> roleDrift, Map<String, LiveBucketCors> buckets) {
		if (!(read instanceof LiveRead.Found<LiveUserProfile> found)) {
			return new ProfileRow(domain.domainId(), name, null, null, null, null, Status.UNREADABLE, null, List.of(),
					read.problemIfFailed().orElseThrow().message());
		}
		LiveUserProfile profile = found.value();
		String roleArn = (profile.executionRoleArn() != null) ? profile.executionRoleArn()
				: domain.defaultExecutionRoleArn();
		String source = (profile.executionRoleArn() != null) ? EffectiveCanvas.PROFILE
				: (roleArn != null) ? EffectiveCanvas.DOMAIN : null;
		EffectiveCanvas canvas = EffectiveCanvas.of(domain.canvasAppSettingsJson(), profile.canvasAppSettingsJson());
		if (roleArn == null || RoleRef.of(roleArn) == null) {
			return new ProfileRow(domain.domainId(), name, profile.status(), roleArn, source, canvas, Status.NO_ROLE,
					null, List.of(), null);
		}
		LiveRead<ResolvedRole> role = roles.get(roleArn);
		if (!(role instanceof LiveRead.Found<ResolvedRole> resolved)) {
			return new ProfileRow(domain.domainId(), name, profile.status(), roleArn, source, canvas,
					Status.UNREADABLE, null, List.of(), role.problemIfFailed().orElseThrow().message());
		}
		Optional<ReleasedRevisions.Released> revision = releasedByRole.getOrDefault(roleArn, Optional.empty());
		if (revision.isEmpty()) {
			return new ProfileRow(domain.domainId(), name, profile.status(), roleArn, source, canvas,
					Status.NOT_MANAGED, null, List.of(), null);
		}
		FrozenDocuments documents = revision.get().documents();
		List<Drift.Item> drift = new ArrayList<>(roleDrift.computeIfAbsent(roleArn,
				(arn) -> {
					List<Drift.Item> items = new ArrayList<>(Drift.ofRole(resolved.value(), documents));
					items.addAll(Drift.ofCors(documents.cors(), buckets));
					return items;
				}));
		Drift.Item canvasDrift = canvasDrift(domain, profile, documents);
		if (canvasDrift != null) {
			drift.add(canvasDrift);
		}
		return new ProfileRow(domain.domainId(), name, profile.status(), roleArn, source, canvas,
				drift.isEmpty() ? Status.MATCHES : Status.DRIFTED, revision.get(), drift, null);
	}

	/** The Canvas settings the revision set on this profile (or on its domain's defaults), against the live ones. */
	static Drift.Item canvasDrift(LiveDomain domain, LiveUserProfile profile, FrozenDocuments documents) {
		var targets = documents.canvasTargets();
		String released = documents.canvasAppSettingsJson();
		if (released == null || targets == null || !domain.domainId().equals(targets.domainId())) {
			return null;
		}
		if (targets.userProfiles().contains(profile.userProfileName())) {
			return Drift.ofCanvas("user profile " + profile.userProfileName(), released,
					profile.canvasAppSettingsJson());
		}
		if (targets.domainDefault()) {
			return Drift.ofCanvas("default user settings of domain " + domain.domainId(), released,
					domain.canvasAppSettingsJson());
		}
		return null;
	}

	private static Duration elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

}
