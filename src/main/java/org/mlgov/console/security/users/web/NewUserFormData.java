package org.mlgov.console.security.users.web;

import java.util.EnumSet;
import java.util.Set;

import org.mlgov.console.security.Role;

/** The form that creates a user: {@code POST /admin/users}. */
public class NewUserFormData {

	private String username = "";

	private String displayName = "";

	private String email = "";

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String temporaryPassword = "";

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public String getTemporaryPassword() {
		return this.temporaryPassword;
	}

	public void setTemporaryPassword(String temporaryPassword) {
		this.temporaryPassword = temporaryPassword;
	}

}
