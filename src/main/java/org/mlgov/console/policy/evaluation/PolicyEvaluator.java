package org.mlgov.console.policy.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mlgov.console.catalog.ServiceAuthorization;
import org.mlgov.console.policy.evaluation.Conditions.KeyState;
import org.mlgov.console.policy.evaluation.PolicyVariables.Substitution;
import org.mlgov.console.policy.evaluation.StatementNote.Match;

/**
 * Evaluates requests against a role's identity policies and optional permissions boundary, offline, as IAM does in a
 * single account without SCPs, resource policies or session policies (aws-facts.md F.1): an explicit deny in any
 * document wins; otherwise the request is allowed only if some identity statement allows it and, when there is a
 * boundary, some boundary statement allows it too; otherwise it is implicitly denied.
 * <p>
 * Three-valued: a statement whose match depends on what cannot be known offline (an unknown condition operator, a
 * policy variable without value, a key every real request carries but the context does not give, an unreadable
 * statement, an unavailable document) is undecided, and the answer is {@link Outcome#UNDECIDED} unless the rest
 * decides it anyway (a certain explicit deny, or no possible allow). The evaluator never guesses an allow.
 * <p>
 * Condition keys: the {@link ServiceAuthorization} says which keys each action supports; global {@code aws:} keys are
 * always supported. A key the action does not support is absent from the request, whatever the context says, and a
 * statement whose condition fails because of it is noted as {@link Match#NEVER_MATCHES}. For an action the reference
 * does not know, keys are taken from the context as given. Thread-safe and stateless apart from the reference.
 */
public final class PolicyEvaluator {

	/**
	 * Global keys that every real request carries: the context not giving one does not make it absent, so a condition
	 * on it is undecided unless the context gives its value.
	 */
	static final Set<String> ALWAYS_PRESENT_KEYS = Set.of("aws:currenttime", "aws:epochtime", "aws:securetransport",
			"aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:userid", "aws:requestedregion",
			"aws:viaawsservice", "aws:principalisawsservice");

	private final ServiceAuthorization serviceAuthorization;

	public PolicyEvaluator(ServiceAuthorization serviceAuthorization) {
		this.serviceAuthorization = Objects.requireNonNull(serviceAuthorization, "serviceAuthorization");
	}

	/**
	 * Evaluates a request against identity policies only (a role without permissions boundary).
	 * @param identityPolicies the role's inline and attached policies
	 * @param request the request
	 * @return the decision
	 */
	public Decision evaluate(List<PolicyInput> identityPolicies, EvaluationRequest request) {
		return evaluate(identityPolicies, null, request);
	}

	/**
	 * Evaluates a request.
	 * @param identityPolicies the role's inline and attached policies, in the order decisions should name them
	 * @param permissionsBoundary the document of the role's permissions boundary, or null when it has none
	 * @param request the request
	 * @return the decision
	 */
	public Decision evaluate(List<PolicyInput> identityPolicies, PolicyInput permissionsBoundary,
			EvaluationRequest request) {
		Objects.requireNonNull(identityPolicies, "identityPolicies");
		Objects.requireNonNull(request, "request");
		Optional<ServiceAuthorization.Action> action = this.serviceAuthorization.action(request.action());
		List<Verdict> identity = new ArrayList<>();
		for (PolicyInput policy : identityPolicies) {
			identity.addAll(verdicts(policy, false, action, request));
		}
		List<Verdict> boundary = (permissionsBoundary != null) ? verdicts(permissionsBoundary, true, action, request)
				: List.of();
		List<StatementNote> notes = new ArrayList<>();
		identity.forEach((v) -> notes.add(v.note()));
		boundary.forEach((v) -> notes.add(v.note()));
		String caveat = action.isPresent() ? ""
				: " (" + request.action() + " is not in the service authorization reference: condition keys were "
						+ "taken from the request context as given)";
		return new Deciding(request, identity, boundary, permissionsBoundary, notes, caveat).decide();
	}

	/**
	 * Evaluates several requests against the same policies (what an access check with several requests, or a model
	 * matrix, asks).
	 * @param identityPolicies the role's inline and attached policies
	 * @param permissionsBoundary the document of the role's permissions boundary, or null
	 * @param requests the requests
	 * @return one decision per request, in the same order
	 */
	public List<Decision> evaluateAll(List<PolicyInput> identityPolicies, PolicyInput permissionsBoundary,
			List<EvaluationRequest> requests) {
		return requests.stream().map((request) -> evaluate(identityPolicies, permissionsBoundary, request)).toList();
	}

	/** One statement's verdict (or a whole unavailable policy's), with the note the decision keeps. */
	record Verdict(StatementNote note, boolean deny, boolean allow, Truth truth) {

		String policy() {
			return this.note.policy();
		}

		String sid() {
			return this.note.sid();
		}

		String where() {
			return (this.note.statementIndex() < 0) ? "policy '" + this.note.policy() + "'"
					: "statement '" + this.note.label() + "' of " + (this.note.boundary() ? "the permissions boundary "
							: "policy ") + "'" + this.note.policy() + "'";
		}

	}

