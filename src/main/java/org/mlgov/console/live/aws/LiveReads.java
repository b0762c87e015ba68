package org.mlgov.console.live.aws;

import java.util.function.Supplier;

import org.mlgov.console.aws.AwsErrors;
import org.mlgov.console.aws.AwsFailure;
import org.mlgov.console.aws.AwsProblem;
import org.mlgov.console.aws.AwsProblem.Kind;
import org.mlgov.console.live.LiveRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs live reads so that they never throw: a failing AWS call ends its read with an {@link AwsProblem}. Only the
 * problem's message is logged, never an exception of the SDK or anything from the request.
 */
final class LiveReads {

	private static final Logger logger = LoggerFactory.getLogger(LiveReads.class);

	private LiveReads() {
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
		AwsProblem problem;
		try {
			return LiveRead.found(body.get());
		}
		catch (AwsFailure failure) {
			problem = failure.problem();
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

}
