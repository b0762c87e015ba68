package org.mlgov.console.draft.web;

import org.mlgov.console.draft.SageMakerDirectory;
import org.mlgov.console.draft.SageMakerDirectory.Listing;
import org.mlgov.console.policy.RoleSpec;

import org.springframework.stereotype.Component;

/**
 * What the Canvas step offers to pick where its settings apply: the SageMaker domains of the draft's account and
 * Region, and the user profiles of the domain typed or picked, read live through the {@link SageMakerDirectory}.
 * Typed names are still allowed; where nothing can be listed the page says why instead.
 */
@Component
class CanvasTargetOptions {

	/**
	 * The options of one page.
	 *
	 * @param accountId the draft's account, or null before step 1 names it
	 * @param region the draft's Region, or null
	 * @param domains the domains, or null when the account or Region is missing
	 * @param domainId the domain whose profiles are listed, or null when none (valid) is typed
	 * @param profiles the domain's user profiles, or null when there is no domain
	 */
	record Options(String accountId, String region, Listing domains, String domainId, Listing profiles) {

		/** Whether a list of domains can be offered. */
		public boolean domainsListed() {
			return this.domains != null && this.domains.available();
		}

		/** Whether a list of user profiles can be offered. */
		public boolean profilesListed() {
			return this.profiles != null && this.profiles.available();
		}

	}

	private final SageMakerDirectory directory;

	CanvasTargetOptions(SageMakerDirectory directory) {
		this.directory = directory;
	}

	/**
	 * The options for a draft's specification and the domain id of the form.
	 * @param spec the draft's specification (its account and Region)
	 * @param typedDomainId the domain id typed or picked on the page (listed only if it is a valid id)
	 */
	Options of(RoleSpec spec, String typedDomainId) {
		return of(spec.accountId(), spec.region(), typedDomainId);
	}

	/**
	 * The options for an account, Region and domain id as a specification and form hold them.
	 * @param accountId the account, or null (blank) when step 1 does not name one yet
	 * @param regionName the Region, or null (blank)
	 * @param typedDomainId the domain id (listed only if it is a valid id)
	 */
	Options of(String accountId, String regionName, String typedDomainId) {
		String account = FormValues.text(accountId);
		String region = FormValues.text(regionName);
		if (account == null || region == null) {
			return new Options(account, region, null, null, null);
		}
		Listing domains = this.directory.domains(account, region);
		String domainId = FormValues.text(typedDomainId);
		if (!domains.available() || domainId == null || !CanvasFormData.isDomainId(domainId)) {
			// Where the domains cannot be listed (AWS switched off, no access), their line says why, once.
			return new Options(account, region, domains, null, null);
		}
		return new Options(account, region, domains, domainId,
				this.directory.userProfiles(account, region, domainId));
	}

}