	private List<Verdict> verdicts(PolicyInput policy, boolean boundary, Optional<ServiceAuthorization.Action> action,
			EvaluationRequest request) {
		if (!policy.isAvailable()) {
			StatementNote note = new StatementNote(policy.name(), boundary, -1, null, null, Match.UNDECIDED,
					"the document is not available (" + policy.unavailableReason() + "): it may allow or deny");
			return List.of(new Verdict(note, true, true, Truth.UNKNOWN));
		}
		List<Verdict> verdicts = new ArrayList<>();
		ParsedPolicy document = policy.document();
		for (ParsedPolicy.Statement statement : document.statements()) {
			Verdict verdict = new StatementEvaluation(policy.name(), boundary, statement, document.variablesEnabled(),
					action, request)
				.verdict();
			if (verdict != null) {
				verdicts.add(verdict);
			}
		}
		return verdicts;
	}

	/** Evaluates one statement; null when its Action/NotAction does not cover the requested action. */
	private final class StatementEvaluation {

		private final String policy;

		private final boolean boundary;

		private final ParsedPolicy.Statement statement;

		private final boolean variablesEnabled;

		private final Optional<ServiceAuthorization.Action> action;

		private final EvaluationRequest request;

		private final List<String> details = new ArrayList<>();

		private boolean failsOnUnsupportedKey;

		StatementEvaluation(String policy, boolean boundary, ParsedPolicy.Statement statement, boolean variablesEnabled,
				Optional<ServiceAuthorization.Action> action, EvaluationRequest request) {
			this.policy = policy;
			this.boundary = boundary;
			this.statement = statement;
			this.variablesEnabled = variablesEnabled;
			this.action = action;
			this.request = request;
		}

		Verdict verdict() {
			boolean actionsReadable = !this.statement.actions().isEmpty() || !this.statement.notActions().isEmpty();
			if (actionsReadable && !coversAction()) {
				return null;
			}
			if (this.statement.problem() != null) {
				// IAM would refuse the document. Without a readable Effect it could deny as well as allow.
				boolean knownEffect = "Allow".equals(this.statement.effect()) || this.statement.isDeny();
				return verdict(Truth.UNKNOWN, !knownEffect || this.statement.isDeny(),
						!knownEffect || !this.statement.isDeny(),
						"the statement cannot be read: " + this.statement.problem());
			}
			Truth truth = resource().and(conditions());
			return verdict(truth, this.statement.isDeny(), !this.statement.isDeny(), String.join("; ", this.details));
		}

		private Verdict verdict(Truth truth, boolean deny, boolean allow, String detail) {
			Match match = switch (truth) {
				case TRUE -> Match.MATCHES;
				case UNKNOWN -> Match.UNDECIDED;
				case FALSE -> this.failsOnUnsupportedKey ? Match.NEVER_MATCHES : Match.DOES_NOT_MATCH;
			};
			StatementNote note = new StatementNote(this.policy, this.boundary, this.statement.index(),
					this.statement.sid(), this.statement.effect(), match, detail);
			return new Verdict(note, deny, allow, truth);
		}

		private boolean coversAction() {
			if (!this.statement.actions().isEmpty()) {
				return this.statement.actions().stream().anyMatch((p) -> Wildcards.action(p, this.request.action()));
			}
			return this.statement.notActions().stream().noneMatch((p) -> Wildcards.action(p, this.request.action()));
		}

		private Truth resource() {
			boolean negated = this.statement.resources().isEmpty();
			List<String> patterns = negated ? this.statement.notResources() : this.statement.resources();
			String element = negated ? "NotResource" : "Resource";
			Truth any = Truth.FALSE;
			String matched = null;
			String undecided = null;
			for (String pattern : patterns) {
				Substitution substitution = PolicyVariables.substitute(pattern, this.variablesEnabled, this.request);
				Truth truth;
				if (substitution instanceof Substitution.Resolved resolved) {
					truth = Truth.of(Wildcards.resource(resolved.glob(), this.request.resource()));
				}
				else if (substitution instanceof Substitution.Unknown unknown) {
					undecided = element + " '" + pattern + "' is undecided: " + unknown.reason();
					truth = Truth.UNKNOWN;
				}
				else {
					// IAM: a Resource with an unresolvable variable matches nothing.
					truth = Truth.FALSE;
				}
				if (truth == Truth.TRUE && matched == null) {
					matched = pattern;
				}
				any = any.or(truth);
			}
			if (any == Truth.UNKNOWN) {
				this.details.add(undecided);
			}
			else if (negated) {
				this.details.add((any == Truth.TRUE) ? "the resource is excluded by NotResource '" + matched + "'"
						: "the resource is not in NotResource, so the statement covers it");
			}
			else {
				this.details.add((any == Truth.TRUE) ? "Resource '" + matched + "' matches"
						: "no Resource entry matches " + this.request.resource());
			}
			return negated ? any.not() : any;
		}

