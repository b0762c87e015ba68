package org.mlgov.console.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a resource pattern from a policy ({@code *} and {@code ?} wildcards, as IAM writes them) can match
 * any ARN of a resource type's ARN template from the Service Authorization Reference. Both sides are turned into
 * token lists and the product of the two automata is searched for an accepting path, so wildcards on either side are
 * handled exactly (no sampling).
 * <p>
 * Template variables are wildcards with a character class: {@code ${Region}} and {@code ${Account}} never contain
 * {@code :} or {@code /}, {@code ${BucketName}} never contains {@code /}, any other variable (object keys, role names
 * with paths, log group names) may contain anything. {@code ${Partition}} is replaced by the partition in force.
 */
public final class ArnGlob {

	private enum Kind {

		LITERAL, ONE, ANY, NO_COLON_OR_SLASH, NO_SLASH

	}

	private record Token(Kind kind, char literal) {

		boolean star() {
			return this.kind == Kind.ANY || this.kind == Kind.NO_COLON_OR_SLASH || this.kind == Kind.NO_SLASH;
		}

		boolean admits(char c) {
			return switch (this.kind) {
				case LITERAL -> this.literal == c;
				case ONE, ANY -> true;
				case NO_COLON_OR_SLASH -> c != ':' && c != '/';
				case NO_SLASH -> c != '/';
			};
		}

	}

	private ArnGlob() {
	}

	/**
	 * Templates are few (the reference's resource types): each one's text in a partition, and its token list, are
	 * kept, by partition and template as the reference writes it ({@code ${Partition}} not replaced). Bounded all the
	 * same (partitions come from callers): emptied when it reaches {@value #MAX_TEMPLATES} entries.
	 */
	private static final ConcurrentMap<String, ConcurrentMap<String, Template>> TEMPLATES = new ConcurrentHashMap<>();

	static final int MAX_TEMPLATES = 10_000;

	private static final AtomicInteger TEMPLATE_COUNT = new AtomicInteger();

	/** A template in a partition: its text and its tokens. */
	private record Template(String text, List<Token> tokens) {

		static Template of(String arnTemplate, String partition) {
			String text = arnTemplate.replace("${Partition}", partition);
			return new Template(text, fromTemplate(text));
		}

	}

	/**
	 * Answers of {@link #intersects}, which are pure functions of their arguments: the generator asks the same
	 * questions for every role (each resource of a statement against each resource type of each of its actions).
	 * Bounded: emptied when it reaches {@value #MAX_ANSWERS} entries.
	 */
	private static final ConcurrentMap<Question, Boolean> ANSWERS = new ConcurrentHashMap<>();

	static final int MAX_ANSWERS = 50_000;

	private record Question(String policyPattern, String arnTemplate, String partition) {
	}

	/** True if some concrete ARN matches both the policy pattern and the template. */
	public static boolean intersects(String policyPattern, String arnTemplate, String partition) {
		Question question = new Question(policyPattern, arnTemplate, partition);
		Boolean answer = ANSWERS.get(question);
		if (answer == null) {
			answer = computeIntersects(policyPattern, arnTemplate, partition);
			if (ANSWERS.size() >= MAX_ANSWERS) {
				ANSWERS.clear();
			}
			ANSWERS.put(question, answer);
		}
		return answer;
	}

	private static boolean computeIntersects(String policyPattern, String arnTemplate, String partition) {
		Template template = template(arnTemplate, partition);
		if (literalPrefixesDiffer(policyPattern, template.text())) {
			return false;
		}
		return intersect(fromPolicy(policyPattern), template.tokens());
	}

	private static Template template(String arnTemplate, String partition) {
		ConcurrentMap<String, Template> inPartition = TEMPLATES.get(partition);
		if (inPartition == null) {
			inPartition = TEMPLATES.computeIfAbsent(partition, (p) -> new ConcurrentHashMap<>());
		}
		Template template = inPartition.get(arnTemplate);
		if (template == null) {
			if (TEMPLATE_COUNT.incrementAndGet() > MAX_TEMPLATES) {
				TEMPLATES.clear();
				TEMPLATE_COUNT.set(0);
			}
			template = Template.of(arnTemplate, partition);
			inPartition.put(arnTemplate, template);
		}
		return template;
	}

