package org.mlgov.console.policy.evaluation;

/**
 * Three-valued logic (Kleene): a comparison that cannot be evaluated offline is {@link #UNKNOWN}, and it only
 * matters where the other operands do not already decide ({@code false AND unknown} is false, {@code true OR unknown}
 * is true).
 */
enum Truth {

	TRUE, FALSE, UNKNOWN;

	static Truth of(boolean value) {
		return value ? TRUE : FALSE;
	}

	Truth and(Truth other) {
		if (this == FALSE || other == FALSE) {
			return FALSE;
		}
		return (this == TRUE && other == TRUE) ? TRUE : UNKNOWN;
	}

	Truth or(Truth other) {
		if (this == TRUE || other == TRUE) {
			return TRUE;
		}
		return (this == FALSE && other == FALSE) ? FALSE : UNKNOWN;
	}

	Truth not() {
		return switch (this) {
			case TRUE -> FALSE;
			case FALSE -> TRUE;
			case UNKNOWN -> UNKNOWN;
		};
	}

}
