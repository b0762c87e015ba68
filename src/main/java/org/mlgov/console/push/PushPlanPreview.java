package org.mlgov.console.push;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.policy.RoleSpec;
import org.mlgov.console.review.DraftRevision;
import org.mlgov.console.review.FrozenDocuments;
import org.mlgov.console.review.PlanAction;
import org.mlgov.console.review.PlanAction.Subject;
import org.mlgov.console.review.PlanAction.Verb;
import org.mlgov.console.review.PushPreview;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The review page's view of the push plan: the same {@link PushPlanner#plan} a push runs, against what the review page
 * read plus what only the plan reads (the revision's customer managed policies with their versions, the Bedrock role,
 * the attachments this console made), each {@link PlannedStep} given its verb, its subject and the documents it
 * concerns. Nothing here writes; it needs no ADMIN role, since it only reads what the page shows to reviewers.
 */
@Component
class PushPlanPreview implements PushPreview {

	private static final Pattern POLICY_NAME = Pattern.compile("PolicyName=(.*?)(?:, PolicyDocument=.*)?$");

	private static final Pattern POLICY_ARN = Pattern.compile("PolicyArn=(.*)$");

	private static final Pattern PROFILE = Pattern.compile("UserProfileName=([^,]+)");

	private final LiveStateReader reader;

	private final AwsWriter writer;

	private final PushRepository pushes;

	PushPlanPreview(LiveStateReader reader, AwsWriter writer, PushRepository pushes) {
		this.reader = reader;
		this.writer = writer;
		this.pushes = pushes;
	}

	@Override
	public Preview preview(DraftRevision revision, Live live) {
		RoleSpec spec = revision.draftContent().spec();
		String partition = (spec.partition() == null || spec.partition().isBlank()) ? "aws" : spec.partition();
		PushPlanner.Target target = new PushPlanner.Target(spec.accountId(), PushService.region(spec), partition,
				revision.frozenDocuments());
		FrozenDocuments docs = target.documents();
		String account = target.accountId();
		String problem = null;

		Map<String, AwsWriter.ManagedPolicy> policies = new LinkedHashMap<>();
		LiveRole bedrock = null;
		try {
			for (FrozenDocuments.Policy policy : target.customerManaged()) {
				String arn = target.policyArn(policy);
				this.writer.readPolicy(account, arn).ifPresent((found) -> policies.put(arn, found));
			}
		}
		catch (AwsWriteException ex) {
			problem = ex.problem().message();
		}
		if (problem == null && target.createsBedrockRole()) {
			LiveRead<LiveRole> read = this.reader.readRole(account, docs.bedrockRole().name());
			if (read instanceof LiveRead.Failed<LiveRole> failed
					&& failed.problem().kind() != AwsProblem.Kind.NOT_FOUND) {
				problem = failed.problem().message();
			}
			bedrock = read.valueIfFound().orElse(null);
		}
		LiveState state = new LiveState(live.role(), bedrock, policies, live.domain(), live.userProfiles(),
				live.bucketCors(), this.pushes.consoleAttached(account, docs.role().name()));
		return new Preview(actions(target, state), problem);
	}

	/** The planner's steps against this live state, each as a {@link PlanAction}. */
	static List<PlanAction> actions(PushPlanner.Target target, LiveState state) {
		List<PlanAction> actions = new ArrayList<>();
		List<FrozenDocuments.Cors> cors = new ArrayList<>(target.documents().cors());
		for (PlannedStep step : PushPlanner.plan(target, state)) {
			// The planner has one PutBucketCors step per CORS entry of the revision, in their order.
			FrozenDocuments.Cors entry = step.operation().equals("PutBucketCors") && !cors.isEmpty() ? cors.remove(0)
					: null;
			actions.add(action(step, target, state, entry));
		}
		return actions;
	}

