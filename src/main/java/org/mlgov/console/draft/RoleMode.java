package org.mlgov.console.draft;

/** Whether the draft creates a new role or updates an existing one (by name). */
public enum RoleMode {

	NEW_ROLE, UPDATE_EXISTING

}
