package org.mlgov.console.live.aws;

import java.util.List;

import org.mlgov.console.live.DomainSummary;
import org.mlgov.console.live.LiveBucketCors;
import org.mlgov.console.live.LiveDomain;
import org.mlgov.console.live.LivePolicy;
import org.mlgov.console.live.LiveRead;
import org.mlgov.console.live.LiveRole;
import org.mlgov.console.live.LiveStateReader;
import org.mlgov.console.live.LiveUserProfile;
import org.mlgov.console.live.UserProfileSummary;
import org.mlgov.console.aws.AwsCall;
import org.mlgov.console.aws.AwsClients;
import org.mlgov.console.aws.AwsProperties;

/**
 * Reads live state with the AWS SDK for Java v2. With {@code console.aws.enabled=false} every read answers
 * {@code NOT_CONFIGURED} and nothing is built or called.
 */
public final class AwsLiveStateReader implements LiveStateReader {

	private final boolean enabled;

	private final IamRoleReader iam;

	private final SageMakerReader sageMaker;

	private final S3CorsReader s3;

	public AwsLiveStateReader(AwsProperties properties, AwsClients clients) {
		this.enabled = properties.enabled();
		this.iam = new IamRoleReader(clients);
		this.sageMaker = new SageMakerReader(clients);
		this.s3 = new S3CorsReader(clients);
	}

	@Override
	public LiveRead<LiveRole> readRole(String accountId, String roleName) {
		return this.enabled ? this.iam.read(accountId, roleName) : off(IamRoleReader.SERVICE, "GetRole");
	}

	@Override
	public LiveRead<LiveRole> readRoleWithoutManagedDocuments(String accountId, String roleName) {
		return this.enabled ? this.iam.read(accountId, roleName, false) : off(IamRoleReader.SERVICE, "GetRole");
	}

	@Override
	public LiveRead<LivePolicy> readManagedPolicy(String accountId, String policyArn) {
		return this.enabled ? this.iam.readPolicy(accountId, policyArn) : off(IamRoleReader.SERVICE, "GetPolicy");
	}

	@Override
	public LiveRead<LiveDomain> readDomain(String accountId, String region, String domainId) {
		return this.enabled ? this.sageMaker.readDomain(accountId, region, domainId)
				: off(SageMakerReader.SERVICE, "DescribeDomain");
	}

	@Override
	public LiveRead<LiveUserProfile> readUserProfile(String accountId, String region, String domainId,
			String userProfileName) {
		return this.enabled ? this.sageMaker.readUserProfile(accountId, region, domainId, userProfileName)
				: off(SageMakerReader.SERVICE, "DescribeUserProfile");
	}

	@Override
	public LiveRead<List<DomainSummary>> listDomains(String accountId, String region) {
		return this.enabled ? this.sageMaker.listDomains(accountId, region) : off(SageMakerReader.SERVICE, "ListDomains");
	}

	@Override
	public LiveRead<List<UserProfileSummary>> listUserProfiles(String accountId, String region, String domainId) {
		return this.enabled ? this.sageMaker.listUserProfiles(accountId, region, domainId)
				: off(SageMakerReader.SERVICE, "ListUserProfiles");
	}

	@Override
	public LiveRead<LiveBucketCors> readBucketCors(String accountId, String region, String bucket) {
		return this.enabled ? this.s3.read(accountId, region, bucket) : off(S3CorsReader.SERVICE, "GetBucketCors");
	}

	private static <T> LiveRead<T> off(String service, String operation) {
		return LiveRead.failed(AwsCall.notConfigured(service, operation));
	}

}