		private Truth conditions() {
			Truth all = Truth.TRUE;
			for (ParsedPolicy.Condition condition : this.statement.conditions()) {
				boolean supported = supports(condition.key());
				KeyState state = supported ? keyState(condition.key())
						: new KeyState.Absent(this.request.action() + " does not support this key, so it is never in "
								+ "the request");
				Conditions.Result result = Conditions.evaluate(condition, state, this.variablesEnabled, this.request);
				if (!supported && result.truth() == Truth.FALSE) {
					this.failsOnUnsupportedKey = true;
				}
				this.details.add(result.explanation());
				all = all.and(result.truth());
			}
			return all;
		}

		private boolean supports(String key) {
			if (this.action.isEmpty() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
				return true;
			}
			return PolicyEvaluator.this.serviceAuthorization.supportsConditionKey(this.action.get(), key);
		}

		private KeyState keyState(String key) {
			List<String> values = this.request.values(key);
			if (values == null && ALWAYS_PRESENT_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
				return new KeyState.Unknowable(key + " is in every real request, but the request context does not "
						+ "give its value");
			}
			if (values == null || values.isEmpty()) {
				return new KeyState.Absent(null);
			}
			return new KeyState.Present(values);
		}

	}

	/** Combines the verdicts into a decision, in IAM's order. */
	private record Deciding(EvaluationRequest request, List<Verdict> identity, List<Verdict> boundary,
			PolicyInput boundaryPolicy, List<StatementNote> notes, String caveat) {

		Decision decide() {
			List<Verdict> all = new ArrayList<>(this.identity);
			all.addAll(this.boundary);
			Verdict deny = first(all, true, Truth.TRUE);
			if (deny != null) {
				return decision(Outcome.EXPLICIT_DENY, deny, "Explicitly denied by " + deny.where() + ": "
						+ deny.note().detail() + ". An explicit deny overrides any allow.");
			}
			Verdict maybeDeny = first(all, true, Truth.UNKNOWN);
			if (maybeDeny != null) {
				return decision(Outcome.UNDECIDED, maybeDeny, "Undecided: " + maybeDeny.where() + " may deny the "
						+ "request: " + maybeDeny.note().detail() + ".");
			}
			Truth identityAllows = allows(this.identity);
			Truth boundaryAllows = (this.boundaryPolicy != null) ? allows(this.boundary) : Truth.TRUE;
			if (identityAllows == Truth.FALSE) {
				return decision(Outcome.IMPLICIT_DENY, null, "Not granted (implicit deny): no statement of the "
						+ "identity policies allows " + subject() + neverMatching(this.identity) + ".");
			}
			Verdict allow = first(this.identity, false, Truth.TRUE);
			if (boundaryAllows == Truth.FALSE) {
				String allowed = (allow != null) ? " Although " + allow.where() + " allows it," : "";
				return decision(Outcome.IMPLICIT_DENY, null, "Not granted (implicit deny):" + allowed + " the "
						+ "permissions boundary '" + this.boundaryPolicy.name() + "' does not allow " + subject()
						+ neverMatching(this.boundary) + ".");
			}
			if (identityAllows == Truth.TRUE && boundaryAllows == Truth.TRUE) {
				Verdict boundaryAllow = (this.boundaryPolicy != null) ? first(this.boundary, false, Truth.TRUE) : null;
				String within = (boundaryAllow != null) ? " and the permissions boundary allows it by "
						+ boundaryAllow.where() : "";
				return decision(Outcome.ALLOWED, allow, "Allowed by " + allow.where() + " (" + allow.note().detail()
						+ ")" + within + "; no statement denies it.");
			}
			Verdict open = (identityAllows == Truth.UNKNOWN) ? first(this.identity, false, Truth.UNKNOWN)
					: first(this.boundary, false, Truth.UNKNOWN);
			return decision(Outcome.UNDECIDED, open, "Undecided: nothing denies " + subject() + ", and whether "
					+ open.where() + " allows it cannot be told offline: " + open.note().detail() + ".");
		}

		private String subject() {
			return this.request.action() + " on " + this.request.resource();
		}

		private Decision decision(Outcome outcome, Verdict deciding, String reason) {
			return new Decision(outcome, (deciding != null) ? deciding.policy() : null,
					(deciding != null) ? deciding.sid() : null, reason + this.caveat, this.notes);
		}

		private static Truth allows(List<Verdict> verdicts) {
			Truth any = Truth.FALSE;
			for (Verdict verdict : verdicts) {
				if (verdict.allow()) {
					any = any.or(verdict.truth());
				}
			}
			return any;
		}

		private static Verdict first(List<Verdict> verdicts, boolean deny, Truth truth) {
			for (Verdict verdict : verdicts) {
				if ((deny ? verdict.deny() : verdict.allow()) && verdict.truth() == truth) {
					return verdict;
				}
			}
			return null;
		}

		private static String neverMatching(List<Verdict> verdicts) {
			List<String> never = verdicts.stream()
				.filter((v) -> v.allow() && v.note().match() == Match.NEVER_MATCHES)
				.map(Verdict::where)
				.toList();
			return never.isEmpty() ? ""
					: " (" + String.join(", ", never) + " can never match it: it conditions on a key the action "
							+ "does not support)";
		}

	}

}
