package org.mlgov.console.live.aws;

import java.util.List;
import java.util.function.Supplier;

import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.UserSettings;
import org.mlgov.console.aws.AwsCall;
import org.mlgov.console.aws.AwsClients;

/**
 * Reads SageMaker domains and user profiles: DescribeDomain, DescribeUserProfile, and ListDomains and
 * ListUserProfiles through the SDK's paginators (NextToken). The domain's and profile's ARNs are checked against the
 * account asked for; ListUserProfiles returns no ARN to check.
 */
final class SageMakerReader {

	static final String SERVICE = "SageMaker";

	private final AwsClients clients;

	SageMakerReader(AwsClients clients) {
		this.clients = clients;
	}

	LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId) {
		Region where = this.clients.region(region);
		String subject = "domain " + domainId + " in account " + accountId + " (" + where.id() + ")";
		return LiveReads.read(SERVICE, "DescribeDomain", subject, () -> {
			DescribeDomainResponse domain = call("DescribeDomain", subject,
					() -> client(accountId, where).describeDomain((r) -> r.domainId(domainId)));
			AwsCall.requireAccount(accountId, domain.domainArn(), SERVICE, "DescribeDomain", subject);
			UserSettings defaults = domain.defaultUserSettings();
			return new LiveDomain(accountId, where.id(), domain.domainId(), domain.domainArn(), domain.domainName(),
					domain.statusAsString(), (defaults != null) ? defaults.executionRole() : null,
					(defaults != null) ? CanvasAppSettingsJson.of(defaults.canvasAppSettings()) : null);
		});
	}

	LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
			String userProfileName) {
		Region where = this.clients.region(region);
		String subject = "user profile " + userProfileName + " of domain " + domainId + " in account " + accountId
				+ " (" + where.id() + ")";
		return LiveReads.read(SERVICE, "DescribeUserProfile", subject, () -> {
			DescribeUserProfileResponse profile = call("DescribeUserProfile", subject,
					() -> client(accountId, where)
						.describeUserProfile((r) -> r.domainId(domainId).userProfileName(userProfileName)));
			AwsCall.requireAccount(accountId, profile.userProfileArn(), SERVICE, "DescribeUserProfile", subject);
			UserSettings settings = profile.userSettings();
			return new LiveUserProfile(accountId, where.id(), profile.domainId(), profile.userProfileName(),
					profile.userProfileArn(), profile.statusAsString(),
					(settings != null) ? settings.executionRole() : null,
					(settings != null) ? CanvasAppSettingsJson.of(settings.canvasAppSettings()) : null);
		});
	}

	LiveRead<List<DomainSummary>> listDomains(String accountId, String region) {
		Region where = this.clients.region(region);
		String subject = "the domains of account " + accountId + " (" + where.id() + ")";
		return LiveReads.read(SERVICE, "ListDomains", subject, () -> {
			List<DomainSummary> domains = call("ListDomains", subject,
					() -> client(accountId, where).listDomainsPaginator((r) -> {
					})
						.domains()
						.stream()
						.map((d) -> new DomainSummary(d.domainId(), d.domainName(), d.statusAsString(), d.domainArn()))
						.toList());
			domains.forEach((d) -> AwsCall.requireAccount(accountId, d.arn(), SERVICE, "ListDomains", subject));
			return domains;
		});
	}

	LiveRead<List<UserProfileSummary>> listUserProfiles(String accountId, String region, String domainId) {
		Region where = this.clients.region(region);
		String subject = "the user profiles of domain " + domainId + " in account " + accountId + " (" + where.id()
				+ ")";
		return LiveReads.read(SERVICE, "ListUserProfiles", subject,
				() -> call("ListUserProfiles", subject,
						() -> client(accountId, where).listUserProfilesPaginator((r) -> r.domainIdEquals(domainId))
							.userProfiles()
							.stream()
							.map((p) -> new UserProfileSummary(p.domainId(), p.userProfileName(), p.statusAsString()))
							.toList()));
	}

	private SageMakerClient client(String accountId, Region region) {
		return this.clients.sageMaker(accountId, region);
	}

	private static <T> T call(String operation, String subject, Supplier<T> call) {
		return AwsCall.call(SERVICE, operation, subject, call);
	}

}
