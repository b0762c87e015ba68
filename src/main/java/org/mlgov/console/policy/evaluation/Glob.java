package org.mlgov.console.policy.evaluation;

import java.util.Arrays;

/**
 * A policy value after {@link PolicyVariables policy variable} substitution: its characters, and for each one whether
 * it is an IAM wildcard ({@code *} or {@code ?} written in the policy) or a literal character (everything else,
 * including the value a variable stood for and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}).
 */
final class Glob {

	private final String chars;

	/** Per character, whether it is a wildcard; null when every {@code *} and {@code ?} is one (no variable). */
	private final boolean[] wildcard;

	private Glob(String chars, boolean[] wildcard) {
		this.chars = chars;
		this.wildcard = wildcard;
	}

	/** A value without variables: every {@code *} and {@code ?} is a wildcard. */
	static Glob of(String text) {
		return new Glob(text, null);
	}

	int length() {
		return this.chars.length();
	}

	char charAt(int i) {
		return this.chars.charAt(i);
	}

	boolean isWildcard(int i) {
		if (this.wildcard == null) {
			char c = this.chars.charAt(i);
			return c == '*' || c == '?';
		}
		return this.wildcard[i];
	}

	boolean isStar(int i) {
		return this.chars.charAt(i) == '*' && isWildcard(i);
	}

	/** The text with every character taken literally (what {@code StringEquals} compares). */
	String literalText() {
		return this.chars;
	}

	@Override
	public String toString() {
		return literalText();
	}

	/** Builds a glob from pattern text (wildcards count) and literal text (they do not). */
	static final class Builder {

		private final StringBuilder chars = new StringBuilder();

		private boolean[] wildcard = new boolean[16];

		Builder pattern(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				add(c, c == '*' || c == '?');
			}
			return this;
		}

		Builder literal(String text) {
			for (int i = 0; i < text.length(); i++) {
				add(text.charAt(i), false);
			}
			return this;
		}

		private void add(char c, boolean isWildcard) {
			int at = this.chars.length();
			if (at == this.wildcard.length) {
				this.wildcard = Arrays.copyOf(this.wildcard, at * 2);
			}
			this.wildcard[at] = isWildcard;
			this.chars.append(c);
		}

		Glob build() {
			int n = this.chars.length();
			return new Glob(this.chars.toString(), Arrays.copyOf(this.wildcard, n));
		}

	}

}
