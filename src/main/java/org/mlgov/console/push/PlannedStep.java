package org.mlgov.console.push;

/**
 * One step of a push plan: the call and its arguments, and whether it changes anything. A step that does not change
 * anything (the target already matches, or the step only reports, such as a policy attached by hand that is kept)
 * has no write.
 *
 * @param service the AWS service
 * @param operation the call it would make (for a step without change, the call that is not needed)
 * @param target the ARN or name of what it concerns
 * @param arguments a summary of the call's arguments
 * @param note what the step does, in words
 * @param write the write call, or null when nothing changes
 * @param attaches the managed policy ARN this step attaches, or null
 * @param detaches the managed policy ARN this step detaches, or null
 */
public record PlannedStep(String service, String operation, String target, String arguments, String note, Write write,
		String attaches, String detaches) {

	/** A write call, made through the port; returns AWS's request id. */
	@FunctionalInterface
	public interface Write {

		String run(AwsWriter writer);

	}

	static PlannedStep change(String service, String operation, String target, String arguments, String note,
			Write write) {
		return new PlannedStep(service, operation, target, arguments, note, write, null, null);
	}

	static PlannedStep noChange(String service, String operation, String target, String arguments, String note) {
		return new PlannedStep(service, operation, target, arguments, note, null, null, null);
	}

	PlannedStep attaching(String policyArn) {
		return new PlannedStep(this.service, this.operation, this.target, this.arguments, this.note, this.write,
				policyArn, null);
	}

	PlannedStep detaching(String policyArn) {
		return new PlannedStep(this.service, this.operation, this.target, this.arguments, this.note, this.write, null,
				policyArn);
	}

	/**
	 * Whether the step writes.
	 * @return {@code true} when it would change AWS
	 */
	public boolean changes() {
		return this.write != null;
	}

}
