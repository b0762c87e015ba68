package org.mlgov.console.aws;

import java.util.function.Supplier;

import org.mlgov.console.aws.AwsProblem.Kind;


/**
 * Wraps single calls to AWS: whatever the SDK throws becomes an {@link AwsFailure} that carries an {@link AwsProblem}
 * in words a person can act on. Readers ({@code live.aws}) and writers ({@code push.aws}) both go through it.
 */
public final class AwsCall {

	private AwsCall() {
	}

	/**
	 * One call to AWS.
	 * @param service the service called
	 * @param operation the operation called
	 * @param subject what the call reads
	 * @param call the call; consume paginators inside it
	 * @return what the call returned
	 * @throws AwsFailure when the call failed
	 */
	public static <T> T call(String service, String operation, String subject, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (AwsFailure failure) {
			throw failure;
		}
		catch (RuntimeException ex) {
			throw new AwsFailure(AwsErrors.translate(service, operation, subject, ex));
		}
	}

	/**
	 * Ends the read or write when AWS answered for another account than the one asked for: that happens when the base
	 * credentials belong to another account and no role is configured for the one asked for.
	 * @param accountId the account asked for
	 * @param arn an ARN from the answer
	 */
	public static void requireAccount(String accountId, String arn, String service, String operation, String subject) {
		String[] parts = (arn != null) ? arn.split(":", 6) : new String[0];
		if (parts.length == 6 && !parts[4].equals(accountId)) {
			throw new AwsFailure(new AwsProblem(Kind.NOT_CONFIGURED, service, operation, service + " " + operation
					+ " answered for account " + parts[4] + " instead of " + accountId + " while reading " + subject
					+ ": set console.aws.accounts." + accountId + ".role-arn to a role the console may assume there."));
		}
	}

	public static AwsProblem notConfigured(String service, String operation) {
		return new AwsProblem(Kind.NOT_CONFIGURED, service, operation,
				service + " " + operation + " was not sent: AWS access is switched off for this console (whoever runs the console can turn it on).");
	}

}
