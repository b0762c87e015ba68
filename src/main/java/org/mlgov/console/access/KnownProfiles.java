package org.mlgov.console.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.mlgov.console.audit.ProfileRoles;

import org.springframework.stereotype.Component;

/**
 * The roles user profiles were last seen running with, remembered from every audit of profiles (in memory, for the
 * audit trail's search by user profile; bounded).
 */
@Component
class KnownProfiles implements ProfileRoles {

	static final int MAX_PROFILES = 200_000;

	private final Map<String, Map<String, String>> rolesByProfile = new ConcurrentHashMap<>();

	/**
	 * Remembers which role a profile runs with.
	 * @param userProfile the profile's name
	 * @param domainId its domain
	 * @param accountId the role's account
	 * @param roleName the role's name
	 */
	void remember(String userProfile, String domainId, String accountId, String roleName) {
		if (this.rolesByProfile.size() >= MAX_PROFILES && !this.rolesByProfile.containsKey(userProfile)) {
			return;
		}
		this.rolesByProfile.computeIfAbsent(userProfile, (p) -> new ConcurrentHashMap<>())
			.put(accountId + "/" + domainId, accountId + "/" + roleName);
	}

	@Override
	public List<String> roleNames(String userProfile, String accountId) {
		Map<String, String> roles = this.rolesByProfile.getOrDefault(userProfile, Map.of());
		Set<String> names = new TreeSet<>();
		roles.values().forEach((accountAndRole) -> {
			String[] parts = accountAndRole.split("/", 2);
			if (accountId == null || accountId.equals(parts[0])) {
				names.add(parts[1]);
			}
		});
		return new ArrayList<>(names);
	}

}