	/** A planned step with its verb, its subject and the documents it concerns. */
	static PlanAction action(PlannedStep step, PushPlanner.Target target, LiveState live, FrozenDocuments.Cors cors) {
		FrozenDocuments docs = target.documents();
		LiveRole role = live.role();
		boolean bedrock = docs.bedrockRole() != null && Objects.equals(step.target(), docs.bedrockRole().arn());
		boolean changes = step.changes();
		Verb verb = changes ? Verb.UPDATE : Verb.NO_CHANGE;
		Subject subject = Subject.OTHER;
		String name = null;
		String before = null;
		String after = null;
		switch (step.operation()) {
			case "CreateRole" -> {
				subject = bedrock ? Subject.BEDROCK_ROLE : Subject.ROLE;
				verb = changes ? Verb.CREATE : Verb.KEEP;
				after = bedrock ? docs.bedrockRole().trustPolicyJson() : docs.role().trustPolicyJson();
			}
			case "UpdateAssumeRolePolicy" -> {
				subject = bedrock ? Subject.BEDROCK_ROLE : Subject.TRUST_POLICY;
				before = bedrock ? ((live.bedrockRole() != null) ? live.bedrockRole().trustPolicyJson() : null)
						: ((role != null) ? role.trustPolicyJson() : null);
				after = bedrock ? docs.bedrockRole().trustPolicyJson() : docs.role().trustPolicyJson();
			}
			case "UpdateRole" -> subject = Subject.ROLE_SETTINGS;
			case "PutRolePermissionsBoundary" -> {
				subject = Subject.PERMISSIONS_BOUNDARY;
				verb = Verb.PUT;
				name = docs.role().permissionsBoundaryArn();
			}
			case "DeleteRolePermissionsBoundary" -> {
				subject = Subject.PERMISSIONS_BOUNDARY;
				verb = changes ? Verb.DELETE : Verb.KEEP;
				name = (role != null) ? role.permissionsBoundaryArn() : null;
			}
			case "TagRole" -> subject = Subject.TAGS;
			case "UntagRole" -> {
				subject = Subject.TAGS;
				verb = changes ? Verb.DELETE : Verb.NO_CHANGE;
			}
			case "PutRolePolicy", "DeleteRolePolicy" -> {
				subject = Subject.INLINE_POLICY;
				name = group(POLICY_NAME, step.arguments());
				boolean delete = step.operation().startsWith("Delete");
				verb = !changes ? Verb.NO_CHANGE : (delete ? Verb.DELETE : Verb.PUT);
				before = (role != null && name != null) ? role.inlinePolicies().get(name) : null;
				after = delete ? null : revisionPolicy(target, name, false);
			}
			case "CreatePolicy", "CreatePolicyVersion", "DeletePolicyVersion" -> {
				subject = Subject.CUSTOMER_MANAGED_POLICY;
				name = step.target();
				AwsWriter.ManagedPolicy existing = live.customerPolicies().get(step.target());
				if (step.operation().equals("DeletePolicyVersion")) {
					verb = Verb.DELETE;
				}
				else {
					verb = !changes ? Verb.NO_CHANGE
							: (step.operation().equals("CreatePolicy") ? Verb.CREATE : Verb.UPDATE);
					before = (existing != null) ? existing.defaultDocument() : null;
					after = revisionPolicy(target, step.target(), true);
				}
			}
			case "AttachRolePolicy", "DetachRolePolicy" -> {
				boolean detach = step.operation().startsWith("Detach");
				subject = bedrock ? Subject.BEDROCK_ROLE : Subject.POLICY_ATTACHMENT;
				name = (step.attaches() != null) ? step.attaches()
						: (step.detaches() != null) ? step.detaches() : group(POLICY_ARN, step.arguments());
				if (detach) {
					verb = changes ? Verb.DETACH : Verb.KEEP;
					before = attachedDocument(role, name);
				}
				else {
					verb = changes ? Verb.ATTACH : Verb.NO_CHANGE;
					before = attachedDocument(role, name);
					after = revisionPolicy(target, name, true);
				}
			}
			case "UpdateDomain" -> {
				subject = Subject.DOMAIN;
				name = docs.canvasTargets().domainId();
				before = (live.domain() != null) ? live.domain().canvasAppSettingsJson() : null;
				after = docs.canvasAppSettingsJson();
			}
			case "UpdateUserProfile" -> {
				subject = Subject.USER_PROFILE;
				name = group(PROFILE, step.arguments());
				LiveUserProfile profile = (name != null) ? live.userProfiles().get(name) : null;
				before = (profile != null) ? profile.canvasAppSettingsJson() : null;
				after = docs.canvasAppSettingsJson();
			}
			case "PutBucketCors" -> {
				subject = Subject.BUCKET_CORS;
				name = step.target().substring(step.target().lastIndexOf(':') + 1);
				verb = changes ? Verb.ADD_CORS_RULE : Verb.NO_CHANGE;
				LiveBucketCors bucket = live.bucketCors().get(name);
				before = (bucket != null) ? bucket.rulesJson() : "[]";
				after = (cors != null) ? addedRules(before, cors.json()) : null;
			}
			default -> {
				// A step this view does not know yet: shown with the push's words, as an update or no change.
			}
		}
		return new PlanAction(verb, step.service(), step.operation(), step.target(), step.arguments(), step.note(),
				subject, name, before, after);
	}

	/** The document of one of the revision's policies, by name (inline) or by ARN (customer managed). */
	private static String revisionPolicy(PushPlanner.Target target, String key, boolean byArn) {
		if (key == null) {
			return null;
		}
		List<FrozenDocuments.Policy> policies = byArn ? target.customerManaged() : target.inline();
		for (FrozenDocuments.Policy policy : policies) {
			if (key.equals(byArn ? target.policyArn(policy) : policy.name())) {
				return policy.json();
			}
		}
		return null;
	}

	private static String attachedDocument(LiveRole role, String arn) {
		if (role == null || arn == null) {
			return null;
		}
		return role.attachedPolicies()
			.stream()
			.filter((attached) -> attached.arn().equals(arn))
			.map(LiveRole.AttachedPolicy::documentJson)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/** The rules the push adds to the bucket: the revision's rules for which no live rule is equivalent. */
	private static String addedRules(String liveRules, String revisionRules) {
		StringBuilder added = new StringBuilder("[");
		for (JsonNode rule : JsonDocs.missingCorsRules(liveRules, revisionRules)) {
			added.append((added.length() > 1) ? "," : "").append(rule);
		}
		return added.append(']').toString();
	}

	private static String group(Pattern pattern, String arguments) {
		Matcher matcher = pattern.matcher((arguments != null) ? arguments : "");
		return matcher.find() ? matcher.group(1) : null;
	}

}
