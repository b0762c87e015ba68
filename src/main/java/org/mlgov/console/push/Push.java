package org.mlgov.console.push;

import java.time.Instant;

/**
 * A push of an approved revision to AWS: a job stored in the database and run by one console instance.
 *
 * @param id the push id
 * @param draftId the draft
 * @param revision the approved revision pushed
 * @param documentsSha256 the SHA-256 of the revision's documents, checked again before the push
 * @param accountId the account of the role
 * @param region the Region of the SageMaker domain and buckets
 * @param roleName the execution role
 * @param status where the job is
 * @param requestedBy the administrator who pushed
 * @param requestedAt when
 * @param startedAt when an instance claimed it, or null
 * @param finishedAt when it ended, or null
 * @param claimedBy the instance that claimed it, or null
 * @param heartbeatAt the last sign of life of that instance, or null
 * @param totalSteps how many steps the run has, once planned
 * @param writeCalls how many write calls the push sent to AWS
 * @param message why it failed, or null
 */
public record Push(long id, long draftId, int revision, String documentsSha256, String accountId, String region,
		String roleName, PushStatus status, String requestedBy, Instant requestedAt, Instant startedAt,
		Instant finishedAt, String claimedBy, Instant heartbeatAt, Integer totalSteps, int writeCalls, String message) {

	public boolean finished() {
		return this.status == PushStatus.SUCCEEDED || this.status == PushStatus.FAILED;
	}

}
