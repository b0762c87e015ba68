package org.mlgov.console.policy;

/** The effect of a policy statement, spelled as IAM spells it. */
public enum Effect {

	Allow, Deny

}
