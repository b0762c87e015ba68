package org.mlgov.console.live;

import java.util.Optional;
import java.util.function.Function;
import org.mlgov.console.aws.AwsProblem;

/**
 * The result of reading live state from AWS: either the value or the {@link AwsProblem} that prevented it.
 *
 * @param <T> the type of the value read
 */
public sealed interface LiveRead<T> permits LiveRead.Found, LiveRead.Failed {

	static <T> LiveRead<T> found(T value) {
		return new Found<>(value);
	}

	static <T> LiveRead<T> failed(AwsProblem problem) {
		return new Failed<>(problem);
	}

	/**
	 * Whether the read gave a value.
	 * @return {@code true} for {@link Found}
	 */
	default boolean isFound() {
		return this instanceof Found<T>;
	}

	/**
	 * The value, when the read succeeded.
	 * @return the value, or empty when the read failed
	 */
	default Optional<T> valueIfFound() {
		return (this instanceof Found<T> found) ? Optional.of(found.value()) : Optional.empty();
	}

	/**
	 * The problem, when the read failed.
	 * @return the problem, or empty when the read succeeded
	 */
	default Optional<AwsProblem> problemIfFailed() {
		return (this instanceof Failed<T> failed) ? Optional.of(failed.problem()) : Optional.empty();
	}

	/**
	 * The same result with the value transformed; a problem stays as it is.
	 * @param <U> the type of the transformed value
	 * @param mapping what to apply to the value
	 * @return the transformed result
	 */
	default <U> LiveRead<U> map(Function<? super T, ? extends U> mapping) {
		if (this instanceof Found<T> found) {
			return new Found<>(mapping.apply(found.value()));
		}
		return new Failed<>(((Failed<T>) this).problem());
	}

	/**
	 * A successful read.
	 *
	 * @param <T> the type of the value
	 * @param value the value read (never null)
	 */
	record Found<T>(T value) implements LiveRead<T> {

		public Found {
			if (value == null) {
				throw new IllegalArgumentException("a live read needs a value");
			}
		}

	}

	/**
	 * A read that did not give a value.
	 *
	 * @param <T> the type of the value that was asked for
	 * @param problem why
	 */
	record Failed<T>(AwsProblem problem) implements LiveRead<T> {

		public Failed {
			if (problem == null) {
				throw new IllegalArgumentException("a failed live read needs a problem");
			}
		}

	}

}
