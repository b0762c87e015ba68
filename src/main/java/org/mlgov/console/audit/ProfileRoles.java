package org.mlgov.console.audit;

import java.util.List;

/**
 * Which IAM roles a SageMaker user profile runs with, for searching the audit trail by user profile: audit events
 * name roles and accounts, not profiles. Implemented by the help-desk audit of user profiles (which reads profiles
 * from AWS); without an implementation a profile search finds the profile's own events only.
 */
public interface ProfileRoles {

	/**
	 * The names of the roles a user profile of that name runs with, as last read from AWS.
	 * @param userProfile the profile's name
	 * @param accountId the account, or null for any
	 * @return role names, perhaps none
	 */
	List<String> roleNames(String userProfile, String accountId);

}
