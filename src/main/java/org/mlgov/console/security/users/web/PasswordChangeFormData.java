package org.mlgov.console.security.users.web;

/** A user's own password change: {@code POST /account/password}. */
public class PasswordChangeFormData {

	private String currentPassword = "";

	private String newPassword = "";

	private String confirmation = "";

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return this.confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
