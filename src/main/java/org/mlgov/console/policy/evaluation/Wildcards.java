package org.mlgov.console.policy.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * IAM's wildcard rules: {@code *} matches any run of characters (also none), {@code ?} exactly one character. Where a
 * wildcard may not cross a {@code :} depends on the element:
 * <ul>
 * <li><b>Action</b>: the whole {@code service:name} string, case-insensitive.</li>
 * <li><b>Resource</b> (an ARN pattern, case-sensitive): a wildcard in the {@code arn}, partition, service or Region
 * segment stays inside its segment (it never matches a {@code :}); from the account segment on (account and resource
 * part) it matches anything, {@code /} and {@code :} included ({@code arn:aws:sagemaker:*:*:*} covers
 * {@code arn:aws:sagemaker:us-east-1:111122223333:endpoint/x}, and {@code foundation-model/amazon.nova*} covers
 * {@code foundation-model/amazon.nova-pro-v1:0}). A {@code *} that ends a pattern of fewer than six segments expands
 * to the rest of the ARN ({@code arn:aws:bedrock:*}), as IAM documents for a {@code *} that ends a segment. A pattern
 * that does not start with {@code arn:} (for example {@code *}) is matched against the whole resource string.</li>
 * <li><b>{@code StringLike}</b>: the whole value; {@code *} crosses everything.</li>
 * <li><b>{@code ArnLike}/{@code ArnEquals}</b>: each of the six colon-separated parts is matched separately, so a
 * wildcard never spans one of the first five colons; the sixth part (the resource, which may itself contain colons)
 * is matched as a whole. A value that is not a six-part ARN never matches, unless the pattern is shorter and ends with
 * {@code *} (so {@code *} alone matches anything).</li>
 * </ul>
 */
final class Wildcards {

	private static final int ARN_PARTS = 6;

	/** Segments (arn, partition, service, Region) whose wildcards stay inside the segment in a Resource pattern. */
	private static final int BOUNDED_RESOURCE_SEGMENTS = 4;

	private Wildcards() {
	}

	/** {@code Action}/{@code NotAction} entry against the requested action, ignoring case. */
	static boolean action(String pattern, String action) {
		return greedy(Glob.of(pattern), 0, pattern.length(), action, true);
	}

	/** {@code StringLike}: the whole value, {@code *} and {@code ?} anywhere. */
	static boolean stringLike(Glob pattern, String value, boolean ignoreCase) {
		return greedy(pattern, 0, pattern.length(), value, ignoreCase);
	}

	/** {@code Resource}/{@code NotResource} entry against the requested resource (see the class comment). */
	static boolean resource(Glob pattern, String resource) {
		if (!startsWithArn(pattern)) {
			return greedy(pattern, 0, pattern.length(), resource, false);
		}
		if (literalEndsDiffer(pattern, resource)) {
			return false;
		}
		boolean[] crossesColon = new boolean[pattern.length()];
		int segment = 0;
		int lastColon = -1;
		for (int i = 0; i < pattern.length(); i++) {
			if (!pattern.isWildcard(i) && pattern.charAt(i) == ':') {
				segment++;
				lastColon = i;
			}
			crossesColon[i] = segment >= BOUNDED_RESOURCE_SEGMENTS;
		}
		int last = pattern.length() - 1;
		if (last >= 0 && segment < BOUNDED_RESOURCE_SEGMENTS && pattern.isStar(last) && last > lastColon) {
			// A trailing * of a short pattern (arn:aws:bedrock:*) expands past the colons that follow.
			crossesColon[last] = true;
		}
		return match(pattern, 0, pattern.length(), resource, crossesColon);
	}

	/** {@code ArnLike}/{@code ArnEquals}: part by part (see the class comment). */
	static boolean arnLike(Glob pattern, String value) {
		List<int[]> patternParts = patternParts(pattern);
		List<String> valueParts = valueParts(value);
		int n = patternParts.size();
		if (n == ARN_PARTS) {
			if (valueParts.size() != ARN_PARTS) {
				return false;
			}
			for (int i = 0; i < ARN_PARTS; i++) {
				int[] part = patternParts.get(i);
				if (!greedy(pattern, part[0], part[1], valueParts.get(i), false)) {
					return false;
				}
			}
			return true;
		}
		// A shorter pattern can only match when its last part ends with *, which then covers the rest of the value.
		int[] lastPart = patternParts.get(n - 1);
		if (lastPart[1] == lastPart[0] || !pattern.isStar(lastPart[1] - 1) || valueParts.size() < n) {
			return false;
		}
		for (int i = 0; i < n - 1; i++) {
			int[] part = patternParts.get(i);
			if (!greedy(pattern, part[0], part[1], valueParts.get(i), false)) {
				return false;
			}
		}
		String rest = String.join(":", valueParts.subList(n - 1, valueParts.size()));
		return greedy(pattern, lastPart[0], lastPart[1], rest, false);
	}

