package org.mlgov.console.push.aws;

import java.util.Set;
import java.util.function.Supplier;

import org.mlgov.console.aws.AwsErrors;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.push.AwsWriteException;

import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs the push's calls: the request id of an answer, and whatever the SDK throws as an {@link AwsWriteException}
 * with the AWS error code, the request id and a sentence for the administrator. A refusal names the permission the
 * console's own credentials lack. Throttling has been retried by the SDK (standard retry mode) before it gets here.
 */
final class WriteCalls {

	private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "ResourceNotFound", "NoSuchBucket",
			"ResourceNotFoundException");

	private static final Set<String> LIMITS = Set.of("LimitExceeded", "ResourceLimitExceeded", "LimitExceededException");

	private static final Set<String> INVALID = Set.of("MalformedPolicyDocument", "ValidationException", "ValidationError",
			"InvalidInput", "MalformedXML", "InvalidRequest", "InvalidArgument");

	private WriteCalls() {
	}

	/**
	 * One write call.
	 * @param service the service
	 * @param operation the API operation
	 * @param permission the IAM action the console's credentials need for it
	 * @param subject what it writes
	 * @param call the call
	 * @return AWS's request id
	 */
	static String write(String service, String operation, String permission, String subject,
			Supplier<? extends AwsResponse> call) {
		AwsResponse response = call(service, operation, permission, subject, call);
		return (response.responseMetadata() != null) ? response.responseMetadata().requestId() : null;
	}

	/** One call whose answer is needed (reads of the push). */
	static <T> T call(String service, String operation, String permission, String subject, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (AwsWriteException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw failure(service, operation, permission, subject, ex);
		}
	}

	static AwsWriteException failure(String service, String operation, String permission, String subject,
			RuntimeException ex) {
		String call = service + " " + operation;
		AwsServiceException refusal = AwsErrors.find(ex, AwsServiceException.class);
		if (refusal == null) {
			AwsProblem problem = AwsErrors.translate(service, operation, subject, ex);
			return new AwsWriteException(new AwsProblem(problem.kind(), service, operation,
					problem.message().replace(" while reading ", " while writing ")), problem.kind().name(), null);
		}
		String code = AwsErrors.code(refusal);
		String requestId = refusal.requestId();
		String said = awsSaid(refusal);
		AwsProblem problem;
		if (refusal.isThrottlingException()) {
			Integer attempts = refusal.numAttempts();
			problem = new AwsProblem(Kind.THROTTLED, service, operation, call + " was throttled (" + code + ")"
					+ ((attempts == null) ? "" : " on all " + attempts + " attempts") + " while writing " + subject
					+ ": AWS limits the request rate of the account; push again in a minute." + said);
		}
		else if (code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation") || refusal.statusCode() == 403) {
			problem = new AwsProblem(Kind.ACCESS_DENIED, service, operation, call + " was refused (" + code
					+ "): the console's own credentials lack the permission " + permission + " on " + subject
					+ "; add it to the console's policy (docs/aws.md)." + said);
		}
		else if (NOT_FOUND.contains(code) || refusal.statusCode() == 404) {
			problem = new AwsProblem(Kind.NOT_FOUND, service, operation,
					call + " found nothing (" + code + "): " + subject + " does not exist." + said);
		}
		else if (LIMITS.contains(code)) {
			problem = new AwsProblem(Kind.SERVICE_ERROR, service, operation, call + " was refused (" + code
					+ "): a quota of the account was reached while writing " + subject + "." + said);
		}
		else if (INVALID.contains(code)) {
			problem = new AwsProblem(Kind.SERVICE_ERROR, service, operation, call + " was refused (" + code
					+ "): AWS did not accept what was sent for " + subject + "." + said);
		}
		else if ("EntityAlreadyExists".equals(code)) {
			problem = new AwsProblem(Kind.SERVICE_ERROR, service, operation, call + " was refused (" + code + "): "
					+ subject + " already exists (made by someone else meanwhile?); push again to continue from what "
					+ "is live." + said);
		}
		else {
			problem = new AwsProblem(Kind.SERVICE_ERROR, service, operation, call + " failed with HTTP "
					+ refusal.statusCode() + " (" + code + ") while writing " + subject + "." + said);
		}
		return new AwsWriteException(problem, code, requestId);
	}

	private static String awsSaid(AwsServiceException ex) {
		String message = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorMessage() : null;
		return (message != null && !message.isBlank()) ? " AWS said: " + message.strip() : "";
	}

}
