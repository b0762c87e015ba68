package org.mlgov.console.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Collects findings during one generation, dropping exact duplicates and keeping their order.
 * <p>
 * Findings about a statement are raised before the packer decides which policy the statement lands in, and whether it
 * is cut into parts ({@code <Sid>Part<n>}). They name the statement by the Sid it was generated with and are located
 * by {@link #resolve(StatementIndex)} once the policies exist:
 * <ul>
 * <li>a finding about the whole statement ({@link #atStatement}) points at its document and Sid, or at its first part
 * when it was cut;</li>
 * <li>a finding about some of the statement's values ({@link #atValues}, e.g. model ids) points at each part that
 * lists one of them, and its message names only the values of that part.</li>
 * </ul>
 * A statement that was not generated after all leaves its finding unlocated (no document, no Sid).
 */
final class Findings {

	/** In a message template: the number of subjects the finding's statement lists. */
	static final String COUNT = "{count}";

	/** In a message template: the words for one subject, replaced by the plural words when there are several. */
	static String plural(String one, String many) {
		return "{one:" + one + "|many:" + many + "}";
	}

	private static final java.util.regex.Pattern PLURAL = java.util.regex.Pattern
		.compile("\\{one:([^|}]*)\\|many:([^}]*)\\}");

	/** In a message template: the subjects the finding's statement lists, summarised. */
	static final String SUBJECTS = "{subjects}";

	private final LinkedHashSet<Object> entries = new LinkedHashSet<>();

	void add(String code, Severity severity, String message, String document, String sid) {
		this.entries.add(new Finding(code, severity, message, document, sid));
	}

	void info(String code, String message) {
		add(code, Severity.INFO, message, null, null);
	}

	void warn(String code, String message) {
		add(code, Severity.WARNING, message, null, null);
	}

	void addAll(List<Finding> more) {
		this.entries.addAll(more);
	}

	/** A finding about the statement generated with {@code sid}, wherever the packer puts it. */
	void atStatement(String code, Severity severity, String message, String sid) {
		this.entries.add(new Pending(code, severity, message, sid, Map.of()));
	}

	/**
	 * A finding about some subjects of the statement generated with {@code sid} (model ids, say), each written in the
	 * statement as one or more of its values (resources, not-resources or condition values). {@code template} may use
	 * {@value #COUNT} and {@value #SUBJECTS}, replaced by the subjects of the part the finding points at.
	 */
	void atValues(String code, Severity severity, String template, String sid, Map<String, List<String>> subjects) {
		if (!subjects.isEmpty()) {
			this.entries.add(new Pending(code, severity, template, sid, new LinkedHashMap<>(subjects)));
		}
	}

	/** Every finding, in the order raised, those about statements located in the packed policies. */
	List<Finding> resolve(StatementIndex index) {
		LinkedHashSet<Finding> out = new LinkedHashSet<>();
		for (Object entry : this.entries) {
			if (entry instanceof Finding finding) {
				out.add(finding);
			}
			else {
				out.addAll(((Pending) entry).locate(index));
			}
		}
		return new ArrayList<>(out);
	}

	static String summary(List<String> values) {
		int shown = Math.min(values.size(), 10);
		String list = String.join(", ", values.subList(0, shown));
		return (values.size() > shown) ? list + " and " + (values.size() - shown) + " more" : list;
	}

	private record Pending(String code, Severity severity, String template, String sid,
			Map<String, List<String>> subjects) {

		List<Finding> locate(StatementIndex index) {
			List<StatementIndex.Located> parts = index.parts(this.sid);
			if (parts.isEmpty()) {
				return List.of(finding(List.copyOf(this.subjects.keySet()), null, null));
			}
			if (this.subjects.isEmpty()) {
				StatementIndex.Located first = parts.get(0);
				return List.of(finding(List.of(), first.document(), first.statement().sid()));
			}
			// The subjects (by their position) that each value stands for; a part lists a subject if it lists one of
			// its values as a resource, a not-resource or a condition value.
			List<String> subjectList = List.copyOf(this.subjects.keySet());
			Map<String, List<Integer>> subjectsByValue = new HashMap<>();
			for (int i = 0; i < subjectList.size(); i++) {
				List<String> values = this.subjects.get(subjectList.get(i));
				for (int j = 0; j < values.size(); j++) {
					subjectsByValue.computeIfAbsent(values.get(j), (v) -> new ArrayList<>(1)).add(i);
				}
			}
			List<Finding> out = new ArrayList<>();
			for (StatementIndex.Located part : parts) {
				boolean[] named = new boolean[subjectList.size()];
				Statement statement = part.statement();
				mark(statement.resources(), subjectsByValue, named);
				mark(statement.notResources(), subjectsByValue, named);
				statement.conditions().values().forEach((keys) -> keys.values()
					.forEach((values) -> mark(values, subjectsByValue, named)));
				List<String> listed = new ArrayList<>();
				for (int i = 0; i < named.length; i++) {
					if (named[i]) {
						listed.add(subjectList.get(i));
					}
				}
				if (!listed.isEmpty()) {
					out.add(finding(listed, part.document(), statement.sid()));
				}
			}
			return out.isEmpty() ? List.of(finding(subjectList, null, null)) : out;
		}

		private static void mark(List<String> values, Map<String, List<Integer>> subjectsByValue, boolean[] named) {
			for (int i = 0; i < values.size(); i++) {
				List<Integer> subjects = subjectsByValue.get(values.get(i));
				if (subjects != null) {
					for (int j = 0; j < subjects.size(); j++) {
						named[subjects.get(j)] = true;
					}
				}
			}
		}

		private Finding finding(List<String> listed, String document, String locatedSid) {
			String counted = !this.template.contains("{one:") ? this.template : PLURAL.matcher(this.template)
				.replaceAll((match) -> java.util.regex.Matcher.quoteReplacement(match.group((listed.size() == 1) ? 1 : 2)));
			String message = counted.replace(COUNT, String.valueOf(listed.size())).replace(SUBJECTS, summary(listed));
			return new Finding(this.code, this.severity, message, document, locatedSid);
		}

	}

}
