package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;

import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.policy.evaluation.PolicyInput;

/**
 * A live role with every document that decides what it may do: its inline policies, each attached managed policy
 * (customer and AWS managed) with its default version, and its permissions boundary. A managed policy that could not
 * be read stays in the list, without document, with the reason: the evaluator then cannot decide what it might allow
 * or deny.
 *
 * @param role the role, its attached policies carrying their documents where read
 * @param policies the role's policies in evaluation order: inline (by name), then attached (in IAM's order)
 * @param boundary the permissions boundary, or null when the role has none
 */
public record ResolvedRole(LiveRole role, List<Policy> policies, Policy boundary) {

	public ResolvedRole {
		policies = List.copyOf(policies);
	}

	/** Where a policy comes from. */
	public enum Kind {

		INLINE, CUSTOMER_MANAGED, AWS_MANAGED, PERMISSIONS_BOUNDARY

	}

	/**
	 * One policy of the role.
	 *
	 * @param name its name
	 * @param kind where it comes from
	 * @param arn its ARN (managed policies and boundary), or null
	 * @param versionId its default version (managed policies), or null
	 * @param json its document, or null when it could not be read
	 * @param problem why it could not be read, or null
	 */
	public record Policy(String name, Kind kind, String arn, String versionId, String json, String problem) {

		/**
		 * The policy as the evaluator takes it.
		 * @return the input; unavailable when the document is missing or unreadable
		 */
		public PolicyInput input() {
			PolicyInput.Kind inputKind = switch (this.kind) {
				case INLINE -> PolicyInput.Kind.INLINE;
				case AWS_MANAGED -> PolicyInput.Kind.AWS_MANAGED;
				case CUSTOMER_MANAGED, PERMISSIONS_BOUNDARY -> (this.arn != null
						&& LiveRole.AttachedPolicy.isAwsManaged(this.arn)) ? PolicyInput.Kind.AWS_MANAGED
								: PolicyInput.Kind.CUSTOMER_MANAGED;
			};
			if (this.json == null) {
				return PolicyInput.unavailable(this.name, inputKind,
						(this.problem != null) ? this.problem : "the document was not read");
			}
			try {
				return PolicyInput.of(this.name, inputKind, this.json);
			}
			catch (IllegalArgumentException ex) {
				return PolicyInput.unavailable(this.name, inputKind, "the document cannot be read: " + ex.getMessage());
			}
		}

	}

	static ResolvedRole of(LiveRole listing, List<LiveRead<LivePolicy>> attachedReads, LiveRead<LivePolicy> boundary) {
		List<Policy> policies = new ArrayList<>();
		listing.inlinePolicies().forEach((name, json) -> policies.add(new Policy(name, Kind.INLINE, null, null, json,
				null)));
		List<LiveRole.AttachedPolicy> attached = new ArrayList<>();
		for (int i = 0; i < listing.attachedPolicies().size(); i++) {
			LiveRole.AttachedPolicy policy = listing.attachedPolicies().get(i);
			LiveRead<LivePolicy> read = attachedReads.get(i);
			Kind kind = policy.awsManaged() ? Kind.AWS_MANAGED : Kind.CUSTOMER_MANAGED;
			if (read instanceof LiveRead.Found<LivePolicy> found) {
				LivePolicy value = found.value();
				policies.add(new Policy(policy.name(), kind, policy.arn(), value.defaultVersionId(),
						value.documentJson(), null));
				attached.add(new LiveRole.AttachedPolicy(policy.arn(), policy.name(), value.defaultVersionId(),
						value.documentJson()));
			}
			else {
				policies.add(new Policy(policy.name(), kind, policy.arn(), null, null,
						read.problemIfFailed().orElseThrow().message()));
				attached.add(policy);
			}
		}
		Policy boundaryPolicy = null;
		if (listing.permissionsBoundaryArn() != null) {
			String arn = listing.permissionsBoundaryArn();
			String name = arn.substring(arn.lastIndexOf('/') + 1);
			boundaryPolicy = (boundary instanceof LiveRead.Found<LivePolicy> found)
					? new Policy(name, Kind.PERMISSIONS_BOUNDARY, arn, found.value().defaultVersionId(),
							found.value().documentJson(), null)
					: new Policy(name, Kind.PERMISSIONS_BOUNDARY, arn, null, null,
							boundary.problemIfFailed().orElseThrow().message());
		}
		LiveRole role = new LiveRole(listing.accountId(), listing.roleName(), listing.arn(), listing.path(),
				listing.description(), listing.maxSessionDurationSeconds(), listing.permissionsBoundaryArn(),
				listing.trustPolicyJson(), listing.inlinePolicies(), attached, listing.tags());
		return new ResolvedRole(role, policies, boundaryPolicy);
	}

	/** The identity policies as the evaluator takes them. */
	public List<PolicyInput> identityInputs() {
		return this.policies.stream().map(Policy::input).toList();
	}

	/** The boundary as the evaluator takes it, or null. */
	public PolicyInput boundaryInput() {
		return (this.boundary != null) ? this.boundary.input() : null;
	}

	/** Every policy, the boundary last. */
	public List<Policy> allPolicies() {
		List<Policy> all = new ArrayList<>(this.policies);
		if (this.boundary != null) {
			all.add(this.boundary);
		}
		return all;
	}

}
