package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each generated statement ended up after packing: the policy it is in and its final Sid, found by the Sid it
 * was generated with (a statement the packer cut into parts is found as all its parts, in order).
 */
final class StatementIndex {

	/** A statement in a packed policy. */
	static final class Located {

		private final String document;

		private final Statement statement;

		Located(String document, Statement statement) {
			this.document = document;
			this.statement = statement;
		}

		String document() {
			return this.document;
		}

		Statement statement() {
			return this.statement;
		}

	}

	private final Map<String, List<Located>> bySourceSid = new LinkedHashMap<>();

	/**
	 * @param sourceSids the Sid each cut part was generated with, by the part's Sid (statements not cut are absent)
	 */
	StatementIndex(List<GeneratedPolicy> policies, Map<String, String> sourceSids) {
		for (GeneratedPolicy policy : policies) {
			for (Statement statement : policy.document().statements()) {
				String source = sourceSids.getOrDefault(statement.sid(), statement.sid());
				this.bySourceSid.computeIfAbsent(source, (s) -> new ArrayList<>())
					.add(new Located(policy.name(), statement));
			}
		}
	}

	List<Located> parts(String sourceSid) {
		return this.bySourceSid.getOrDefault(sourceSid, List.of());
	}

}
