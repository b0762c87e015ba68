package org.mlgov.console.push;

/** Where a push job is: waiting to be claimed, running on one console instance, or finished. */
public enum PushStatus {

	/** Stored, waiting for a console instance to claim it. */
	QUEUED,
	/** Claimed by one console instance, which runs its steps. */
	RUNNING,
	/** Every step succeeded: the approved revision is live. */
	SUCCEEDED,
	/** A step failed, or the console stopped during the push; its finished steps are kept. */
	FAILED

}
