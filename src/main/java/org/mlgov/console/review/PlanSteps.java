package org.mlgov.console.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mlgov.console.catalog.Catalog;
import org.mlgov.console.catalog.ManagedPolicy;
import org.mlgov.console.diff.DocumentChange;
import org.mlgov.console.diff.JsonFormat;
import org.mlgov.console.diff.PolicyDifference;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.review.LiveComparison.Step;
import org.mlgov.console.review.PlanAction.Subject;
import org.mlgov.console.review.PlanAction.Verb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each step of the push plan means for the role's permissions, in plain words, with the document it concerns:
 * what the role gains with a policy put or attached, what it loses with a policy deleted or detached, and that a
 * policy attached by hand is kept (so the role keeps what it grants).
 */
final class PlanSteps {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Catalog catalog;

	PlanSteps(Catalog catalog) {
		this.catalog = catalog;
	}

	Step step(PlanAction action) {
		String name = action.name();
		return switch (action.subject()) {
			case ROLE -> (action.verb() == Verb.CREATE)
					? new Step(action, "Creates the role with the trust policy below, which says who may assume it. "
							+ "It grants nothing until the policies below are put and attached.",
							DocumentChange.ofPolicy("trust-policy", "Trust policy", null, action.revisionDocument()))
					: new Step(action, "The role keeps its path; no permission changes.", null);
			case TRUST_POLICY -> (action.verb() == Verb.UPDATE)
					? new Step(action, "Changes who may assume the role (and so use every permission it has):",
							DocumentChange.ofPolicy("trust-policy", "Trust policy", action.liveDocument(),
									action.revisionDocument()))
					: plain(action, "Who may assume the role stays the same.");
			case ROLE_SETTINGS -> plain(action, (action.verb() == Verb.UPDATE)
					? "Description and maximum session only: what the role may do does not change."
					: "No permission changes.");
			case PERMISSIONS_BOUNDARY -> plain(action, switch (action.verb()) {
				case PUT -> "From now on the role may do only what boundary " + name
						+ " also allows, whatever its policies grant.";
				case KEEP -> "The revision names no permissions boundary, but the push never removes one: boundary "
						+ name + " stays and keeps limiting the role.";
				default -> "The role is no longer limited by boundary " + name + ".";
			});
			case TAGS -> plain(action, (action.verb() == Verb.NO_CHANGE) ? "No permission changes."
					: "Tags grant nothing by themselves; only policies whose conditions read the role's tags "
							+ "(aws:ResourceTag, iam:ResourceTag) may behave differently.");
			case INLINE_POLICY -> inline(action);
			case CUSTOMER_MANAGED_POLICY -> customerManaged(action);
			case POLICY_ATTACHMENT -> attachment(action);
			case BEDROCK_ROLE -> plain(action, "Concerns the separate role that Amazon Bedrock assumes for Canvas, "
					+ "not the permissions of this role.");
			case DOMAIN, USER_PROFILE -> plain(action, (action.verb() == Verb.NO_CHANGE)
					? "Its users already run as this role with these Canvas settings."
					: "Its users run as this role, with the Canvas settings of the revision (other settings kept).");
			case BUCKET_CORS -> plain(action, (action.verb() == Verb.NO_CHANGE)
					? "An equivalent rule already exists: nothing is written, every rule is kept."
					: "Browsers on the origins of the added rule may call the bucket with its methods; every rule the "
							+ "bucket has now is kept as it is.");
			case OTHER -> plain(action, null);
		};
	}

	private Step inline(PlanAction action) {
		String name = action.name();
		String title = "Inline policy " + name;
		return switch (action.verb()) {
			case PUT -> (action.liveDocument() == null)
					? new Step(action, "The role gains what this new policy grants:",
							DocumentChange.ofPolicy("policy-" + name, title, null, action.revisionDocument()))
					: new Step(action, "The policy is replaced: the role " + gainsAndLoses(action) + ", as below.",
							DocumentChange.ofPolicy("policy-" + name, title, action.liveDocument(),
									action.revisionDocument()));
			case DELETE -> new Step(action, "The revision does not name this inline policy (it was made by hand, or by "
					+ "an earlier revision): the push deletes it, and the role loses every permission it grants"
					+ statements(action.liveDocument()) + ":",
					DocumentChange.ofPolicy("policy-" + name, title, action.liveDocument(), null));
			default -> plain(action, "No permission changes.");
		};
	}

