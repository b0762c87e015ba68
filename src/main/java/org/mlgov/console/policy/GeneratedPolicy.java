package org.mlgov.console.policy;

/**
 * A generated permission policy: its name, where it goes, the pretty-printed JSON and its IAM size (non-white-space
 * characters) against the quota that applies to it. For inline policies the quota is the role's inline aggregate.
 */
public record GeneratedPolicy(String name, PolicyKind kind, String path, PolicyDocument document, String json,
		int size, int quota) {
}
