package org.mlgov.console.audit.web;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.mlgov.console.audit.AuditEvent;

/**
 * The audit trail as CSV: a header row, then one row per event it is given, up to a cap; when more events come
 * than the cap allows, a last comment line says so. Times are ISO-8601 instants in UTC.
 */
final class AuditCsv implements Consumer<AuditEvent> {

	/** The most rows one export holds. */
	static final int MAX_ROWS = 100_000;

	static final List<String> HEADER = List.of("occurred_at", "actor", "action", "target", "detail",
			"remote_address", "draft_id", "draft_version", "draft_revision");

	private final CsvWriter csv;

	private final int maxRows;

	private int rows;

	private boolean capped;

	/**
	 * Starts an export and writes its header row.
	 * @param out where the CSV goes
	 * @param maxRows the cap
	 */
	AuditCsv(Writer out, int maxRows) {
		this.csv = new CsvWriter(out);
		this.maxRows = maxRows;
		this.csv.row(HEADER);
	}

	/**
	 * How many events to pass to this export: one more than the cap, which shows whether the cap cut it short.
	 * @return the number of events to read
	 */
	int eventsToRead() {
		return this.maxRows + 1;
	}

	@Override
	public void accept(AuditEvent event) {
		if (this.rows == this.maxRows) {
			this.capped = true;
			return;
		}
		this.csv.row(Arrays.asList(event.occurredAt().toString(), event.actor(), event.action(), event.target(),
				event.detail(), event.remoteAddress(), Objects.toString(event.draftId(), null),
				Objects.toString(event.draftVersion(), null), Objects.toString(event.draftRevision(), null)));
		this.rows++;
	}

	/** Ends the export: the comment line if the cap was reached, then a flush. */
	void finish() {
		if (this.capped) {
			this.csv.comment("Capped at " + this.maxRows + " rows: narrow the filters to export the rest.");
		}
		this.csv.flush();
	}

}
