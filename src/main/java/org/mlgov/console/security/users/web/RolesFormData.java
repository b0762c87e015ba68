package org.mlgov.console.security.users.web;

import java.util.EnumSet;
import java.util.Set;

import org.mlgov.console.security.Role;

/** The roles of a user: {@code POST /admin/users/{id}/roles}. */
public class RolesFormData {

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

}
