package org.mlgov.console.aws;

import java.io.IOException;
import java.util.Set;

import org.mlgov.console.aws.AwsProblem.Kind;


import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into a {@link AwsProblem} a reviewer can act on. Messages name the operation, the
 * AWS error code and what was being read; they quote AWS's own error text only where it explains a refusal, and
 * never contain credentials.
 */
public final class AwsErrors {

	private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "ResourceNotFound", "NoSuchBucket",
			"ResourceNotFoundException");

	/** Codes with which AWS rejects the credentials themselves rather than the permission. */
	private static final Set<String> REJECTED_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
			"ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken",
			"MissingAuthenticationToken");

	private AwsErrors() {
	}

	public static AwsProblem translate(String service, String operation, String subject, RuntimeException ex) {
		String call = service + " " + operation;
		CredentialsUnavailableException noCredentials = find(ex, CredentialsUnavailableException.class);
		if (noCredentials != null) {
			return new AwsProblem(noCredentials.timedOut() ? Kind.TIMED_OUT : Kind.NO_CREDENTIALS, service, operation,
					call + " was not sent: " + noCredentials.getMessage() + ".");
		}
		if (timedOut(ex)) {
			return new AwsProblem(Kind.TIMED_OUT, service, operation, call + " timed out while reading " + subject
					+ ": AWS did not answer within the console's timeouts (console.aws.api-call-timeout, "
					+ "console.aws.api-call-attempt-timeout).");
		}
		AwsServiceException refusal = find(ex, AwsServiceException.class);
		if (refusal != null) {
			return serviceProblem(service, operation, subject, refusal);
		}
		Throwable cause = rootCause(ex);
		String what = cause.getClass().getSimpleName()
				+ ((cause instanceof IOException && cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		String reason = (ex instanceof SdkException) ? " could not reach AWS while reading " : " failed while reading ";
		return new AwsProblem(Kind.SERVICE_ERROR, service, operation, call + reason + subject + " (" + what + ").");
	}

	private static AwsProblem serviceProblem(String service, String operation, String subject,
			AwsServiceException ex) {
		String call = service + " " + operation;
		String code = code(ex);
		int status = ex.statusCode();
		if (ex.isThrottlingException()) {
			Integer attempts = ex.numAttempts();
			return new AwsProblem(Kind.THROTTLED, service, operation, call + " was throttled (" + code + ")"
					+ ((attempts == null) ? "" : (attempts == 1) ? " on its only attempt" : " on all " + attempts + " attempts")
					+ " while reading " + subject
					+ ": AWS limits the request rate of the account; try again in a minute.");
		}
		if (REJECTED_CREDENTIALS.contains(code)) {
			return new AwsProblem(Kind.NO_CREDENTIALS, service, operation,
					call + " was refused (" + code + "): AWS rejected the console's credentials while reading "
							+ subject + ".");
		}
		if (NOT_FOUND.contains(code) || status == 404) {
			return new AwsProblem(Kind.NOT_FOUND, service, operation,
					call + " found nothing (" + code + "): " + subject + " does not exist.");
		}
		if (code.startsWith("AccessDenied") || status == 403) {
			return new AwsProblem(Kind.ACCESS_DENIED, service, operation, call + " was refused (" + code
					+ "): the console's credentials may not read " + subject + "." + awsSaid(ex));
		}
		return new AwsProblem(Kind.SERVICE_ERROR, service, operation,
				call + " failed with HTTP " + status + " (" + code + ") while reading " + subject + "." + awsSaid(ex));
	}

	/** Whether the SDK gave up because a call or one of its attempts took longer than the configured timeouts. */
	public static boolean timedOut(Throwable thrown) {
		return find(thrown, ApiCallTimeoutException.class) != null
				|| find(thrown, ApiCallAttemptTimeoutException.class) != null;
	}

	public static String code(AwsServiceException ex) {
		String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
		return (code != null && !code.isBlank()) ? code : "HTTP " + ex.statusCode();
	}

	private static String awsSaid(AwsServiceException ex) {
		String message = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorMessage() : null;
		return (message != null && !message.isBlank()) ? " AWS said: " + message.strip() : "";
	}

	public static <E extends Throwable> E find(Throwable thrown, Class<E> type) {
		for (Throwable t = thrown; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static Throwable rootCause(Throwable thrown) {
		Throwable root = thrown;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
