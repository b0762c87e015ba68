package org.mlgov.console.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The credentials for one account: a provider whose failures become a {@link CredentialsUnavailableException}
 * that says, without any secret, why none could be had. Closing the delegate is the caller's business.
 */
final class AccountCredentials implements AwsCredentialsProvider {

	private final AwsCredentialsProvider delegate;

	private final String accountId;

	private final String roleArn;

	/**
	 * @param delegate the provider that does the work
	 * @param accountId the account these credentials are for
	 * @param roleArn the role the delegate assumes, or null when it gives the base credentials
	 */
	AccountCredentials(AwsCredentialsProvider delegate, String accountId, String roleArn) {
		this.delegate = delegate;
		this.accountId = accountId;
		this.roleArn = roleArn;
	}

	@Override
	public AwsCredentials resolveCredentials() {
		try {
			return this.delegate.resolveCredentials();
		}
		catch (RuntimeException ex) {
			if (this.roleArn != null && AwsErrors.timedOut(ex)) {
				throw new CredentialsUnavailableException("STS did not answer in time when the console assumed role "
						+ this.roleArn + " to read account " + this.accountId + " (console.aws.api-call-timeout, "
						+ "console.aws.api-call-attempt-timeout)", true);
			}
			AwsServiceException refusal = AwsErrors.find(ex, AwsServiceException.class);
			if (refusal != null && this.roleArn != null) {
				throw new CredentialsUnavailableException("the console could not assume role " + this.roleArn
						+ " to read account " + this.accountId + " (STS " + AwsErrors.code(refusal)
						+ "): check that role's trust policy and the console's base credentials");
			}
			throw new CredentialsUnavailableException("the console found no AWS credentials to read account "
					+ this.accountId + ": configure console.aws.profile or the default credentials provider chain");
		}
	}

}
