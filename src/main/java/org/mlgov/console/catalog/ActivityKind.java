package org.mlgov.console.catalog;

/** Where an activity's permissions come from. */
public enum ActivityKind {

	/** A SageMaker Role Manager template: customer managed statements generated from the catalogue. */
	ROLE_MANAGER,

	/** A Canvas activity: AWS managed Canvas policies attached to the role. */
	CANVAS

}
