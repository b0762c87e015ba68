package org.mlgov.console.diff;

/**
 * One difference between two JSON documents, as an RFC 6902 operation that turns the earlier into the later one,
 * readable on its own: its path points into the document the value is in, as that document is written.
 *
 * @param op what changed
 * @param path where, as an RFC 6901 JSON pointer ({@code ""} is the whole document, {@code /0/AllowedOrigins/1}
 * an element inside it): into the earlier document for {@link Op#REMOVE}, into the later one for {@link Op#ADD} and
 * {@link Op#REPLACE}
 * @param oldValue the value before, as compact JSON; null for {@link Op#ADD}
 * @param newValue the value after, as compact JSON; null for {@link Op#REMOVE}
 */
public record JsonChange(Op op, String path, String oldValue, String newValue) {

	/** The RFC 6902 operations a diff consists of. */
	public enum Op {

		ADD, REMOVE, REPLACE

	}

}
