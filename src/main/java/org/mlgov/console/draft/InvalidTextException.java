package org.mlgov.console.draft;

/**
 * A text typed by a user that cannot be stored: missing where it is required, or longer than its column. Nothing is
 * changed; {@link #field()} names the form field the message belongs next to.
 */
public class InvalidTextException extends IllegalArgumentException {

	private final String field;

	public InvalidTextException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The form field the text came from.
	 * @return the field's name, for example {@code reason}
	 */
	public String field() {
		return this.field;
	}

}
