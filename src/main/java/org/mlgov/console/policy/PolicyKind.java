package org.mlgov.console.policy;

/** Where a generated permission policy goes on the role. */
public enum PolicyKind {

	/** Embedded in the role (PutRolePolicy); all inline policies share 10,240 characters. */
	INLINE,
	/** A customer managed policy (CreatePolicy + AttachRolePolicy); 6,144 characters each. */
	CUSTOMER_MANAGED

}
