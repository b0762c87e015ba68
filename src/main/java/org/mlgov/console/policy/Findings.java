package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects findings during one generation, dropping exact duplicates and keeping their order. */
final class Findings {

	private final LinkedHashSet<Finding> findings = new LinkedHashSet<>();

	void add(String code, Severity severity, String message, String document, String sid) {
		this.findings.add(new Finding(code, severity, message, document, sid));
	}

	void info(String code, String message) {
		add(code, Severity.INFO, message, null, null);
	}

	void warn(String code, String message) {
		add(code, Severity.WARNING, message, null, null);
	}

	void addAll(List<Finding> more) {
		this.findings.addAll(more);
	}

	List<Finding> list() {
		return new ArrayList<>(this.findings);
	}

}