	private Step customerManaged(PlanAction action) {
		String name = policyName(action.name());
		String title = "Customer managed policy " + name;
		return switch (action.verb()) {
			case CREATE -> new Step(action, "A new policy: the role gains what it grants once it is attached (below):",
					DocumentChange.ofPolicy("policy-" + name, title, null, action.revisionDocument()));
			case UPDATE -> new Step(action, "A new default version: the role " + gainsAndLoses(action)
					+ " (so does every other role, user or group it is attached to), as below:",
					DocumentChange.ofPolicy("policy-" + name, title, action.liveDocument(), action.revisionDocument()));
			case DELETE -> plain(action, "An old version that is not the default grants nothing: no permission changes.");
			default -> plain(action, "No permission changes.");
		};
	}

	private Step attachment(PlanAction action) {
		String arn = action.name();
		boolean awsManaged = arn != null && LiveRole.AttachedPolicy.isAwsManaged(arn);
		String what = (awsManaged ? "AWS managed policy " : "policy ") + policyName(arn);
		String grants = awsManaged ? summary(arn) : "";
		return switch (action.verb()) {
			case ATTACH -> plain(action, "The role gains what " + what + " grants" + grants
					+ (awsManaged ? "." : " (its document is above)."));
			case DETACH -> new Step(action, "This console attached " + what + " in an earlier push, and the revision "
					+ "no longer names it: the push detaches it, and the role loses what it grants" + grants
					+ ((action.liveDocument() != null) ? statements(action.liveDocument()) + ":" : "."),
					(action.liveDocument() != null) ? DocumentChange.ofPolicy("detached-" + policyName(arn),
							"Customer managed policy " + policyName(arn), action.liveDocument(), null) : null);
			case KEEP -> plain(action, what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " was attached by hand, "
					+ "not by this console, and the revision does not name it: the push keeps it and reports it, so "
					+ "the role keeps what it grants" + grants + ". Detach it by hand if the role should lose it.");
			default -> plain(action, "No permission changes.");
		};
	}

	private static Step plain(PlanAction action, String meaning) {
		return new Step(action, meaning, null);
	}

	/** "gains 2 statements, loses 1 statement and has 1 changed statement" from a policy's difference. */
	private static String gainsAndLoses(PlanAction action) {
		PolicyDifference difference = DocumentChange
			.ofPolicy("x", "x", action.liveDocument(), action.revisionDocument())
			.policy();
		List<String> parts = new ArrayList<>();
		if (!difference.added().isEmpty()) {
			parts.add("gains " + count(difference.added().size()));
		}
		if (!difference.removed().isEmpty()) {
			parts.add("loses " + count(difference.removed().size()));
		}
		if (!difference.changed().isEmpty()) {
			int changed = difference.changed().size();
			parts.add("has " + changed + ((changed == 1) ? " changed statement" : " changed statements"));
		}
		if (parts.isEmpty()) {
			return "keeps the same permissions";
		}
		String last = parts.remove(parts.size() - 1);
		return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
	}

	private static String count(int statements) {
		return statements + ((statements == 1) ? " statement" : " statements");
	}

	private static String statements(String policy) {
		try {
			JsonNode statement = MAPPER.readTree(policy).path("Statement");
			int count = statement.isArray() ? statement.size() : (statement.isObject() ? 1 : 0);
			return " (" + count(count) + ")";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** The catalogue's summary of an AWS managed policy, or where to read what it grants. */
	private String summary(String arn) {
		for (ManagedPolicy policy : this.catalog.managedPolicies()) {
			if (arn.endsWith(":iam::aws:policy" + policy.path() + policy.name())) {
				String summary = policy.summary().strip();
				return " (" + (summary.endsWith(".") ? summary.substring(0, summary.length() - 1) : summary) + ")";
			}
		}
		return " (AWS maintains its document: read it in the IAM console or with aws iam get-policy-version)";
	}

	static String policyName(String arn) {
		return (arn == null) ? null : arn.substring(arn.lastIndexOf('/') + 1);
	}

	/** A rule array as its rules, each pretty-printed alone. */
	static List<String> rules(String rulesJson) {
		List<String> rules = new ArrayList<>();
		if (rulesJson == null || rulesJson.isBlank()) {
			return rules;
		}
		try {
			for (JsonNode rule : MAPPER.readTree(rulesJson)) {
				rules.add(JsonFormat.pretty(rule.toString()));
			}
		}
		catch (RuntimeException ex) {
			rules.add(rulesJson);
		}
		return rules;
	}

}
