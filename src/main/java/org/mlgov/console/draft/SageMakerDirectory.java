package org.mlgov.console.draft;

import java.util.List;

/**
 * The SageMaker domains of an account and the user profiles of a domain, for the wizard's Canvas step to offer as a
 * picker. A port of the draft feature: it is implemented where AWS is read (in {@code live.aws}), so that drafts do
 * not depend on the AWS adapter. Implementations never throw: a listing that cannot be had says why.
 */
public interface SageMakerDirectory {

	/**
	 * The domains of an account in a Region.
	 * @param accountId the 12-digit account
	 * @param region the Region
	 * @return the domains, or why they cannot be listed
	 */
	Listing domains(String accountId, String region);

	/**
	 * The user profiles of a domain.
	 * @param accountId the 12-digit account that owns the domain
	 * @param region the domain's Region
	 * @param domainId the domain's id
	 * @return the profiles, or why they cannot be listed
	 */
	Listing userProfiles(String accountId, String region, String domainId);

	/**
	 * A domain or a user profile.
	 *
	 * @param id what is typed in the form: the domain id or the profile name
	 * @param name the domain's name, or null for a profile
	 * @param status its status as SageMaker says it ({@code InService}, ...), or null
	 */
	record Entry(String id, String name, String status) {
	}

	/**
	 * What a listing gave: entries, or the reason there are none to show.
	 *
	 * @param entries the entries (empty when unavailable)
	 * @param unavailable why the list could not be read, or null when it was
	 */
	record Listing(List<Entry> entries, String unavailable) {

		public Listing {
			entries = (entries == null) ? List.of() : List.copyOf(entries);
		}

		public static Listing of(List<Entry> entries) {
			return new Listing(entries, null);
		}

		public static Listing unavailable(String reason) {
			return new Listing(List.of(), reason);
		}

		public boolean available() {
			return this.unavailable == null;
		}

	}

}