	private static boolean startsWithArn(Glob pattern) {
		if (pattern.length() < 4) {
			return false;
		}
		String prefix = "arn:";
		for (int i = 0; i < prefix.length(); i++) {
			if (pattern.isWildcard(i) || pattern.charAt(i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** The pattern's parts as [from, to) ranges, cut at its first five literal colons. */
	private static List<int[]> patternParts(Glob pattern) {
		List<int[]> parts = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < pattern.length() && parts.size() < ARN_PARTS - 1; i++) {
			if (!pattern.isWildcard(i) && pattern.charAt(i) == ':') {
				parts.add(new int[] { from, i });
				from = i + 1;
			}
		}
		parts.add(new int[] { from, pattern.length() });
		return parts;
	}

	private static List<String> valueParts(String value) {
		return List.of(value.split(":", ARN_PARTS));
	}

	/** Cheap rejection: the literal characters before the first and after the last wildcard must agree. */
	private static boolean literalEndsDiffer(Glob pattern, String value) {
		int n = pattern.length();
		int m = value.length();
		int i = 0;
		while (i < n && !pattern.isWildcard(i)) {
			if (i >= m || pattern.charAt(i) != value.charAt(i)) {
				return true;
			}
			i++;
		}
		if (i == n) {
			return n != m;
		}
		for (int k = 1; k <= n && !pattern.isWildcard(n - k); k++) {
			if (k > m || pattern.charAt(n - k) != value.charAt(m - k)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code pattern[from, to)} matches the whole value, every wildcard matching any character: greedy
	 * matching with back-tracking to the last {@code *}, linear in practice and without allocation.
	 */
	private static boolean greedy(Glob pattern, int from, int to, String value, boolean ignoreCase) {
		int p = from;
		int v = 0;
		int star = -1;
		int mark = 0;
		while (v < value.length()) {
			if (p < to && !pattern.isStar(p)
					&& (pattern.isWildcard(p) || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
				p++;
				v++;
			}
			else if (p < to && pattern.isStar(p)) {
				star = p++;
				mark = v;
			}
			else if (star >= 0) {
				p = star + 1;
				v = ++mark;
			}
			else {
				return false;
			}
		}
		while (p < to && pattern.isStar(p)) {
			p++;
		}
		return p == to;
	}

	private static boolean same(char a, char b, boolean ignoreCase) {
		return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
	}

	/**
	 * Whether the pattern matches the whole value when a wildcard at index i may match {@code :} only if
	 * {@code crossesColon[i]}. Dynamic programming over the suffixes of both strings, two rows: linear memory, no
	 * back-tracking blow-up.
	 */
	private static boolean match(Glob pattern, int from, int to, String value, boolean[] crossesColon) {
		int m = value.length();
		boolean[] next = new boolean[m + 1];
		boolean[] row = new boolean[m + 1];
		next[m] = true;
		for (int i = to - 1; i >= from; i--) {
			boolean crosses = crossesColon[i];
			if (pattern.isStar(i)) {
				row[m] = next[m];
				for (int j = m - 1; j >= 0; j--) {
					row[j] = next[j] || ((crosses || value.charAt(j) != ':') && row[j + 1]);
				}
			}
			else if (pattern.isWildcard(i)) {
				row[m] = false;
				for (int j = m - 1; j >= 0; j--) {
					row[j] = (crosses || value.charAt(j) != ':') && next[j + 1];
				}
			}
			else {
				char c = pattern.charAt(i);
				row[m] = false;
				for (int j = m - 1; j >= 0; j--) {
					row[j] = value.charAt(j) == c && next[j + 1];
				}
			}
			boolean[] swap = next;
			next = row;
			row = swap;
		}
		return next[0];
	}

}
