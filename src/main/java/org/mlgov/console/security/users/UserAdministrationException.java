package org.mlgov.console.security.users;

/**
 * A change to users or roles that the rules refuse (a name already taken, the last console administrator, roles that
 * must not be combined, a password that is too short). Nothing was saved. The message is written for the page;
 * {@link #field()} names the form field it belongs next to, or is {@code null} for the form as a whole.
 */
public class UserAdministrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public UserAdministrationException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The form field the message belongs to.
	 * @return the field name, or {@code null} for a message about the whole form
	 */
	public String field() {
		return this.field;
	}

}
