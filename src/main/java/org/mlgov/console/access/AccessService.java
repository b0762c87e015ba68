package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mlgov.console.audit.AuditEvent;
import org.mlgov.console.audit.AuditQuery;
import org.mlgov.console.audit.AuditTrail;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProperties;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.policy.evaluation.EvaluationRequest;
import org.mlgov.console.review.ReviewService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The help desk's questions about one role or user profile, answered from what is live in AWS: what the role may do
 * and why (the offline evaluator), how it differs from what the console released, and who shaped it (revisions,
 * decisions, the audit trail). Read-only; for the help desk, reviewers and administrators.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','HELPDESK')")
public class AccessService {

	/** Audit events shown with a role. */
	static final int HISTORY_EVENTS = 50;

	private final LiveStateReader reader;

	private final RoleEvaluation evaluation;

	private final ReleasedRevisions released;

	private final ReviewService reviews;

	private final AuditTrail audit;

	private final String defaultRegion;

	AccessService(LiveStateReader reader, RoleEvaluation evaluation, ReleasedRevisions released, ReviewService reviews,
			AuditTrail audit, AwsProperties aws) {
		this.reader = reader;
		this.evaluation = evaluation;
		this.released = released;
		this.reviews = reviews;
		this.audit = audit;
		this.defaultRegion = aws.region();
	}

	/** The Region to use: the one given, else the console's default. */
	public String region(String region) {
		return (region == null || region.isBlank()) ? this.defaultRegion : region.strip();
	}

	/**
	 * Reads a role live, with every policy document.
	 * @throws RoleReadException when the role cannot be read
	 */
	public ResolvedRole readRole(String accountId, String roleName) {
		try (AuditRun run = new AuditRun(this.reader, 4)) {
			LiveRead<ResolvedRole> role = AuditRun.await(run.role(accountId, roleName));
			return role.valueIfFound().orElseThrow(() -> new RoleReadException(role.problemIfFailed().orElseThrow()));
		}
	}

	/**
	 * The access check: each request evaluated against the live role, in order.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @param requests the requests
	 * @return the role and one verdict per request
	 * @throws RoleReadException when the role cannot be read
	 */
	public Check check(String accountId, String roleName, List<EvaluationRequest> requests) {
		ResolvedRole role = readRole(accountId, roleName);
		List<RoleEvaluation.Verdict> verdicts = new ArrayList<>();
		for (EvaluationRequest request : requests) {
			verdicts.add(this.evaluation.evaluate(role, request));
		}
		return new Check(role, verdicts);
	}

	/**
	 * The access check's answer.
	 *
	 * @param role the role as read
	 * @param verdicts one per request, in order
	 */
	public record Check(ResolvedRole role, List<RoleEvaluation.Verdict> verdicts) {
	}

	/**
	 * Everything about a role.
	 * @param accountId the role's account
	 * @param roleName the role's name
	 * @param region the Region to evaluate model ARNs in, or null for the default
	 * @return the detail
	 * @throws RoleReadException when the role cannot be read
	 */
	public RoleDetail role(String accountId, String roleName, String region) {
		ResolvedRole role = readRole(accountId, roleName);
		return detail(role, region(region), null);
	}

	private RoleDetail detail(ResolvedRole role, String region, EffectiveCanvas canvas) {
		RoleEvaluation.Capabilities capabilities = this.evaluation.capabilities(role, region, canvas);
		String account = role.role().accountId();
		String name = role.role().roleName();
		Optional<ReleasedRevisions.Released> revision = this.released.lastReleased(account, name);
		List<Drift.Item> drift = revision.map((r) -> Drift.ofRole(role, r.documents())).orElse(List.of());
		List<ReviewService.RoleRevision> revisions = this.reviews.revisionsOfRole(account, name);
		List<AuditEvent> events = this.audit.search(AuditQuery.forRole(account, name), 0, HISTORY_EVENTS);
		return new RoleDetail(role, region, capabilities, revision.orElse(null), drift, revisions, events);
	}

	/**
	 * A role with what it can do, how it drifted, and its history.
	 *
	 * @param role the live role
	 * @param region the Region evaluated
	 * @param capabilities the model matrix, JumpStart models and Canvas features
	 * @param released the last released revision, or null when the console never released the role
	 * @param drift the role's differences from it
	 * @param revisions every revision of the role in the console, newest first
	 * @param events the most recent audit events about the role
	 */
	public record RoleDetail(ResolvedRole role, String region, RoleEvaluation.Capabilities capabilities,
			ReleasedRevisions.Released released, List<Drift.Item> drift, List<ReviewService.RoleRevision> revisions,
			List<AuditEvent> events) {
	}

	/**
	 * Everything about a user profile: its effective role and Canvas settings, then the role's detail.
	 * @throws RoleReadException when the domain, the profile or its role cannot be read
	 */
	public ProfileDetail profile(String accountId, String region, String domainId, String userProfileName) {
		String where = region(region);
		LiveRead<LiveDomain> domainRead = this.reader.readDomain(accountId, where, domainId);
		LiveDomain domain = domainRead.valueIfFound()
			.orElseThrow(() -> new RoleReadException(domainRead.problemIfFailed().orElseThrow()));
		LiveRead<LiveUserProfile> profileRead = this.reader.readUserProfile(accountId, where, domainId,
				userProfileName);
		LiveUserProfile profile = profileRead.valueIfFound()
			.orElseThrow(() -> new RoleReadException(profileRead.problemIfFailed().orElseThrow()));
		String roleArn = (profile.executionRoleArn() != null) ? profile.executionRoleArn()
				: domain.defaultExecutionRoleArn();
		String source = (profile.executionRoleArn() != null) ? EffectiveCanvas.PROFILE : EffectiveCanvas.DOMAIN;
		EffectiveCanvas canvas = EffectiveCanvas.of(domain.canvasAppSettingsJson(), profile.canvasAppSettingsJson());
		RoleRef ref = RoleRef.of(roleArn);
		if (ref == null) {
			throw new RoleReadException(new AwsProblem(AwsProblem.Kind.NOT_FOUND, "SageMaker", "DescribeUserProfile",
					"User profile " + userProfileName + " and domain " + domainId + " name no execution role."));
		}
		RoleDetail role = detail(readRole(ref.accountId(), ref.roleName()), domain.region(), canvas);
		Drift.Item canvasDrift = (role.released() != null)
				? ProfileAudit.canvasDrift(domain, profile, role.released().documents()) : null;
		return new ProfileDetail(domain, profile, roleArn, source, canvas, role, canvasDrift);
	}

	/**
	 * A user profile.
	 *
	 * @param domain its domain
	 * @param profile the profile's own settings
	 * @param executionRoleArn the effective role
	 * @param roleSource where it comes from
	 * @param canvas the effective Canvas settings
	 * @param role the role's detail
	 * @param canvasDrift the Canvas settings' difference from the released revision, or null
	 */
	public record ProfileDetail(LiveDomain domain, LiveUserProfile profile, String executionRoleArn,
			String roleSource, EffectiveCanvas canvas, RoleDetail role, Drift.Item canvasDrift) {

		public Map<String, String> canvasSources() {
			return this.canvas.sources();
		}

	}

}
