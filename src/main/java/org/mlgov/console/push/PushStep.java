package org.mlgov.console.push;

import java.time.Instant;

/**
 * One step of a push as it ran.
 *
 * @param pushId the push
 * @param ordinal its place in the run, from 1
 * @param service the AWS service ({@code IAM}, {@code SageMaker}, {@code S3})
 * @param operation the API call, for example {@code PutRolePolicy}
 * @param target the ARN (or name) of what the call changes
 * @param arguments a summary of the call's arguments
 * @param outcome what the step did
 * @param awsRequestId the request id AWS gave the call, or null
 * @param errorCode the AWS error code of a failed call, or null
 * @param message what happened, in words
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 */
public record PushStep(long pushId, int ordinal, String service, String operation, String target, String arguments,
		StepOutcome outcome, String awsRequestId, String errorCode, String message, Instant startedAt,
		Instant finishedAt) {
}
