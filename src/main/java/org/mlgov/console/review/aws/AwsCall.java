package org.mlgov.console.review.aws;

import java.util.function.Supplier;

import org.mlgov.console.review.LiveRead;
import org.mlgov.console.review.ReadProblem;
import org.mlgov.console.review.ReadProblem.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs live reads so that they never throw: a failing AWS call ends its read with a {@link ReadProblem}. Only the
 * problem's message is logged, never an exception of the SDK or anything from the request.
 */
final class AwsCall {

	private static final Logger logger = LoggerFactory.getLogger(AwsCall.class);

	private AwsCall() {
	}

	/**
	 * One read, made of one or more calls.
	 * @param service the service, for problems outside any call
	 * @param operation the read's main operation, for problems outside any call
	 * @param subject what is read, for example {@code role X in account Y}
	 * @param body the calls; a failing {@link #call} ends it
	 * @return the value, or the problem
	 */
	static <T> LiveRead<T> read(String service, String operation, String subject, Supplier<T> body) {
		ReadProblem problem;
		try {
			return LiveRead.found(body.get());
		}
		catch (Failure failure) {
			problem = failure.problem;
		}
		catch (RuntimeException ex) {
			problem = AwsErrors.translate(service, operation, subject, ex);
		}
		if (problem.kind() == Kind.NOT_FOUND) {
			logger.info("{}", problem.message());
		}
		else {
			logger.warn("{}", problem.message());
		}
		return LiveRead.failed(problem);
	}

	/**
	 * One call to AWS within a {@link #read}.
	 * @param service the service called
	 * @param operation the operation called
	 * @param subject what the call reads
	 * @param call the call; consume paginators inside it
	 * @return what the call returned
	 */
	static <T> T call(String service, String operation, String subject, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (Failure failure) {
			throw failure;
		}
		catch (RuntimeException ex) {
			throw new Failure(AwsErrors.translate(service, operation, subject, ex));
		}
	}

	/**
	 * Ends the read when AWS answered for another account than the one asked for: that happens when the base
	 * credentials belong to another account and no role is configured for the one asked for.
	 * @param accountId the account asked for
	 * @param arn an ARN from the answer
	 */
	static void requireAccount(String accountId, String arn, String service, String operation, String subject) {
		String[] parts = (arn != null) ? arn.split(":", 6) : new String[0];
		if (parts.length == 6 && !parts[4].equals(accountId)) {
			throw new Failure(new ReadProblem(Kind.NOT_CONFIGURED, service, operation, service + " " + operation
					+ " answered for account " + parts[4] + " instead of " + accountId + " while reading " + subject
					+ ": set console.aws.accounts." + accountId + ".role-arn to a role the console may assume there."));
		}
	}

	static ReadProblem notConfigured(String service, String operation) {
		return new ReadProblem(Kind.NOT_CONFIGURED, service, operation,
				service + " " + operation + " was not sent: AWS access is switched off (console.aws.enabled=false).");
	}

	/** Ends a read with a problem. */
	static final class Failure extends RuntimeException {

		private final transient ReadProblem problem;

		Failure(ReadProblem problem) {
			super(problem.message(), null, false, false);
			this.problem = problem;
		}

	}

}
