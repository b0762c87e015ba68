package org.mlgov.console.policy;

/** How serious a finding is. {@link #ERROR} blocks submission for review: AWS would reject the result. */
public enum Severity {

	INFO, WARNING, ERROR

}