	/**
	 * True if the concrete value (no wildcards of its own) is matched by the policy pattern, IAM-style:
	 * {@code *} matches any run of characters, {@code ?} exactly one. Linear in practice (greedy matching with
	 * back-tracking to the last star), no allocation.
	 */
	public static boolean matches(String policyPattern, String value) {
		int p = 0;
		int v = 0;
		int star = -1;
		int mark = 0;
		while (v < value.length()) {
			if (p < policyPattern.length()
					&& (policyPattern.charAt(p) == '?' || policyPattern.charAt(p) == value.charAt(v))) {
				p++;
				v++;
			}
			else if (p < policyPattern.length() && policyPattern.charAt(p) == '*') {
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
		while (p < policyPattern.length() && policyPattern.charAt(p) == '*') {
			p++;
		}
		return p == policyPattern.length();
	}

	/** Compares the two strings up to the first wildcard of the pattern or variable of the template. */
	private static boolean literalPrefixesDiffer(String pattern, String template) {
		int n = Math.min(pattern.length(), template.length());
		for (int i = 0; i < n; i++) {
			char a = pattern.charAt(i);
			char b = template.charAt(i);
			if (a == '*' || a == '?' || b == '$') {
				return false;
			}
			if (a != b) {
				return true;
			}
		}
		return false;
	}

	/** True if two policy patterns (both with IAM wildcards) can match a common value. */
	public static boolean patternsOverlap(String left, String right) {
		return intersect(fromPolicy(left), fromPolicy(right));
	}

	private static final Token ANY = new Token(Kind.ANY, ' ');

	private static final Token ONE = new Token(Kind.ONE, ' ');

	/** Literal tokens of the Latin-1 characters, shared: patterns are tokenized on every check. */
	private static final Token[] LITERALS = new Token[256];

	static {
		for (char c = 0; c < LITERALS.length; c++) {
			LITERALS[c] = new Token(Kind.LITERAL, c);
		}
	}

	private static Token literal(char c) {
		return (c < LITERALS.length) ? LITERALS[c] : new Token(Kind.LITERAL, c);
	}

	private static List<Token> fromPolicy(String pattern) {
		List<Token> tokens = new ArrayList<>(pattern.length());
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			tokens.add((c == '*') ? ANY : (c == '?') ? ONE : literal(c));
		}
		return tokens;
	}

	private static List<Token> fromTemplate(String template) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < template.length()) {
			if (template.startsWith("${", i)) {
				int end = template.indexOf('}', i);
				String variable = template.substring(i + 2, end);
				Kind kind = switch (variable) {
					case "Region", "Account" -> Kind.NO_COLON_OR_SLASH;
					case "BucketName" -> Kind.NO_SLASH;
					default -> Kind.ANY;
				};
				tokens.add(new Token(kind, ' '));
				i = end + 1;
			}
			else {
				tokens.add(literal(template.charAt(i)));
				i++;
			}
		}
		return tokens;
	}

	/**
	 * Depth-first search of the product automaton for a state where both token lists are consumed. States (i, j) are
	 * encoded as {@code i * (m + 1) + j} in a visited bit set and an int stack, so that a search allocates two
	 * arrays and no object per state.
	 */
	private static boolean intersect(List<Token> a, List<Token> b) {
		int n = a.size();
		int m = b.size();
		if (literalEndsDiffer(a, b)) {
			return false;
		}
		int width = m + 1;
		Search search = new Search((n + 1) * width, width);
		search.visit(0, 0);
		while (search.top > 0) {
			int state = search.stack[--search.top];
			int i = state / width;
			int j = state % width;
			if (i == n && j == m) {
				return true;
			}
			Token ta = (i < n) ? a.get(i) : null;
			Token tb = (j < m) ? b.get(j) : null;
			// A star may match the empty string.
			if (ta != null && ta.star()) {
				search.visit(i + 1, j);
			}
			if (tb != null && tb.star()) {
				search.visit(i, j + 1);
			}
			if (ta == null || tb == null) {
				continue;
			}
			// Consume one character that both sides admit.
			if (!ta.star() && !tb.star()) {
				boolean compatible = ta.kind() == Kind.ONE || tb.kind() == Kind.ONE || ta.literal() == tb.literal();
				if (compatible) {
					search.visit(i + 1, j + 1);
				}
			}
			else if (ta.star() && !tb.star()) {
				if (tb.kind() == Kind.ONE || ta.admits(tb.literal())) {
					search.visit(i, j + 1);
				}
			}
			else if (!ta.star()) {
				if (ta.kind() == Kind.ONE || tb.admits(ta.literal())) {
					search.visit(i + 1, j);
				}
			}
		}
		return false;
	}

	/** The work list of {@link #intersect}: each state is pushed at most once. */
	private static final class Search {

		/** The states seen, one bit each (a search visits few of them; a bit set is quick to allocate). */
		private final long[] seen;

		private final int width;

		int[] stack = new int[64];

		int top;

		Search(int states, int width) {
			this.seen = new long[(states + 63) >>> 6];
			this.width = width;
		}

		void visit(int i, int j) {
			int state = i * this.width + j;
			long bit = 1L << state;
			if ((this.seen[state >>> 6] & bit) == 0) {
				this.seen[state >>> 6] |= bit;
				if (this.top == this.stack.length) {
					this.stack = Arrays.copyOf(this.stack, this.stack.length * 2);
				}
				this.stack[this.top++] = state;
			}
		}

	}

	/** Cheap rejection: the literal runs at both ends must agree before any wildcard. */
	private static boolean literalEndsDiffer(List<Token> a, List<Token> b) {
		int n = a.size();
		int m = b.size();
		for (int i = 0; i < n && i < m; i++) {
			Token x = a.get(i);
			Token y = b.get(i);
			if (x.kind() != Kind.LITERAL || y.kind() != Kind.LITERAL) {
				break;
			}
			if (x.literal() != y.literal()) {
				return true;
			}
		}
		for (int i = 1; i <= n && i <= m; i++) {
			Token x = a.get(n - i);
			Token y = b.get(m - i);
			if (x.kind() != Kind.LITERAL || y.kind() != Kind.LITERAL) {
				break;
			}
			if (x.literal() != y.literal()) {
				return true;
			}
		}
		return false;
	}

}
