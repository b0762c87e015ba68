package org.mlgov.console.security.users;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console password must be: 12 to 128 characters (as for the bootstrap administrator), not blank, and not the
 * user name or a password that contains it. Temporary passwords follow the same rule.
 */
public final class PasswordPolicy {

	/** The fewest characters a password has. */
	public static final int MIN_LENGTH = 12;

	/** The most characters a password has (bcrypt reads at most 72 bytes; longer passphrases are still accepted). */
	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * Checks a new password.
	 * @param username whose password it is
	 * @param password the new password
	 * @return what is wrong with it, or empty when it is acceptable
	 */
	public static Optional<String> problem(String username, String password) {
		if (password == null || password.isBlank()) {
			return Optional.of("Enter a password.");
		}
		if (password.length() < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("Use at most " + MAX_LENGTH + " characters.");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("The password must not contain the user name.");
		}
		return Optional.empty();
	}

}
