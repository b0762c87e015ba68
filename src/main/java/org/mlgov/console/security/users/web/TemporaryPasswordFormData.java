package org.mlgov.console.security.users.web;

/** A temporary password for a user: {@code POST /admin/users/{id}/password}. */
public class TemporaryPasswordFormData {

	private String temporaryPassword = "";

	public String getTemporaryPassword() {
		return this.temporaryPassword;
	}

	public void setTemporaryPassword(String temporaryPassword) {
		this.temporaryPassword = temporaryPassword;
	}

}
